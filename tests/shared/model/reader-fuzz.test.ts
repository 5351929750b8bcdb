/**
 * Seeded fuzz of every reader of project data: a few hundred copies of a real sample
 * project, each with wrong-typed or missing values in the record shapes of
 * shared/model/layout.ts, go through every public model query and every export format.
 * None may throw — a bad record is skipped (and reported), never a crash for the whole
 * team (docs/architecture.md §9). Failures are listed by reader and message, with a seed
 * that reproduces each (MARGINALIA_READER_FUZZ_SEED=N reruns one seed).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildExportContext, codebookEntries, queryExcerpts } from '#shared/export/excerpts.ts';
import { EXPORT_FORMAT_IDS } from '#shared/export/formats.ts';
import { resolveFilterNames } from '#shared/export/filter-names.ts';
import { renderExport } from '#shared/export/render.ts';
import { anchorOf } from '#shared/model/anchor-codec.ts';
import { highlightIdsOfDocument, notedHighlights } from '#shared/model/doc-indexes.ts';
import { appliedTagsOf, firstLiveNoteOf, forEachLiveAnchor, listAllHighlights, liveAnchorOf, liveTagIdsOf } from '#shared/model/highlight-reads.ts';
import type { HighlightId, MemberId, TagId } from '#shared/model/ids.ts';
import { getMember } from '#shared/model/members.ts';
import { otherEdits } from '#shared/model/note-editors.ts';
import { placeHighlight } from '#shared/model/placements.ts';
import { getProjectMeta, listMembers } from '#shared/model/project.ts';
import { describeProject } from '#shared/model/project-summary.ts';
import { createAnnotationIndex } from '#shared/model/annotation-index.ts';
import { countApplications, filterAnnotations, getHighlight, listHighlights, listTags, listTrash } from '#shared/model/queries.ts';
import { checkSchema } from '#shared/model/schema.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { firstFreeKey, resolveTagKeys, tagForNumberKey } from '#shared/model/tag-keys.ts';
import { createViewContext } from '#shared/model/views.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { seededRandom } from '#shared/sample/seeded-random.ts';
import { bundledArticles } from '../../helpers/bundled-documents.ts';
import { codeMemoSubject, documentMemoSubject, PROJECT_MEMO } from '#shared/model/memo-subjects.ts';
import { listMemos } from '#shared/model/memo-views.ts';
import { startMemo } from '#shared/model/memos.ts';
import { corruptProject } from './corrupt-project.ts';

const articles = bundledArticles();
const sample = generateSampleProject(
  articles.map((article) => ({ id: article.meta.id, text: article.text, hash: article.hash })),
  { highlights: 40, tags: 8, notes: 16, people: 3, seed: 11 },
);
const memoAuthor = { member: [...sample.doc.getMap('m').keys()][0] as MemberId };
startMemo(sample.doc, memoAuthor, PROJECT_MEMO, '# Project\n- a [quote](highlight:x)');
startMemo(sample.doc, memoAuthor, documentMemoSubject(articles[0]!.meta.id), 'A *document* memo');
startMemo(sample.doc, memoAuthor, codeMemoSubject([...sample.doc.getMap('t').keys()][0] as TagId), '1. a code memo');
const base = Y.encodeStateAsUpdate(sample.doc);
const onlySeed = process.env.MARGINALIA_READER_FUZZ_SEED;
const seeds = onlySeed === undefined ? Array.from({ length: 200 }, (_, index) => index + 1) : [Number(onlySeed)];

/** Runs every reader over `doc`, calling `fail` with the reader's name for each that throws. */
async function readEverything(doc: Y.Doc, fail: (reader: string, error: unknown) => void): Promise<void> {
  const attempt = async (reader: string, read: () => unknown): Promise<void> => {
    try {
      await read();
    } catch (error) {
      fail(reader, error);
    }
  };
  const highlightIds = [...doc.getMap(ROOT_HIGHLIGHTS).keys()] as HighlightId[];
  const tagIds = [...doc.getMap(ROOT_TAGS).keys()] as TagId[];
  const memberIds = [...doc.getMap(ROOT_MEMBERS).keys()] as MemberId[];
  await attempt('getProjectMeta', () => getProjectMeta(doc));
  await attempt('checkSchema', () => checkSchema(doc));
  await attempt('describeProject', () => describeProject(doc));
  await attempt('listMembers', () => listMembers(doc));
  await attempt('getMember', () => memberIds.map((id) => getMember(doc, id)));
  await attempt('buildTagIndex', () => buildTagIndex(doc));
  await attempt('resolveTagKeys', () => [resolveTagKeys(doc), tagForNumberKey(doc, 1), firstFreeKey(doc)]);
  await attempt('listTags', () => listTags(doc));
  await attempt('countApplications', () => tagIds.map((id) => countApplications(doc, id)));
  await attempt('listTrash', () => listTrash(doc));
  await attempt('filterAnnotations', () => [
    filterAnnotations(doc, {}),
    filterAnnotations(doc, { tags: tagIds.slice(0, 2), members: memberIds, withNote: true, text: 'a' }),
  ]);
  await attempt('createAnnotationIndex', () => {
    const index = createAnnotationIndex(doc);
    index.refresh();
    return [index.entries(), index.skipped()];
  });
  await attempt('listHighlights', () => articles.map((article) => listHighlights(doc, article.meta.id)));
  await attempt('getHighlight', () => highlightIds.map((id) => getHighlight(doc, id)));
  await attempt('listAllHighlights', () => listAllHighlights(doc));
  await attempt('highlightIdsOfDocument', () => articles.map((article) => highlightIdsOfDocument(doc, article.meta.id)));
  await attempt('notedHighlights', () => highlightIds.map((id) => notedHighlights(doc).has(id)));
  await attempt('anchorOf', () => highlightIds.map((id) => anchorOf(doc, id)));
  await attempt('liveAnchorOf', () => highlightIds.map((id) => liveAnchorOf(doc, id)));
  await attempt('forEachLiveAnchor + placeHighlight', () =>
    forEachLiveAnchor(doc, (id, stored) => {
      const article = articles.find((candidate) => candidate.meta.id === stored.documentId);
      if (article) placeHighlight(doc, id, article, stored);
    }),
  );
  await attempt('appliedTagsOf', () => highlightIds.map((id) => appliedTagsOf(doc, id)));
  await attempt('liveTagIdsOf', () => highlightIds.map((id) => liveTagIdsOf(doc, id, buildTagIndex(doc))));
  await attempt('firstLiveNoteOf', () => highlightIds.map((id) => firstLiveNoteOf(doc, id)));
  await attempt('otherEdits', () => [...doc.getMap(ROOT_NOTES).values()].map((note) => (note instanceof Y.Map ? otherEdits(note) : [])));
  await attempt('listMemos', () => listMemos(doc));
  await attempt('codebookEntries', () => codebookEntries(createViewContext(doc).tagIndex));
  await attempt('resolveFilterNames', () => resolveFilterNames(doc, [], { tags: [], members: [], documents: [] }));
  let excerpts: ReturnType<typeof queryExcerpts> = [];
  await attempt('queryExcerpts', () => {
    excerpts = queryExcerpts(doc, articles, {}, 'tag');
    queryExcerpts(doc, articles, { from: 0, to: Date.UTC(2030, 0), withNote: true, members: memberIds }, 'document');
  });
  let context: ReturnType<typeof buildExportContext> | undefined;
  await attempt('buildExportContext', () => (context = buildExportContext(doc, articles, '2026-01-01T00:00:00.000Z')));
  if (context === undefined) return;
  for (const format of EXPORT_FORMAT_IDS) {
    await attempt(`renderExport ${format}`, async () => {
      try {
        await renderExport(format, excerpts, { context: context as NonNullable<typeof context>, rows: 'tag', group: 'document' });
      } catch (error) {
        // Typed refusals by design, worded in one line by each caller: a codebook export of an
        // empty codebook, a REFI-QDA project of an excerpt whose document text is not loaded.
        const code = (error as { code?: string }).code;
        if (!(format === 'qdc' && code === 'empty-codebook') && !(format === 'qdpx' && code === 'missing-document-text')) throw error;
      }
    });
  }
}

const ROOT_HIGHLIGHTS = 'h';
const ROOT_TAGS = 't';
const ROOT_MEMBERS = 'm';
const ROOT_NOTES = 'n';

describe('readers of damaged project data', () => {
  it(`never throw over ${seeds.length} seeded corruptions of a sample project`, async () => {
    const failures = new Map<string, number>();
    for (const seed of seeds) {
      const doc = corruptProject(base, seed, seededRandom(seed));
      await readEverything(doc, (reader, error) => {
        const message = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]?.slice(0, 120)}` : String(error);
        const key = `${reader} — ${message}`;
        if (!failures.has(key)) failures.set(key, seed);
      });
      doc.destroy();
    }
    expect([...failures].map(([failure, seed]) => `${failure} (seed ${seed})`)).toEqual([]);
  }, 240_000);
});
