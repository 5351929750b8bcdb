/**
 * Importing a REFI-QDA project into a project that already has people and codes: a user
 * with the name of a member here is that member (folded: case, accents), a code with the
 * name of a live code under the same parent is that code, the person importing creates the
 * new codes, and nothing already here is rewritten.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { importQdpx } from '#shared/export/qdpx-import.ts';
import { contentHash } from '#shared/documents/hash.ts';
import { listAllHighlights } from '#shared/model/highlight-reads.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { createProject, listMembers, setMember } from '#shared/model/project.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { createTag } from '#shared/model/tags.ts';
import { codePointSpan, el, guid, qde, qdpx } from '../../helpers/qdpx-builder.ts';

const TEXT = 'Energy corridors and the return of refugees.';
const article = { id: 'corridors', text: TEXT, hash: contentHash(TEXT) };

describe('REFI-QDA project import into a project with people and codes', () => {
  const me = { member: 'MEMEMEMEMEMEMEMEMEMEMA' as MemberId };
  const doc = new Y.Doc();
  createProject(doc, me, { name: 'Ours' });
  setMember(doc, me, { name: 'Leyla Əliyeva', colour: '#123456' });
  const energy = createTag(doc, me, { name: 'Energy', colour: '#ff0000' });
  const xml = qde(
    { name: 'Theirs' },
    el('Users', {}, el('User', { guid: guid(1), name: ' LEYLA ƏLIYEVA ' }), el('User', { guid: guid(2), name: 'Tomas' })),
    el('CodeBook', {}, el('Codes', {}, el('Code', { guid: guid(10), name: 'energy', isCodable: true, color: '#00ff00' }, el('Code', { guid: guid(11), name: 'Energy', isCodable: true })))),
    el('Sources', {}, el('TextSource', { guid: guid(20), name: 'Corridors' }, el('PlainTextContent', {}, TEXT),
      el('PlainTextSelection', { guid: guid(30), name: 'a', ...codePointSpan(TEXT, 'Energy corridors'), creatingUser: guid(2) },
        el('Coding', { guid: guid(40), creatingUser: guid(1) }, el('CodeRef', { targetGUID: guid(10) })),
        el('Coding', { guid: guid(41), creatingUser: guid(2) }, el('CodeRef', { targetGUID: guid(11) }))))),
  );

  it('reuses the same-name member and code, adds the others, and credits the person importing with the new codes', () => {
    const report = importQdpx(doc, qdpx({ 'theirs.qde': xml }), { articles: [article], importer: me.member });
    expect(report).toMatchObject({ ok: true, project: 'Ours', counts: { membersReused: 1, membersCreated: 1, codesReused: 1, codesCreated: 1, highlights: 1, codings: 2 } });
    expect(listMembers(doc).map((member) => member.name)).toEqual(['Leyla Əliyeva', 'Tomas']);
    const index = buildTagIndex(doc);
    expect(index.tags.get(energy)?.colour).toBe('#ff0000');
    const child = [...index.tags.values()].find((tag) => tag.parentId === energy);
    expect(child).toMatchObject({ name: 'Energy', createdBy: me.member });
    const [highlight] = listAllHighlights(doc);
    const names = new Map(listMembers(doc).map((member) => [member.id, member.name]));
    expect(names.get(highlight!.createdBy)).toBe('Tomas');
    expect(highlight!.tags.map((applied) => [applied.tag.id === energy ? 'existing Energy' : 'new Energy', names.get(applied.by!)]).sort()).toEqual([
      ['existing Energy', 'Leyla Əliyeva'],
      ['new Energy', 'Tomas'],
    ]);
  });
});
