/**
 * sortExcerpts, the one excerpt order: text order by library position (documents that are
 * not loaded last, by id), creation time and first tag's codebook position with text order
 * breaking ties, independent of the order excerpts arrive in — which is what lets the
 * dialog query one document at a time and still list what the one-call query lists.
 */
import { describe, expect, it } from 'vitest';
import type { Excerpt } from '#shared/export/excerpt.ts';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import { excerptOrder, sortExcerpts, type ExcerptSort } from '#shared/export/sort.ts';
import { seededRandom } from '#shared/sample/seeded-random.ts';
import { buildSeededProject } from '../../helpers/seeded-project.ts';

/** A hand-built excerpt with only the fields the order reads. */
function excerpt(id: string, documentId: string, start: number, created: string, tags: string[] = []): Excerpt {
  return {
    id,
    document: { id: documentId, title: documentId, author: null, publisher: null, hash: '' },
    utf16: { start, end: start + 4 },
    created,
    tags: tags.map((tag) => ({ id: tag, name: tag, path: [tag], colour: '#000', appliedBy: undefined, appliedAt: created })),
  } as Partial<Excerpt> as Excerpt;
}

const order = excerptOrder(['doc-b', 'doc-a'], [{ id: 'parent' }, { id: 'child' }, { id: 'other' }]);
const list = [
  excerpt('x1', 'doc-a', 5, '2026-03-01T10:00:00.000Z', ['other']),
  excerpt('x2', 'doc-b', 40, '2026-03-01T09:00:00.000Z'),
  excerpt('x3', 'doc-b', 10, '2026-03-01T11:00:00.000Z', ['child', 'other']),
  excerpt('x4', 'zz-unloaded', 0, '2026-03-01T08:00:00.000Z', ['parent']),
  excerpt('x5', 'aa-unloaded', 0, '2026-03-01T10:00:00.000Z', ['other']),
  excerpt('x6', 'doc-b', 10, '2026-03-01T09:00:00.000Z'),
];
const ids = (excerpts: readonly Excerpt[]) => excerpts.map((item) => item.id);

describe('sortExcerpts', () => {
  it('puts documents in library order, unloaded ones last by id, then start offset and id', () => {
    expect(ids(sortExcerpts(list, 'document', order))).toEqual(['x3', 'x6', 'x2', 'x1', 'x5', 'x4']);
  });

  it('sorts by creation time, then text order', () => {
    expect(ids(sortExcerpts(list, 'date', order))).toEqual(['x4', 'x6', 'x2', 'x1', 'x5', 'x3']);
  });

  it('sorts by the codebook position of the first tag, untagged last, then text order', () => {
    expect(ids(sortExcerpts(list, 'tag', order))).toEqual(['x4', 'x3', 'x1', 'x5', 'x6', 'x2']);
  });

  it('gives the same order whatever order the excerpts arrive in, and leaves the input alone', () => {
    const random = seededRandom(7);
    for (const sort of ['document', 'date', 'tag'] as const) {
      const expected = ids(sortExcerpts(list, sort, order));
      for (let round = 0; round < 20; round++) {
        const shuffled = [...list].sort(() => random() - 0.5);
        const before = ids(shuffled);
        expect(ids(sortExcerpts(shuffled, sort, order))).toEqual(expected);
        expect(ids(shuffled)).toEqual(before);
      }
    }
  });

  it('is the order queryExcerpts returns, for every sort of the seeded project', async () => {
    const project = await buildSeededProject();
    const byDocument = queryExcerpts(project.doc, project.articles, {}, 'document');
    const reversed = [...byDocument].reverse();
    const codebook = buildExportContext(project.doc, project.articles, project.exportedAt).codebook;
    const codebookOrder = excerptOrder(project.articles.map((article) => article.meta.id), codebook);
    for (const sort of ['document', 'date', 'tag'] as ExcerptSort[]) {
      expect(ids(sortExcerpts(reversed, sort, codebookOrder))).toEqual(ids(queryExcerpts(project.doc, project.articles, {}, sort)));
    }
  });
});
