/**
 * Who coded what in one document, as code-point intervals: for each coder and each code,
 * the merged intervals of the document's canonical text their live highlights carrying
 * that code cover (a coder's overlapping or touching highlights count once). The unit is a
 * Unicode code point (docs/architecture.md §10), so offsets are converted from the
 * anchors' UTF-16 offsets here, once.
 *
 * The coder of a code on a highlight is whoever applied it (the Yjs client that wrote the
 * application, through the client registry: `AppliedTag.by`), not the highlight's creator.
 * Applications whose writer is unknown are left out. Highlights that cannot be placed in
 * the document are left out too (they are listed as unanchored elsewhere).
 */
import type * as Y from 'yjs';
import type { HighlightId, MemberId, TagId } from '#shared/model/ids.ts';
import { placeHighlight, type PlacementText } from '#shared/model/placements.ts';
import { listHighlights } from '#shared/model/queries.ts';
import { createViewContext, type ViewContext } from '#shared/model/views.ts';

/** A half-open interval [start, end) of code points. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** One coder's application of one code to one placed highlight, in code points. */
export interface CodedHighlight extends Interval {
  readonly highlight: HighlightId;
  readonly coder: MemberId;
  /** The code as shown (after merges). */
  readonly tag: TagId;
}

/** coder → code → merged intervals, in text order. */
export type CoderSpans = ReadonlyMap<MemberId, ReadonlyMap<TagId, readonly Interval[]>>;

/** Converts UTF-16 offsets of `text` to code-point offsets (and back). */
export interface CodePointIndex {
  toCodePoint(utf16: number): number;
  toUtf16(codePoint: number): number;
}

/** Builds the conversion for `text` (one pass; offsets between a surrogate pair round down). */
export function codePointIndex(text: string): CodePointIndex {
  // utf16Of[cp] = UTF-16 offset of code point cp; one entry past the end.
  const utf16Of: number[] = [];
  for (let offset = 0; offset < text.length; ) {
    utf16Of.push(offset);
    const code = text.codePointAt(offset) ?? 0;
    offset += code > 0xffff ? 2 : 1;
  }
  utf16Of.push(text.length);
  return {
    toCodePoint(utf16) {
      let low = 0;
      let high = utf16Of.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((utf16Of[middle] ?? Infinity) <= utf16) low = middle;
        else high = middle - 1;
      }
      return low;
    },
    toUtf16: (codePoint) => utf16Of[Math.max(0, Math.min(codePoint, utf16Of.length - 1))] ?? text.length,
  };
}

/** Sorts and merges overlapping or touching intervals; empty ones are dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((interval) => interval.end > interval.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const interval of sorted) {
    const last = out.at(-1);
    if (last !== undefined && interval.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, interval.end) };
    else out.push({ start: interval.start, end: interval.end });
  }
  return out;
}

/** Every live, placed highlight of `article` with each of its codes and who applied it. */
export function codedHighlights(doc: Y.Doc, article: PlacementText & { readonly meta: { readonly id: string } }, context: ViewContext = createViewContext(doc)): CodedHighlight[] {
  const index = codePointIndex(article.text);
  const out: CodedHighlight[] = [];
  for (const view of listHighlights(doc, article.meta.id, context)) {
    if (view.deleted !== null) continue;
    const placement = placeHighlight(doc, view.id, article, view);
    if (placement === null) continue;
    const start = index.toCodePoint(placement.start);
    const end = index.toCodePoint(placement.end);
    for (const applied of view.tags) {
      if (applied.by !== undefined) out.push({ highlight: view.id, coder: applied.by, tag: applied.tag.id, start, end });
    }
  }
  return out;
}

/** Groups coded highlights into each coder's merged intervals per code. */
export function coderSpans(coded: readonly CodedHighlight[]): CoderSpans {
  const raw = new Map<MemberId, Map<TagId, Interval[]>>();
  for (const entry of coded) {
    const byTag = raw.get(entry.coder) ?? new Map<TagId, Interval[]>();
    raw.set(entry.coder, byTag);
    byTag.set(entry.tag, [...(byTag.get(entry.tag) ?? []), entry]);
  }
  return new Map([...raw].map(([coder, byTag]) => [coder, new Map([...byTag].map(([tag, list]) => [tag, mergeIntervals(list)]))]));
}

/** A coder's merged intervals for `tag`, or for any code at all when `tag` is null. */
export function intervalsOf(spans: CoderSpans, coder: MemberId, tag: TagId | null): Interval[] {
  const byTag = spans.get(coder);
  if (byTag === undefined) return [];
  if (tag !== null) return [...(byTag.get(tag) ?? [])];
  return mergeIntervals([...byTag.values()].flat());
}
