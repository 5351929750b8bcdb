/**
 * Coded segments for the analysis views: the highlights carrying a code (after merges, as
 * the export query resolves them), each with the words around it, grouped by article.
 *
 * Works on excerpts (#shared/export/excerpts.ts `queryExcerpts`), which already carry the
 * placed span, the codes with who applied each, the notes and their replies, so the
 * Segments view, the matrix and co-occurrence cells read a segment exactly as an export
 * writes it. A code's segments are the highlights carrying that code itself (a parent does
 * not collect its children's), the unit the Codes × documents and Co-occurrence tables count.
 */
import type { Excerpt } from '#shared/export/excerpt.ts';
import { contextAround } from './context.ts';

/** A segment with its context: the article's words before and after it. */
export interface SegmentInContext {
  readonly excerpt: Excerpt;
  readonly before: string;
  readonly after: string;
}

/** The segments of one article. */
export interface SegmentGroup {
  readonly documentId: string;
  readonly title: string;
  readonly segments: readonly SegmentInContext[];
}

/** An article's canonical text, by document id (context comes from it). */
export type ArticleTexts = ReadonlyMap<string, string>;

/** Whether `excerpt` carries code `tagId` itself. */
export function carriesCode(excerpt: Pick<Excerpt, 'tags'>, tagId: string): boolean {
  return excerpt.tags.some((tag) => tag.id === tagId);
}

/**
 * Context of a segment: from the article's text where the highlight is placed, else the
 * prefix and suffix stored with it (an unanchored highlight keeps its quote's neighbours).
 */
export function segmentInContext(excerpt: Excerpt, texts: ArticleTexts): SegmentInContext {
  const text = texts.get(excerpt.document.id);
  if (!excerpt.anchored || text === undefined) return { excerpt, before: excerpt.prefix, after: excerpt.suffix };
  return { excerpt, ...contextAround(text, excerpt.utf16.start, excerpt.utf16.end) };
}

/** `excerpts` with context, grouped by article in the order they come (the excerpt query's document order). */
export function groupSegments(excerpts: readonly Excerpt[], texts: ArticleTexts): SegmentGroup[] {
  const groups = new Map<string, { documentId: string; title: string; segments: SegmentInContext[] }>();
  for (const excerpt of excerpts) {
    let group = groups.get(excerpt.document.id);
    if (group === undefined) {
      group = { documentId: excerpt.document.id, title: excerpt.document.title, segments: [] };
      groups.set(excerpt.document.id, group);
    }
    group.segments.push(segmentInContext(excerpt, texts));
  }
  return [...groups.values()];
}

/** The segments of code `tagId` (only in `documentId` when given), with context, by article. */
export function segmentsOfCode(excerpts: readonly Excerpt[], texts: ArticleTexts, tagId: string, documentId?: string): SegmentGroup[] {
  return groupSegments(
    excerpts.filter((excerpt) => carriesCode(excerpt, tagId) && (documentId === undefined || excerpt.document.id === documentId)),
    texts,
  );
}
