/**
 * Where highlights sit in an article's current text: `placeHighlight` anchors a highlight's
 * stored selectors with `anchor()` (hash match → stored position; else exact, then fuzzy
 * quote search, docs/architecture.md §4) and remembers the outcome.
 *
 * Anchors are immutable in the model, so a placement depends only on the highlight and the
 * article's text: outcomes are cached per project doc, article hash and highlight, and
 * reopening an article (or rescanning the corpus) anchors only highlights not placed before
 * — anchoring ~2,000 highlights costs ~25 ms, a cache hit nothing.
 */
import type * as Y from 'yjs';
import { anchor } from '#shared/anchoring/anchor.ts';
import type { StoredAnchor } from './anchor-codec.ts';
import { anchorOf } from './anchor-codec.ts';
import { sameDocumentVersion } from './highlights.ts';
import type { HighlightId } from './ids.ts';

/** A canonical-text range of the article, or null when the highlight's text cannot be found there. */
export type Placement = { readonly start: number; readonly end: number } | null;

/** The article text highlights are placed on. */
export interface PlacementText {
  /** Canonical text. */
  readonly text: string;
  /** Full content hash of `text`. */
  readonly hash: string;
}

const placementCache = new WeakMap<Y.Doc, Map<string, Map<HighlightId, Placement>>>();

function placementsFor(doc: Y.Doc, articleHash: string): Map<HighlightId, Placement> {
  let byHash = placementCache.get(doc);
  if (byHash === undefined) placementCache.set(doc, (byHash = new Map()));
  let placements = byHash.get(articleHash);
  if (placements === undefined) byHash.set(articleHash, (placements = new Map()));
  return placements;
}

/**
 * Where highlight `id` of `doc` sits in `article`. `known` is its anchor when the caller
 * has already read it; otherwise it is read from the doc (throws for an unknown highlight).
 */
export function placeHighlight(doc: Y.Doc, id: HighlightId, article: PlacementText, known?: StoredAnchor): Placement {
  const placements = placementsFor(doc, article.hash);
  const cached = placements.get(id);
  if (cached !== undefined || placements.has(id)) return cached ?? null;
  const stored = known ?? anchorOf(doc, id);
  if (stored === undefined) throw new Error(`unknown highlight ${id}`);
  // The stored hash is the compact form (compactDocumentHash): compared as such, so a highlight of
  // this very text takes the position fast path instead of a search for its quote.
  const expectedHash = sameDocumentVersion(stored.documentHash, article.hash) ? article.hash : stored.documentHash;
  const result = anchor(article.text, { position: stored.position, quote: stored.quote }, { hash: article.hash, expectedHash });
  const placement = result.status === 'anchored' ? { start: result.start, end: result.end } : null;
  placements.set(id, placement);
  return placement;
}
