/**
 * REFI-QDA projects written the way other QDA programs write them, built here from the
 * standard and validated against its XSD: a `.qde` not named project.qde, a `Sources/`
 * folder, CRLF text with a byte-order mark, emoji (outside the BMP) before a selection,
 * plain text inline in the `.qde`, codes without colours, a source that is one of the
 * bundled articles written with CRLF, a picture source and a set (listed as skipped).
 * Every highlight must land on exactly the text the file selected.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyQdpx, type AddQdpxSource } from '#shared/export/qdpx-apply.ts';
import { addSourcesAsDocuments } from '#shared/export/qdpx-documents.ts';
import { IMPORT_CODE_PALETTE } from '#shared/export/qdpx-identities.ts';
import type { ConvertedDocument } from '#shared/documents/import/article-file.ts';
import { listDocuments } from '#shared/model/document-views.ts';
import { readQdpx } from '#shared/export/qdpx-read.ts';
import { contentHash } from '#shared/documents/hash.ts';
import { listAllHighlights } from '#shared/model/highlight-reads.ts';
import { listMemos } from '#shared/model/memo-views.ts';
import { listMembers } from '#shared/model/project.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { validateRefiXml } from './conformance.ts';
import { codePointSpan, el, guid, qde, qdpx } from '../../helpers/qdpx-builder.ts';
import { loadFixtureArticles } from '../../helpers/seeded-project.ts';

const INTERVIEW = 'Line one 😀 about migration.\r\nSecond line 🧭🧭 says return home.\r\n\r\nThird paragraph, 𝒜 at last.';
const INLINE = 'Inline text with 𝒜 and energy policy.';
const T = '2026-01-05T10:00:00Z';

/** Stands in for the document converter: collapses blank lines, so canonical offsets differ from the source's. */
const addSource: AddQdpxSource = (_doc, _actor, source) => {
  const map: number[] = [];
  let canonical = '';
  for (let i = 0; i <= source.text.length; i++) {
    map[i] = canonical.length;
    if (i < source.text.length && !(source.text[i] === '\n' && source.text[i - 1] === '\n')) canonical += source.text[i];
  }
  return { documentId: `user-${source.guid.slice(0, 8)}`, text: canonical, hash: contentHash(canonical), toCanonical: (offset) => map[offset] as number };
};

