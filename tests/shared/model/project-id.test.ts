/**
 * Re-stamping the project id: a merge that brought another project's id is corrected, a
 * doc already carrying its own id or none at all is left as it is.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ProjectId } from '#shared/model/ids.ts';
import { createProject, getProjectMeta } from '#shared/model/project.ts';
import { restampProjectId } from '#shared/model/project-id.ts';
import { replica } from '../../helpers/replicas.ts';

const TEAM = 'team-project-0000000000' as ProjectId;

describe('restampProjectId', () => {
  it('replaces a foreign project id and keeps the rest of the meta', () => {
    const ana = replica('ana', 1);
    createProject(ana.doc, ana.actor, { name: 'Personal', id: 'personal-project-000000' as ProjectId });
    expect(restampProjectId(ana.doc, TEAM)).toBe(true);
    expect(getProjectMeta(ana.doc)).toMatchObject({ id: TEAM, name: 'Personal' });
    expect(restampProjectId(ana.doc, TEAM)).toBe(false);
  });

  it('leaves a doc without a project id without one', () => {
    const doc = new Y.Doc();
    let changes = 0;
    doc.on('afterTransaction', (transaction: Y.Transaction) => void (changes += transaction.changed.size));
    expect(restampProjectId(doc, TEAM)).toBe(false);
    expect(getProjectMeta(doc).id).toBeUndefined();
    expect(changes).toBe(0);
  });
});
