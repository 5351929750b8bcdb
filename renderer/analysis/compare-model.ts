/**
 * The comparison the Compare tab shows for the open article, and the two ways to resolve a
 * disagreement, in model terms (each one local transaction by the person: one undo step).
 *
 * Segments are computed in code points (#shared/analysis/coder-spans.ts, compare.ts) and
 * carried back to UTF-16 offsets and reader positions here, for painting and writing.
 */
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import { codePointIndex, coderSpans, codedHighlights, intervalsOf, type CodedHighlight, type Interval } from '#shared/analysis/coder-spans.ts';
import { compareIntervals, type SegmentKind } from '#shared/analysis/compare.ts';
import { applyTag, removeTag } from '#shared/model/highlights.ts';
import { appliedTagsOf } from '#shared/model/highlight-reads.ts';
import type { HighlightId, MemberId, TagId } from '#shared/model/ids.ts';
import { localOrigin } from '#shared/model/origins.ts';
import { createViewContext } from '#shared/model/views.ts';
import type { Actor } from '#shared/model/write.ts';
import { highlightSpan } from '../store/annotation-actions.ts';
import type { PaintedSegment } from './compare-paint.ts';

/** One segment of the comparison, in every coordinate the tab needs. */
export interface ShownSegment extends PaintedSegment {
  /** UTF-16 offsets in the canonical text. */
  readonly start: number;
  readonly end: number;
  /** Code-point offsets (the comparison's unit). */
  readonly codePoints: Interval;
  readonly text: string;
}

/** The open article's comparison. */
export interface Comparison {
  readonly segments: readonly ShownSegment[];
  /** The A-only and B-only segments, in text order (their `disagreement` is their index here). */
  readonly disagreements: readonly ShownSegment[];
  /** Every coder's coded highlights in the article (for "Remove mine"). */
  readonly coded: readonly CodedHighlight[];
}

/** Compares `a` and `b` on `tag` (null: any code) in `article`. */
export function compareInArticle(doc: Y.Doc, article: Article, a: MemberId, b: MemberId, tag: TagId | null): Comparison {
  const coded = codedHighlights(doc, article);
  const spans = coderSpans(coded);
  const index = codePointIndex(article.text);
  let next = 0;
  const segments = compareIntervals(intervalsOf(spans, a, tag), intervalsOf(spans, b, tag)).map((segment): ShownSegment => {
    const start = index.toUtf16(segment.start);
    const end = index.toUtf16(segment.end);
    return {
      kind: segment.kind,
      start,
      end,
      from: article.textMap.offsetToPos(start),
      to: article.textMap.offsetToPos(end),
      codePoints: { start: segment.start, end: segment.end },
      text: article.text.slice(start, end),
      disagreement: segment.kind === 'both' ? -1 : next++,
    };
  });
  return { segments, disagreements: segments.filter((segment) => segment.disagreement >= 0), coded };
}

/** The highlights of `member` coded with `tag` that overlap `segment` (code points). */
function mineOver(comparison: Comparison, member: MemberId, tag: TagId, segment: Interval): CodedHighlight[] {
  return comparison.coded.filter((entry) => entry.coder === member && entry.tag === tag && entry.start < segment.end && segment.start < entry.end);
}

/** Whether `member` coded any of `segment` with `tag`. */
export function codedByMe(comparison: Comparison, member: MemberId, tag: TagId, segment: Interval): boolean {
  return mineOver(comparison, member, tag, segment).length > 0;
}

/**
 * "Apply <code> here": codes `segment` with `tag` as the person — their own highlight of
 * exactly that span if they have one, else a new highlight. Returns the highlight.
 */
export function applyCodeHere(doc: Y.Doc, actor: Actor, article: Article, comparison: Comparison, segment: ShownSegment, tag: TagId): HighlightId {
  const own = comparison.coded.find((entry) => entry.coder === actor.member && entry.start === segment.codePoints.start && entry.end === segment.codePoints.end);
  if (own !== undefined) {
    applyTag(doc, actor, own.highlight, tag);
    return own.highlight;
  }
  return highlightSpan(doc, actor, article, { start: segment.start, end: segment.end }, [tag]);
}

/**
 * "Remove mine": removes the person's application of `tag` from each of their highlights
 * overlapping `segment` (the whole application: a highlight reaching beyond the segment
 * loses the code there too). One transaction; returns how many highlights changed.
 */
export function removeMineHere(doc: Y.Doc, actor: Actor, comparison: Comparison, segment: ShownSegment, tag: TagId): number {
  const targets = mineOver(comparison, actor.member, tag, segment.codePoints);
  const context = createViewContext(doc);
  doc.transact(() => {
    for (const entry of targets) {
      for (const applied of appliedTagsOf(doc, entry.highlight, context)) {
        if (applied.tag.id === tag && applied.by === actor.member) removeTag(doc, actor, entry.highlight, applied.appliedId);
      }
    }
  }, localOrigin(actor.member));
  return targets.length;
}

/** "Ana Aliyeva only", "Both". */
export function kindLabel(kind: SegmentKind, nameA: string, nameB: string): string {
  return kind === 'both' ? 'Both' : `${kind === 'a' ? nameA : nameB} only`;
}
