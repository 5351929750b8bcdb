/**
 * Merging a project file with added documents: the texts it carries come back from the
 * file worker's handler and are stored before the first of its records is applied, so a
 * card of the merged project reads at once.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { convertDocument } from '#shared/documents/import/convert.ts';
import { addDocument } from '#shared/model/documents.ts';
import { listDocuments } from '#shared/model/document-views.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { createProject, setMember } from '#shared/model/project.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { newDocumentOf } from '../../../renderer/library/document-import.ts';
import { createFileFlow } from '../../../renderer/projects/file-flow.ts';
import { createFileJobs, inThreadTransport } from '../../../renderer/projects/file-jobs-client.ts';
import type { ProjectsController } from '../../../renderer/projects/projects-controller.ts';

const ana = { member: 'memberAnaAAAAAAAAAAAAA' as MemberId };
const bo = { member: 'memberBoBBBBBBBBBBBBBBB' as MemberId };

describe('merging a project file with added documents', () => {
  it('stores the texts it carries before its document records appear', async () => {
    const theirs = new Y.Doc();
    createProject(theirs, ana, { name: 'Ana' });
    setMember(theirs, ana, { name: 'Ana', colour: '#d1495b' });
    const converted = await convertDocument(new TextEncoder().encode('Field notes\nThe pump is shared.'), 'notes.txt');
    addDocument(theirs, ana, newDocumentOf(converted));
    const file = encodeProjectFile(theirs, new Map([[converted.id, converted.source]]));

    const mine = new Y.Doc();
    createProject(mine, bo, { name: 'Bo' });
    const stored = new Map<string, string>();
    const recordsWhenStored: number[] = [];
    const flow = createFileFlow({
      host: { session: { doc: mine, flush: () => Promise.resolve() }, actor: () => bo, notify: () => undefined },
      dialogs: { saveFile: () => Promise.resolve(false), openFile: () => Promise.resolve(null) },
      projects: {} as ProjectsController,
      jobs: createFileJobs(inThreadTransport()),
      texts: { put: async (id, source) => { recordsWhenStored.push(listDocuments(mine).length); stored.set(id, source); } },
    });
    await flow.offerMerge('ana.marginalia', file);
    await flow.confirmMerge({ joinSameNameCodes: false });
    expect(stored).toEqual(new Map([[converted.id, converted.source]]));
    expect(recordsWhenStored).toEqual([0]);
    expect(listDocuments(mine).map((view) => view.id)).toEqual([converted.id]);
  });
});
