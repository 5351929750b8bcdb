/**
 * Anchoring an article's highlights ahead of its bridge (document-highlights.ts), a few
 * milliseconds at a time: the model caches each placement (#shared/model/placements.ts),
 * so a bridge created afterwards only looks them up instead of anchoring a densely coded
 * article's ~2,000 highlights in the task that creates it.
 */
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import { highlightIdsOfDocument } from '#shared/model/doc-indexes.ts';
import { liveAnchorOf } from '#shared/model/highlight-reads.ts';
import { placeHighlight } from '#shared/model/placements.ts';
import { budgetedWalk } from '#shared/model/budgeted-walk.ts';

/**
 * Places `article`'s live highlights in `doc`. Returns a step: each call places highlights
 * for up to `budgetMs` (at least one) and says whether all are placed.
 *
 * @example const place = placeAhead(doc, article); while (!place()) await afterNextFrame();
 */
export function placeAhead(doc: Y.Doc, article: Article, budgetMs = 8): () => boolean {
  const documentId = article.meta.id;
  const step = budgetedWalk(highlightIdsOfDocument(doc, documentId)[Symbol.iterator](), (id) => {
    const stored = liveAnchorOf(doc, id);
    if (stored !== undefined && stored.documentId === documentId) placeHighlight(doc, id, article, stored);
  }, { now: () => performance.now() });
  return () => step(budgetMs);
}
