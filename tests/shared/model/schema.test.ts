import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addHighlight } from '#shared/model/highlights.ts';
import { META, roots } from '#shared/model/layout.ts';
import { createProject, getProjectMeta } from '#shared/model/project.ts';
import { SCHEMA_VERSION, SchemaError, checkSchema } from '#shared/model/schema.ts';
import { createTag } from '#shared/model/tags.ts';
import { push, replica } from '../../helpers/replicas.ts';

describe('schema version', () => {
  it('an empty doc is writable; createProject stamps the current version once', () => {
    const { doc, actor } = replica('ana', 1);
    expect(checkSchema(doc)).toMatchObject({ writable: true, empty: true });
    createProject(doc, actor, { name: 'P' });
    expect(checkSchema(doc)).toEqual({ writable: true, empty: false, ...SCHEMA_VERSION });
    expect(getProjectMeta(doc)).toMatchObject({ name: 'P', schema: SCHEMA_VERSION, updatedBy: 'ana' });
    expect(() => createProject(doc, actor, { name: 'again' })).toThrow(/already/);
  });

  it('a doc written by a newer major version is read-only: every write throws and nothing changes', () => {
    const newer = replica('future', 9);
    createProject(newer.doc, newer.actor, { name: 'P' });
    newer.doc.transact(() => roots(newer.doc).meta.set(META.major, SCHEMA_VERSION.major + 1));
    const old = replica('ana', 1);
    push(newer.doc, old.doc);
    const status = checkSchema(old.doc);
    expect(status.writable).toBe(false);
    const before = Y.encodeStateVector(old.doc);
    expect(() => createTag(old.doc, old.actor, { name: 'x' })).toThrow(SchemaError);
    expect(() =>
      addHighlight(old.doc, old.actor, {
        documentId: 'd',
        documentHash: 'h',
        position: { start: 0, end: 1 },
        quote: { exact: 'a', prefix: '', suffix: '' },
      }),
    ).toThrow(/newer Marginalia/);
    expect(Y.encodeStateVector(old.doc)).toEqual(before);
  });

  it('a newer minor version stays writable', () => {
    const { doc, actor } = replica('ana', 1);
    createProject(doc, actor, { name: 'P' });
    doc.transact(() => roots(doc).meta.set(META.minor, SCHEMA_VERSION.minor + 3));
    expect(checkSchema(doc).writable).toBe(true);
    expect(() => createTag(doc, actor, { name: 'ok' })).not.toThrow();
  });
});
