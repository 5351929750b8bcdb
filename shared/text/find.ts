/**
 * Find-in-document over canonical text: every non-overlapping match of a query, compared
 * after search folding (case-, accent- and Turkish-i-insensitive, ə/ß/æ… as an ASCII
 * keyboard types them, see fold.ts), returned as [start, end) offsets into the ORIGINAL
 * canonical text so callers can map them to ProseMirror positions through the article's
 * TextMap. A match that covers only part of a multi-letter fold ("stras" in "Straße")
 * covers the whole source letter.
 *
 * The folded form of a document is computed once (`createSearchIndex`) and reused for every
 * keystroke of the query; folding the query alone is cheap.
 */
import { foldForSearch, foldText, toOriginalRange, type FoldedText } from './fold.ts';

/** A match as a half-open range of UTF-16 offsets in the original text. */
export interface TextMatch {
  readonly start: number;
  readonly end: number;
}

/** A text prepared for repeated searching. */
export interface SearchIndex {
  readonly text: string;
  readonly folded: FoldedText;
}

/** Folds `text` once so that many queries can run against it. */
export function createSearchIndex(text: string): SearchIndex {
  return { text, folded: foldForSearch(text) };
}

/** Every non-overlapping match of `query` in an indexed text, in document order. */
export function findInIndex(index: SearchIndex, query: string, limit = Number.POSITIVE_INFINITY): TextMatch[] {
  const needle = foldText(query);
  if (needle.trim().length === 0) return [];
  const haystack = index.folded.folded;
  const matches: TextMatch[] = [];
  let from = 0;
  while (matches.length < limit) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) break;
    const range = toOriginalRange(index.folded, at, at + needle.length);
    const previous = matches[matches.length - 1];
    // Two folded matches can land in the same original character (e.g. a ligature); keep one.
    if (previous === undefined || range.start >= previous.end) matches.push(range);
    from = at + needle.length;
  }
  return matches;
}

/** Every non-overlapping match of `query` in `text` (folds `text` on each call). */
export function findAll(text: string, query: string): TextMatch[] {
  return findInIndex(createSearchIndex(text), query);
}
