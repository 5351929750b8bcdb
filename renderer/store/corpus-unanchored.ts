/**
 * Unanchored highlights across the whole corpus, not only the open article: every live
 * highlight is anchored against its article's canonical text with the same `anchor()` the
 * reader uses (hash match → stored position, else exact then fuzzy quote search). What
 * fails — or whose article is not in the library at all — is listed, never dropped.
 *
 * Placements come from the model's cache (per project doc, article hash and highlight,
 * shared with the reader), so a doc change re-anchors only highlights not seen before. That
 * keeps the panel cheap on a 10k-highlight project after the first scan.
 */
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import { forEachLiveAnchor } from '#shared/model/highlight-reads.ts';
import type { HighlightId } from '#shared/model/ids.ts';
import { placeHighlight } from '#shared/model/placements.ts';

/** Why a highlight could not be placed. */
export type UnanchoredReason = 'text-not-found' | 'document-missing' | 'old-version';

/** One live highlight that has no place in its article. */
export interface UnanchoredHighlight {
  readonly id: HighlightId;
  readonly documentId: string;
  readonly reason: UnanchoredReason;
}

/** A scanner over a fixed set of articles (outcomes are remembered by the model's placement cache). */
export interface CorpusUnanchoredIndex {
  /** Live highlights of `doc` that cannot be placed, ordered by document id then id. */
  scan(doc: Y.Doc): UnanchoredHighlight[];
}

/**
 * Creates a scanner for `articles` (the loaded library). Highlights on a document in
 * `replaced` (an added document with a newer version) are listed as left on the old
 * version: they did not find their passage in the new text, whatever the old one holds.
 */
export function createCorpusUnanchoredIndex(articles: readonly Article[], replaced: ReadonlySet<string> = new Set()): CorpusUnanchoredIndex {
  const byId = new Map(articles.map((article) => [article.meta.id as string, article]));
  return {
    scan(doc) {
      const out: UnanchoredHighlight[] = [];
      forEachLiveAnchor(doc, (id, stored) => {
        const article = byId.get(stored.documentId);
        const reason: UnanchoredReason | null = replaced.has(stored.documentId) ? 'old-version'
          : article === undefined ? 'document-missing' : placeHighlight(doc, id, article, stored) === null ? 'text-not-found' : null;
        if (reason !== null) out.push({ id, documentId: stored.documentId, reason });
      });
      return out.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}
