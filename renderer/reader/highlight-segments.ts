/**
 * Highlight segments: the overlapping highlights of an article cut into non-overlapping
 * runs, one run per stretch of text covered by the same set of highlights.
 *
 * The reader paints one `<mark>` per segment instead of one nested wrapper per highlight.
 * Measured in Chromium on the 10k reference project (bench/reader.bench.ts), one wrapper per
 * highlight turned an article's ~2,000 overlapping highlights into ~32,000 nested `<mark>`s
 * (ProseMirror nests every `nodeName` decoration inside every text piece it covers), and
 * style recalculation of that tree dominated opening the article (~2.4 s of ~2.8 s).
 * Segments keep the DOM to about two elements per highlight at any overlap depth.
 *
 * What each segment shows (its classes, see ui/annotations.css and store/tag-stylesheet.ts):
 * the innermost highlight's id (`hl-<id>`), a depth class for stacking intensity
 * (`hl-d2`…`hl-d4`), the background of the innermost (shortest) highlight: the colour
 * chosen for it (`hl-c-<hex>`), else its first tag's (`hl-t-<tag>`, or `hl-untagged`), one
 * double underline in the next distinct tag's colour (`hl-u-<tag>`) however many further
 * tags there are (no glyph is added to the text: on a densely coded article every word
 * would wear one), `hl-noted` and `hl-focused`. Its `title` names every tag of the covering
 * highlights ({@link segmentTitle}), so hovering says which codes a highlight carries. Every covering id is
 * listed once in the `data-highlight-ids` attribute (find a highlight's marks with
 * {@link highlightSelector}), not as one class per id: ProseMirror adds classes one at a
 * time, and with ~17 covering highlights per mark on a densely coded article that cost
 * ~10 ms per ~130 on-screen marks (bench/reader.bench.ts). Pure functions only: the plugin
 * (highlights-plugin.ts) decides which ranges to recompute.
 */
import type { HighlightId, TagId } from '#shared/model/ids.ts';

/** One highlight as the reader paints it (PM positions, tags in display order). */
export interface HighlightSpan {
  readonly id: HighlightId;
  readonly from: number;
  readonly to: number;
  /** Resolved live tags, oldest first; empty for an untagged highlight. */
  readonly tags: readonly TagId[];
  /** True if the highlight carries a note (shown as a dotted underline). */
  readonly hasNote: boolean;
  /** The highlight's own colour (`#rrggbb`) painted instead of its first tag's; absent or null = its tag's. */
  readonly colour?: string | null;
}

/** A stretch of text covered by the same highlights, innermost (shortest) first. */
export interface HighlightSegment {
  readonly from: number;
  readonly to: number;
  readonly spans: readonly HighlightSpan[];
}

/** The deepest stacking level with its own class; deeper runs share it. */
export const MAX_DEPTH_CLASS = 4;

/** CSS class carrying the id of a segment's innermost highlight. */
export function highlightClass(id: HighlightId): string {
  return `hl-${id}`;
}

/** CSS class painting a highlight's own colour `#rrggbb` (its rule is in the tag stylesheet). */
export function highlightColourClass(colour: string): string {
  return `hl-c-${colour.slice(1).toLowerCase()}`;
}

/** Attribute listing every highlight covering a segment, innermost first, space-separated. */
export const HIGHLIGHT_IDS_ATTRIBUTE = 'data-highlight-ids';

/** CSS selector matching every `<mark>` that `id` covers (highlight ids are URL-safe base64, nothing to escape). */
export function highlightSelector(id: HighlightId): string {
  return `mark[${HIGHLIGHT_IDS_ATTRIBUTE}~="${id}"]`;
}

/** Innermost-first order: shortest first, ties by start, then id (what a click focuses first). */
export function innermostFirst(a: HighlightSpan, b: HighlightSpan): number {
  return a.to - a.from - (b.to - b.from) || a.from - b.from || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The segments of `spans` inside [from, to] (spans crossing the edges are clipped), in
 * document order. One sweep over the start/end events: O(k log k) for k spans in range.
 */
export function segmentsIn(spans: Iterable<HighlightSpan>, from: number, to: number): HighlightSegment[] {
  const events: Array<{ at: number; span: HighlightSpan; start: boolean }> = [];
  for (const span of spans) {
    if (span.to <= span.from || span.to <= from || span.from >= to) continue;
    events.push({ at: Math.max(span.from, from), span, start: true }, { at: Math.min(span.to, to), span, start: false });
  }
  events.sort((a, b) => a.at - b.at);
  const active = new Set<HighlightSpan>();
  const out: HighlightSegment[] = [];
  let index = 0;
  while (index < events.length) {
    const at = (events[index] as (typeof events)[number]).at;
    for (; index < events.length && (events[index] as (typeof events)[number]).at === at; index += 1) {
      const event = events[index] as (typeof events)[number];
      if (event.start) active.add(event.span);
      else active.delete(event.span);
    }
    const next = index < events.length ? (events[index] as (typeof events)[number]).at : at;
    if (active.size > 0 && next > at) out.push({ from: at, to: next, spans: [...active].sort(innermostFirst) });
  }
  return out;
}

/** Distinct tags of a segment's highlights, innermost highlight's tags first. */
export function segmentTags(segment: HighlightSegment): TagId[] {
  const tags = new Set<TagId>();
  for (const span of segment.spans) for (const tag of span.tags) tags.add(tag);
  return [...tags];
}

/** The class attribute of a segment's `<mark>`; `focused` is the focused highlight, if any. */
export function segmentClasses(segment: HighlightSegment, focused: HighlightId | null): string {
  const classes = ['hl', highlightClass((segment.spans[0] as HighlightSpan).id)];
  let noted = false;
  let isFocused = false;
  let focusStart = false;
  let focusEnd = false;
  for (const span of segment.spans) {
    noted ||= span.hasNote;
    if (span.id !== focused) continue;
    isFocused = true;
    focusStart = segment.from === span.from;
    focusEnd = segment.to === span.to;
  }
  const depth = segment.spans.length;
  if (depth > 1) classes.push(`hl-d${Math.min(depth, MAX_DEPTH_CLASS)}`);
  const [first, second] = segmentTags(segment);
  const ownColour = (segment.spans[0] as HighlightSpan).colour;
  if (ownColour) classes.push(highlightColourClass(ownColour));
  else classes.push(first === undefined ? 'hl-untagged' : `hl-t-${first}`);
  if (second !== undefined) classes.push(`hl-u-${second}`);
  if (noted) classes.push('hl-noted');
  // The focused highlight's outline is one shape over all its segments: top and bottom on
  // every segment, the left edge on its first, the right edge on its last.
  if (isFocused) classes.push('hl-focused');
  if (focusStart) classes.push('hl-focus-start');
  if (focusEnd) classes.push('hl-focus-end');
  return classes.join(' ');
}

/**
 * The `title` of a segment's `<mark>`: the names of its tags in {@link segmentTags} order,
 * comma-separated ("Energy, Security"); empty for untagged highlights. `nameOf` answers from
 * the codebook's current names; a tag it does not know is left out.
 */
export function segmentTitle(segment: HighlightSegment, nameOf: (tag: TagId) => string | undefined): string {
  const names: string[] = [];
  for (const tag of segmentTags(segment)) {
    const name = nameOf(tag);
    if (name !== undefined) names.push(name);
  }
  return names.join(', ');
}
