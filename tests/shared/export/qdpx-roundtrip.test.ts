/**
 * Our own REFI-QDA export comes back: a project with highlights on the bundled articles,
 * codes with hierarchy, colours and descriptions, codings, notes and replies by several
 * people is exported with `excerptsToQdpx` and imported into an empty project, which then
 * holds the same highlights (same document, offsets and quote, same creator), the same
 * codes, the same coders, notes and replies — and the import is one update under the import
 * origin that undo never captures, with each person's work written by their own client.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { Excerpt } from '#shared/export/excerpt.ts';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import { importQdpx } from '#shared/export/qdpx-apply.ts';
import { readQdpx } from '#shared/export/qdpx-read.ts';
import { excerptsToQdpx } from '#shared/export/refi-qda.ts';
import { listMemos } from '#shared/model/memo-views.ts';
import { createUndoManager } from '#shared/model/undo.ts';
import { buildSeededProject } from '../../helpers/seeded-project.ts';

const anchoredOnly = (excerpts: readonly Excerpt[]) => excerpts.filter((excerpt) => excerpt.anchored);
/** REFI-QDA colours are #RRGGBB: the seeded short colour #abc comes back as #aabbcc. */
const longColours = (excerpts: readonly Excerpt[]) =>
  excerpts.map((excerpt) => ({ ...excerpt, tags: excerpt.tags.map((tag) => ({ ...tag, colour: tag.colour === '#abc' ? '#aabbcc' : tag.colour })) }));

describe('REFI-QDA project import: our own export round-trips', async () => {
  const project = await buildSeededProject();
  const articles = project.articles.map((article) => ({ id: article.meta.id, text: article.text, hash: article.hash }));
  const context = buildExportContext(project.doc, project.articles, project.exportedAt);
  const exported = queryExcerpts(project.doc, project.articles);
  const qdpx = excerptsToQdpx(exported, context).data;

  it('reads the archive into users, codes, sources, selections and notes with nothing skipped but the unanchored note', () => {
    const read = readQdpx(qdpx);
    expect(read.users.map((user) => user.name).sort()).toEqual(['@Cem, Jr.', 'Ana Əliyeva', 'Bora "B" İnce']);
    expect(read.codes.map((code) => code.name)).toEqual(['=Formula?', 'Economy', 'Energy', 'Security']);
    expect(read.sources.flatMap((source) => source.selections)).toHaveLength(anchoredOnly(exported).length);
    expect(read.skipped).toEqual([]);
  });

  it('brings back the same highlights, codes, coders, notes and replies', () => {
    const copy = new Y.Doc();
    const report = importQdpx(copy, qdpx, { articles });
    expect(report).toMatchObject({ ok: true, skipped: [] });
    if (!report.ok) return;
    expect(report.counts).toMatchObject({ membersCreated: 3, codesCreated: 6, documentsMatched: 6, highlights: 8, codings: 10, notes: 3, replies: 2 });
    const again = queryExcerpts(copy, project.articles);
    expect(again).toEqual(longColours(anchoredOnly(exported)));
    const copyContext = buildExportContext(copy, project.articles, project.exportedAt);
    expect(copyContext.codebook.map(({ id, name, colour, description, parentId }) => ({ id, name, colour, description, parentId }))).toEqual(
      context.codebook.map(({ id, name, colour, description, parentId }) => ({ id, name, colour: colour.length === 4 ? '#aabbcc' : colour, description, parentId })),
    );
    expect(copyContext.members).toEqual(context.members);
    expect(copyContext.projectName).toBe(context.projectName);
  });

  it('lands each highlight on exactly its text: stored offsets and quote equal the original', () => {
    const copy = new Y.Doc();
    importQdpx(copy, qdpx, { articles });
    const before = new Map(anchoredOnly(exported).map((excerpt) => [excerpt.id, excerpt]));
    for (const excerpt of queryExcerpts(copy, project.articles)) {
      const original = before.get(excerpt.id);
      expect(excerpt.document.id).toBe(original?.document.id);
      expect(excerpt.utf16).toEqual(original?.utf16);
      expect(excerpt.quote).toBe(original?.quote);
    }
  });

  it('is one update under the import origin: undo never captures it, and importing again adds nothing', () => {
    const copy = new Y.Doc();
    const undo = createUndoManager(copy, project.members.ana);
    const updates: unknown[] = [];
    copy.on('update', (_update: Uint8Array, origin: unknown) => updates.push(origin));
    importQdpx(copy, qdpx, { articles });
    expect(updates).toEqual([{ kind: 'import' }]);
    expect(undo.undoStack).toHaveLength(0);
    const state = Y.encodeStateVector(copy);
    const second = importQdpx(copy, qdpx, { articles });
    expect(second).toMatchObject({ ok: true, counts: { highlights: 0, codesCreated: 0, membersCreated: 0, notes: 0 } });
    expect(Y.encodeStateVector(copy)).toEqual(state);
  });

  it('turns the unanchored highlight’s note into a memo of its document', () => {
    const copy = new Y.Doc();
    const report = importQdpx(copy, qdpx, { articles });
    expect(report).toMatchObject({ ok: true, counts: { memos: 1 } });
    expect(listMemos(copy).map((memo) => memo.subject)).toEqual(['d:azerbaijan-strategic-pragmatism']);
  });
});
