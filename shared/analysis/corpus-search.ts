/**
 * Search across every article of the corpus, with keyword-in-context lines: the Analysis
 * panel's Search tab runs it on each keystroke.
 *
 * Matching is the reader's find (#shared/text/find.ts, folding from #shared/text/fold.ts:
 * case, accents, Turkish i, ə …), so a query finds here exactly what Ctrl+F finds in the
 * article. Each article is folded once (`createCorpusIndex`); a keystroke folds only the
 * query. Every match is counted per article, but only the first `limit` (in corpus order)
 * are turned into lines, so a one-letter query stays as cheap to show as a word.
 */
import { createSearchIndex, findInIndex, type SearchIndex } from '#shared/text/find.ts';
import { contextAround, DEFAULT_CONTEXT_WIDTH } from './context.ts';

/** An article to search: its id, title and canonical text. */
export interface CorpusDocument {
  readonly id: string;
  readonly title: string;
  readonly text: string;
}

/** The corpus folded for searching; build once per set of articles. */
export interface CorpusIndex {
  readonly documents: readonly { readonly document: CorpusDocument; readonly index: SearchIndex }[];
}

/** One match as a keyword-in-context line. */
export interface KwicLine {
  readonly documentId: string;
  /** The match as UTF-16 offsets in the article's canonical text. */
  readonly start: number;
  readonly end: number;
  readonly before: string;
  /** The matched text as it stands in the article. */
  readonly match: string;
  readonly after: string;
}

/** Matches in one article. */
export interface DocumentHits {
  readonly documentId: string;
  readonly title: string;
  readonly count: number;
}

/** What a query found. */
export interface CorpusSearchResult {
  readonly query: string;
  /** Matches in the whole corpus. */
  readonly total: number;
  /** Every article with at least one match, in corpus order. */
  readonly documents: readonly DocumentHits[];
  /** The first `limit` matches, in corpus order (articles in the order given, then text order). */
  readonly lines: readonly KwicLine[];
}

/** Options of {@link searchCorpus}. */
export interface CorpusSearchOptions {
  /** Most lines built (every match is still counted). */
  readonly limit?: number;
  /** Context width on each side, in UTF-16 units. */
  readonly width?: number;
}

/** Lines built unless told otherwise. */
export const DEFAULT_LINE_LIMIT = 200;

/** Folds every article once. */
export function createCorpusIndex(documents: readonly CorpusDocument[]): CorpusIndex {
  return { documents: documents.map((document) => ({ document, index: createSearchIndex(document.text) })) };
}

/** Every match of `query` in the corpus, counted per article, the first `limit` as lines. */
export function searchCorpus(corpus: CorpusIndex, query: string, options: CorpusSearchOptions = {}): CorpusSearchResult {
  const limit = options.limit ?? DEFAULT_LINE_LIMIT;
  const width = options.width ?? DEFAULT_CONTEXT_WIDTH;
  const documents: DocumentHits[] = [];
  const lines: KwicLine[] = [];
  let total = 0;
  for (const { document, index } of corpus.documents) {
    const matches = findInIndex(index, query);
    if (matches.length === 0) continue;
    total += matches.length;
    documents.push({ documentId: document.id, title: document.title, count: matches.length });
    for (const match of matches) {
      if (lines.length >= limit) break;
      const { before, after } = contextAround(document.text, match.start, match.end, width);
      lines.push({ documentId: document.id, start: match.start, end: match.end, before, match: document.text.slice(match.start, match.end), after });
    }
  }
  return { query, total, documents, lines };
}
