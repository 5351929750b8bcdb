/**
 * The one order of exported excerpts, used by the one-call query (`queryExcerpts`) and by
 * the Export dialog's step-by-step query alike, so both always list the same excerpts in
 * the same order.
 *
 * 'document' is text order: documents in library order (loaded articles first, then any
 * other document id alphabetically), then start offset, end offset and highlight id.
 * 'date' is creation time and 'tag' is the codebook position of the excerpt's first tag
 * (untagged last); both fall back to text order on ties, so the order is total and does
 * not depend on the order excerpts arrive in.
 */
import type { CodebookEntry, Excerpt } from './excerpt.ts';

/** Order of the exported excerpts. */
export type ExcerptSort = 'document' | 'tag' | 'date';

/** Positions the sort needs: each loaded document's place in the library and each tag's in the codebook. */
export type ExcerptOrder = {
  readonly documents: ReadonlyMap<string, number>;
  readonly codebook: ReadonlyMap<string, number>;
};

/** The order for a set of loaded articles (library order) and a codebook (tree order). */
export function excerptOrder(documentIds: readonly string[], codebook: readonly Pick<CodebookEntry, 'id'>[]): ExcerptOrder {
  return {
    documents: new Map(documentIds.map((id, index) => [id, index])),
    codebook: new Map(codebook.map((entry, index) => [entry.id, index])),
  };
}

type Keyed = { readonly excerpt: Excerpt; readonly document: number; readonly primary: number };

function compareText(a: Keyed, b: Keyed): number {
  if (a.document !== b.document) return a.document < b.document ? -1 : 1;
  const x = a.excerpt;
  const y = b.excerpt;
  if (x.document.id !== y.document.id) return x.document.id < y.document.id ? -1 : 1;
  return x.utf16.start - y.utf16.start || x.utf16.end - y.utf16.end || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/** Returns the excerpts in `sort` order (a new array; the input is not changed). */
export function sortExcerpts(excerpts: readonly Excerpt[], sort: ExcerptSort, order: ExcerptOrder): Excerpt[] {
  const primary =
    sort === 'date'
      ? (excerpt: Excerpt) => Date.parse(excerpt.created)
      : sort === 'tag'
        ? (excerpt: Excerpt) => Math.min(...excerpt.tags.map((tag) => order.codebook.get(tag.id) ?? Infinity))
        : () => 0;
  const keyed: Keyed[] = excerpts.map((excerpt) => ({
    excerpt,
    document: order.documents.get(excerpt.document.id) ?? Infinity,
    primary: primary(excerpt),
  }));
  keyed.sort((a, b) => (a.primary !== b.primary ? (a.primary < b.primary ? -1 : 1) : compareText(a, b)));
  return keyed.map((entry) => entry.excerpt);
}