describe('REFI-QDA project import: projects from other programs', async () => {
  const articles = await loadFixtureArticles();
  const article = articles[1]!;
  const bundled = article.text.replace(/\n/g, '\r\n');
  const phrase = article.text.slice(article.text.indexOf('\n', 200) + 1).slice(0, 40);
  const xml = qde(
    { name: 'Interviews 2026', origin: 'Some QDA 12', creatingUserGUID: guid(1) },
    el('Users', {}, el('User', { guid: guid(1), name: 'Leyla' }), el('User', { guid: guid(2), name: 'Tomas' })),
    el('CodeBook', {}, el('Codes', {},
      el('Code', { guid: guid(10), name: 'Migration', isCodable: true }, el('Description', {}, 'Moving away'), el('Code', { guid: guid(11), name: 'Return', isCodable: true })),
      el('Code', { guid: guid(12), name: 'Energy', isCodable: true, color: '#00FF00' }),
    )),
    el('Sources', {},
      el('TextSource', { guid: guid(20), name: 'Interview 1', plainTextPath: 'internal://interview-1.txt', creatingUser: guid(1) },
        el('PlainTextSelection', { guid: guid(30), name: 'return', ...codePointSpan(INTERVIEW, 'says return home'), creatingUser: guid(1), creationDateTime: T },
          el('Coding', { guid: guid(40), creatingUser: guid(1) }, el('CodeRef', { targetGUID: guid(11) })),
          el('Coding', { guid: guid(41), creatingUser: guid(2) }, el('CodeRef', { targetGUID: guid(10) }))),
        el('PlainTextSelection', { guid: guid(31), name: 'last', ...codePointSpan(INTERVIEW, '𝒜 at last'), creatingUser: guid(2) },
          el('Coding', { guid: guid(42), creatingUser: guid(2) }, el('CodeRef', { targetGUID: guid(10) }))),
        el('NoteRef', { targetGUID: guid(51) })),
      el('TextSource', { guid: guid(21), name: 'Inline' },
        el('PlainTextContent', {}, INLINE),
        el('PlainTextSelection', { guid: guid(32), name: 'energy', ...codePointSpan(INLINE, 'energy policy'), creatingUser: guid(2) },
          el('Coding', { guid: guid(43), creatingUser: guid(2) }, el('CodeRef', { targetGUID: guid(12) })),
          el('NoteRef', { targetGUID: guid(50) }))),
      el('TextSource', { guid: guid(22), name: article.meta.title, plainTextPath: 'internal://article.txt' },
        el('PlainTextSelection', { guid: guid(33), name: 'article', ...codePointSpan(bundled, phrase), creatingUser: guid(1) },
          el('Coding', { guid: guid(44), creatingUser: guid(1) }, el('CodeRef', { targetGUID: guid(12) })))),
      el('PictureSource', { guid: guid(23), name: 'Map', path: 'internal://map.png' },
        el('PictureSelection', { guid: guid(34), name: 'corner', firstX: 0, firstY: 0, secondX: 10, secondY: 10 })),
    ),
    el('Notes', {},
      el('Note', { guid: guid(50), name: 'Memo on energy', creatingUser: guid(2), creationDateTime: T }, el('PlainTextContent', {}, 'Policy, not practice.')),
      el('Note', { guid: guid(51), name: 'About interview 1', creatingUser: guid(1) }, el('PlainTextContent', {}, 'Recorded in Baku.')),
      el('Note', { guid: guid(52), name: 'Project memo', creatingUser: guid(1) }, el('PlainTextContent', {}, 'Second round of coding.')),
    ),
    el('Sets', {}, el('Set', { guid: guid(60), name: 'Wave 1' }, el('MemberSource', { targetGUID: guid(20) }))),
    el('NoteRef', { targetGUID: guid(52) }),
  );
  const file = qdpx({
    'Interviews 2026.qde': xml,
    'Sources/interview-1.txt': `\uFEFF${INTERVIEW}`,
    'Sources/article.txt': bundled,
    'Sources/map.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  });
  const articleTargets = articles.map((one) => ({ id: one.meta.id, text: one.text, hash: one.hash }));

  it('builds a .qde that the REFI-QDA schema accepts', async () => {
    expect(await validateRefiXml(xml, 'Project.xsd')).toEqual([]);
  });

  it('reads it, listing the picture source, its selection and the set as skipped', () => {
    const project = readQdpx(file);
    expect(project.name).toBe('Interviews 2026');
    expect(project.sources.map((source) => source.name)).toEqual(['Interview 1', 'Inline', article.meta.title]);
    expect(project.sources[0]?.text).toBe(INTERVIEW.replace(/\r\n/g, '\n'));
    expect(project.skipped.map((item) => [item.kind, item.name])).toEqual([['source', 'Map'], ['selection', 'corner'], ['set', 'Wave 1']]);
  });

  it('puts every highlight on exactly the selected text, through CRLF, emoji and the document’s offset map', () => {
    const doc = new Y.Doc();
    const report = applyQdpx(doc, readQdpx(file), { articles: articleTargets, addSource });
    expect(report).toMatchObject({ ok: true, counts: { documentsMatched: 1, documentsAdded: 2, highlights: 4, codings: 5, notes: 1, memos: 2, membersCreated: 2, codesCreated: 3 } });
    const highlights = listAllHighlights(doc);
    const quotes = Object.fromEntries(highlights.map((highlight) => [highlight.quote.exact, highlight]));
    expect(Object.keys(quotes).sort()).toEqual(['energy policy', 'says return home', '𝒜 at last', phrase].sort());
    const onArticle = quotes[phrase]!;
    expect(onArticle.documentId).toBe(article.meta.id);
    expect(article.text.slice(onArticle.position.start, onArticle.position.end)).toBe(phrase);
    const last = quotes['𝒜 at last']!;
    const canonical = addSource(doc, { member: 'x' as never }, { guid: guid(20).toLowerCase(), name: '', text: INTERVIEW.replace(/\r\n/g, '\n'), selections: [], noteRefs: [] })!.text;
    expect(canonical.slice(last.position.start, last.position.end)).toBe('𝒜 at last');
  });

  it('keeps who coded what, codes without colours get palette colours, notes land where they were', () => {
    const doc = new Y.Doc();
    applyQdpx(doc, readQdpx(file), { articles: articleTargets, addSource });
    const names = new Map(listMembers(doc).map((member) => [member.id, member.name]));
    expect([...names.values()].sort()).toEqual(['Leyla', 'Tomas']);
    const index = buildTagIndex(doc);
    const tag = (name: string) => [...index.tags.values()].find((view) => view.name === name)!;
    expect(tag('Return').parentId).toBe(tag('Migration').id);
    expect(tag('Migration').description).toBe('Moving away');
    expect(tag('Energy').colour).toBe('#00ff00');
    expect(IMPORT_CODE_PALETTE).toContain(tag('Migration').colour);
    const returnHome = listAllHighlights(doc).find((highlight) => highlight.quote.exact === 'says return home')!;
    expect(names.get(returnHome.createdBy)).toBe('Leyla');
    expect(returnHome.tags.map((applied) => [applied.tag.name, names.get(applied.by!)]).sort()).toEqual([['Migration', 'Tomas'], ['Return', 'Leyla']]);
    const energy = listAllHighlights(doc).find((highlight) => highlight.quote.exact === 'energy policy')!;
    expect(energy.notes.map((note) => [note.text, names.get(note.createdBy), new Date(note.createdAt).toISOString()])).toEqual([['Policy, not practice.', 'Tomas', '2026-01-05T10:00:00.000Z']]);
    expect(listMemos(doc).map((memo) => [memo.subject, memo.records.map((record) => record.text)])).toEqual(
      expect.arrayContaining([['project', ['Second round of coding.']], [`d:user-${guid(20).toLowerCase().slice(0, 8)}`, ['Recorded in Baku.']]]),
    );
  });

  it('with the ready-made document adder, the other sources become added documents and their highlights land on the same words', () => {
    const doc = new Y.Doc();
    const kept: ConvertedDocument[] = [];
    const report = applyQdpx(doc, readQdpx(file), { articles: articleTargets, addSource: addSourcesAsDocuments((converted) => kept.push(converted)) });
    expect(report).toMatchObject({ ok: true, counts: { documentsMatched: 1, documentsAdded: 2, highlights: 4 } });
    expect(listDocuments(doc).map((document) => [document.title, document.format]).sort()).toEqual([['Inline', 'qdpx'], ['Interview 1', 'qdpx']]);
    const texts = new Map(kept.map((converted) => [converted.id as string, converted.article.text]));
    for (const highlight of listAllHighlights(doc)) {
      const text = texts.get(highlight.documentId) ?? articles.find((one) => one.meta.id === highlight.documentId)?.text;
      expect(text?.slice(highlight.position.start, highlight.position.end)).toBe(highlight.quote.exact);
    }
    expect(listAllHighlights(doc).map((highlight) => highlight.quote.exact).sort()).toEqual(['energy policy', 'says return home', '𝒜 at last', phrase].sort());
  });

  it('without a way to add documents, sources that are no bundled article are skipped with their selections', () => {
    const doc = new Y.Doc();
    const report = applyQdpx(doc, readQdpx(file), { articles: articleTargets });
    expect(report).toMatchObject({ ok: true, counts: { documentsMatched: 1, documentsAdded: 0, highlights: 1 } });
    if (!report.ok) return;
    expect(report.skipped.filter((item) => item.reason.includes('cannot add documents')).map((item) => item.name)).toEqual(['Interview 1', 'Inline']);
  });
});
