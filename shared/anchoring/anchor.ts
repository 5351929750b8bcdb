/**
 * `anchor(text, selectors)`: places stored selectors on the current canonical text — the
 * symmetric partner of `describe`.
 *
 * Strategy, cheapest and most certain first (docs/architecture.md §4):
 * 1. position — the stored document hash equals the current one and the text at the stored
 *    offsets is the quote;
 * 2. quote — exact occurrences of the quote, the best by prefix/suffix context, ties broken
 *    by distance from the old position;
 * 3. fuzzy — approximate occurrences (Myers bit-parallel search, bounded errors) scored by
 *    quote similarity, context similarity and distance from the old position.
 * Whatever fails is reported `unanchored` with its quote — never dropped, never forced.
 */
import { approximateSearch, editDistance } from './myers.ts';
import type { AnchorResult, Selectors, TextQuoteSelector } from './types.ts';

/** Hashes that allow the position fast path. */
export type AnchorOptions = {
  /** Content hash of `text` (the document as it is now). */
  readonly hash?: string;
  /** Content hash stored with the selectors (the document as it was when highlighted). */
  readonly expectedHash?: string;
};

/** Quotes at least this long allow the maximum error count; shorter quotes allow fewer. */
const MIN_FUZZY_LENGTH = 4;
/** Below this quote length a fuzzy match must also be confirmed by its context. */
const SHORT_QUOTE = 32;

/** Edits tolerated by the fuzzy search for a quote of `length` characters. */
export function maxErrorsFor(length: number): number {
  return Math.min(Math.max(5, Math.floor(length / 10)), Math.floor(length / 4));
}

/** Similarity in [0, 1] of stored context `expected` with the text actually found there. */
function contextSimilarity(expected: string, found: string): number {
  if (expected.length === 0) return 1;
  return 1 - Math.min(1, editDistance(expected, found) / expected.length);
}

function prefixSimilarity(text: string, quote: TextQuoteSelector, start: number): number {
  return contextSimilarity(quote.prefix, text.slice(Math.max(0, start - quote.prefix.length), start));
}

function suffixSimilarity(text: string, quote: TextQuoteSelector, end: number): number {
  return contextSimilarity(quote.suffix, text.slice(end, end + quote.suffix.length));
}

function proximity(text: string, start: number, hint: number): number {
  return 1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length));
}

/** Exact occurrences of the quote, best first: context similarity, then nearness to the hint. */
function exactMatch(text: string, quote: TextQuoteSelector, hint: number): { start: number; end: number } | undefined {
  let best: { start: number; score: number; distance: number } | undefined;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const end = at + quote.exact.length;
    const score = prefixSimilarity(text, quote, at) + suffixSimilarity(text, quote, end);
    const distance = Math.abs(at - hint);
    if (!best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && distance < best.distance)) {
      best = { start: at, score, distance };
    }
  }
  return best && { start: best.start, end: best.start + quote.exact.length };
}

/** Best approximate occurrence by weighted quote, context and position similarity. */
function fuzzyMatch(text: string, quote: TextQuoteSelector, hint: number): { start: number; end: number; errors: number } | undefined {
  const length = quote.exact.length;
  if (length < MIN_FUZZY_LENGTH) return undefined;
  const maxErrors = maxErrorsFor(length);
  let best: { start: number; end: number; errors: number; score: number } | undefined;
  for (const match of approximateSearch(text, quote.exact, maxErrors)) {
    const quoteScore = 1 - match.errors / length;
    const contextScore = (prefixSimilarity(text, quote, match.start) + suffixSimilarity(text, quote, match.end)) / 2;
    if (length < SHORT_QUOTE && contextScore < 0.5) continue;
    const score = 50 * quoteScore + 20 * contextScore * 2 + 2 * proximity(text, match.start, hint);
    if (!best || score > best.score) best = { ...match, score };
  }
  return best && { start: best.start, end: best.end, errors: best.errors };
}

/** Places `selectors` on `text`; see the module comment for the strategy. */
export function anchor(text: string, selectors: Selectors, options: AnchorOptions = {}): AnchorResult {
  const { position, quote } = selectors;
  const hint = Math.min(Math.max(0, position.start), text.length);
  const positionValid = position.start >= 0 && position.end >= position.start && position.end <= text.length;
  if (
    positionValid &&
    options.hash !== undefined &&
    options.hash === options.expectedHash &&
    text.slice(position.start, position.end) === quote.exact
  ) {
    return { status: 'anchored', start: position.start, end: position.end, method: 'position', errors: 0 };
  }
  if (quote.exact.length > 0) {
    const exact = exactMatch(text, quote, hint);
    if (exact) return { status: 'anchored', ...exact, method: 'quote', errors: 0 };
    const fuzzy = fuzzyMatch(text, quote, hint);
    if (fuzzy) return { status: 'anchored', ...fuzzy, method: 'fuzzy' };
  }
  return { status: 'unanchored', quote };
}
