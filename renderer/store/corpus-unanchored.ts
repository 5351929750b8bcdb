/**
 * Unanchored highlights across the whole corpus, not only the open article: every live
 * highlight is anchored against its article's canonical text with the same `anchor()` the
 * reader uses (hash match → stored position, else exact then fuzzy quote search). What
 * fails — or whose article is not in the library at all — is listed, never dropped.
 *
 * Anchors are immutable in the model, so a highlight's outcome depends only on its anchor
 * record and its article's text: results are cached per highlight id and article hash, and
 * a doc change re-anchors only highlights not seen before. That keeps the panel cheap on a
 * 10k-highlight project after the first scan.
 */
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import { anchor } from '#shared/anchoring/anchor.ts';
import type { HighlightId } from '#shared/model/ids.ts';
import { HIGHLIGHT, roots, type AnchorRecord, type TrashRecord } from '#shared/model/layout.ts';

/** Why a highlight could not be placed. */
export type UnanchoredReason = 'text-not-found' | 'document-missing';

/** One live highlight that has no place in its article. */
export interface UnanchoredHighlight {
  readonly id: HighlightId;
  readonly documentId: string;
  readonly reason: UnanchoredReason;
}

/** A scanner over a fixed set of articles, remembering each highlight's outcome. */
export interface CorpusUnanchoredIndex {
  /** Live highlights of `doc` that cannot be placed, ordered by document id then id. */
  scan(doc: Y.Doc): UnanchoredHighlight[];
}

/** Creates a scanner for `articles` (the loaded library). */
export function createCorpusUnanchoredIndex(articles: readonly Article[]): CorpusUnanchoredIndex {
  const byId = new Map(articles.map((article) => [article.meta.id as string, article]));
  /** Highlight id → its outcome (null: anchored), valid while the article hash is `hash`. */
  const outcomes = new Map<HighlightId, { readonly hash: string; readonly reason: UnanchoredReason | null }>();

  const outcomeOf = (id: HighlightId, record: AnchorRecord): UnanchoredReason | null => {
    const article = byId.get(record.d);
    if (article === undefined) return 'document-missing';
    const cached = outcomes.get(id);
    if (cached !== undefined && cached.hash === article.hash) return cached.reason;
    const result = anchor(
      article.text,
      { position: { start: record.p[0], end: record.p[1] }, quote: { exact: record.q[0], prefix: record.q[1], suffix: record.q[2] } },
      { hash: article.hash, expectedHash: record.h },
    );
    const reason = result.status === 'anchored' ? null : 'text-not-found';
    outcomes.set(id, { hash: article.hash, reason });
    return reason;
  };

  return {
    scan(doc) {
      const out: UnanchoredHighlight[] = [];
      roots(doc).highlights.forEach((map, key) => {
        const id = key as HighlightId;
        if ((map.get(HIGHLIGHT.trash) as TrashRecord | undefined)?.d === 1) return;
        const record = map.get(HIGHLIGHT.anchor) as AnchorRecord | undefined;
        if (record === undefined) return;
        const reason = outcomeOf(id, record);
        if (reason !== null) out.push({ id, documentId: record.d, reason });
      });
      return out.sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}
