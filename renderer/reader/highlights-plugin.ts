/**
 * The highlights plugin: every highlight of the open article painted as decorations kept in
 * plugin state and changed incrementally.
 *
 * The plugin knows nothing of Yjs or of who owns it. Its owner (the annotation layer) turns
 * model changes into "annotations changed" metadata — spans to add or replace, ids to
 * remove, the focused highlight — and dispatches it with `setHighlightsMeta`.
 *
 * Painting is by segments (highlight-segments.ts): one `<mark>` per run of text covered by
 * the same set of highlights, never one nested wrapper per highlight — nesting produced
 * tens of thousands of elements on a densely coded article and made opening it ~70× slower.
 * A segment's `data-highlight-ids` lists every covering id (innermost first) in one
 * attribute; `data-highlight-id` and the `hl-<id>` class name the innermost one.
 *
 * Incremental updates: a change dirties the old and new ranges of the touched highlights
 * (and of the old and new focused one); the segment decorations overlapping those ranges
 * are removed and recomputed from the spans over their extent, everything else stays. So
 * creating a highlight among 2,000 touches only the few segments under it.
 *
 * Progressive painting (measured: ProseMirror needs ~100 ms to create the ~2,700 segment
 * wrappers of a densely coded article, adding classes one at a time): above
 * `progressiveAbove` highlights the plugin starts with nothing painted; before the first
 * frame it paints the segments within a screen of the viewport, then the rest in idle
 * chunks nearest the viewport first, and whatever scrolls into view at once
 * (progressive-paint.ts). The state records which ranges are painted; changes recompute
 * segments only inside them; focusing a highlight paints its range first, so it can be
 * revealed. `data-highlights` on the editor says `painting` until everything is painted.
 *
 * Focus belongs to the plugin's owner, not to the plugin: the plugin paints the focused
 * highlight it is sent (`focus` metadata) and reports clicks (`highlightClicked`) with the
 * highlight the click should focus — the shortest there, or on a repeated click the next of
 * those covering that point, or null outside every highlight — without focusing on its own.
 */
import { Plugin, PluginKey, Selection, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { HighlightId } from '#shared/model/ids.ts';
import { HIGHLIGHT_IDS_ATTRIBUTE, innermostFirst, segmentClasses, segmentsIn, segmentTitle, type HighlightSegment, type HighlightSpan } from './highlight-segments.ts';
// Tag names for a mark's hover title, kept current by whoever composes the reader with annotations.
import { tagNameOf } from './tag-names.ts';
import { coversAll, intersectRanges, mergeRanges, unpaintedParts, type PositionRange } from './painted-ranges.ts';
import { createProgressivePainter } from './progressive-paint.ts';

export type { HighlightSpan } from './highlight-segments.ts';
export { highlightClass, highlightSelector } from './highlight-segments.ts';

/** "Annotations changed": what to change in the decoration set. */
export interface HighlightsMeta {
  /** Highlights to add, or to replace if already present. */
  readonly upsert?: readonly HighlightSpan[];
  /** Highlights to take away. */
  readonly remove?: readonly HighlightId[];
  /** New focused highlight (null clears; undefined leaves it). */
  readonly focus?: HighlightId | null;
  /** A stretch to paint now (progressive painting). */
  readonly paint?: PositionRange;
}

/** Plugin state. */
export interface HighlightsState {
  /** One inline decoration per segment; each spec is a {@link SegmentSpec}. */
  readonly decorations: DecorationSet;
  readonly spans: ReadonlyMap<HighlightId, HighlightSpan>;
  readonly focused: HighlightId | null;
  /** Sorted, merged ranges whose segments are painted; decorations exist only inside them. */
  readonly painted: readonly PositionRange[];
}

/** Options of {@link createHighlightsPlugin}. */
export interface HighlightsOptions {
  /** Paint progressively (visible part first) when there are more initial highlights than this; default 300. */
  readonly progressiveAbove?: number;
  /** The view is already on screen: its visible highlights are painted after the next frame (progressive-paint.ts). */
  readonly onScreen?: boolean;
}

const DEFAULT_PROGRESSIVE_ABOVE = 300;

/** The spec of a segment decoration: the covering highlights, innermost first. */
export interface SegmentSpec {
  readonly ids: readonly HighlightId[];
}

/** Events the plugin reports to its owner. */
export interface HighlightsEvents {
  /**
   * The person clicked the text: `id` is the highlight the click should focus (see
   * `nextHighlightAt`), null outside every highlight. The owner decides, and sends focus back.
   */
  highlightClicked?(id: HighlightId | null): void;
  /** A key press in the reader; return true if handled. */
  handleKey?(view: EditorView, event: KeyboardEvent): boolean;
}

/** Key of the highlights plugin. */
export const highlightsPluginKey = new PluginKey<HighlightsState>('marginalia-highlights');

function decorationOf(segment: HighlightSegment, focused: HighlightId | null): Decoration {
  const innermost = segment.spans[0] as HighlightSpan;
  const spec: SegmentSpec = { ids: segment.spans.map((span) => span.id) };
  const attrs = { nodeName: 'mark', class: segmentClasses(segment, focused), 'data-highlight-id': innermost.id, [HIGHLIGHT_IDS_ATTRIBUTE]: spec.ids.join(' '), title: segmentTitle(segment, tagNameOf) };
  return Decoration.inline(segment.from, segment.to, attrs, spec);
}

type Range = PositionRange;

/** Applies "annotations changed" metadata to a plugin state (pure; exported for tests). */
export function applyHighlightsMeta(state: HighlightsState, meta: HighlightsMeta, doc: EditorState['doc']): HighlightsState {
  const spans = new Map(state.spans);
  let focused = state.focused;
  let painted = state.painted;
  const dirty: Range[] = [];
  const touch = (span: HighlightSpan | undefined): void => {
    if (span) dirty.push([span.from, span.to]);
  };
  const paint = (range: Range): void => {
    const parts = unpaintedParts(range, painted);
    if (parts.length === 0) return;
    dirty.push(...parts);
    painted = mergeRanges([...painted, ...parts]);
  };
  if (meta.paint) paint(meta.paint);
  for (const id of meta.remove ?? []) {
    touch(spans.get(id));
    spans.delete(id);
  }
  for (const span of meta.upsert ?? []) {
    touch(spans.get(span.id));
    spans.set(span.id, span);
    touch(span);
  }
  const wanted = meta.focus === undefined ? focused : meta.focus;
  const nextFocus = wanted !== null && spans.has(wanted) ? wanted : null;
  if (nextFocus !== focused) {
    touch(focused === null ? undefined : spans.get(focused) ?? state.spans.get(focused));
    touch(nextFocus === null ? undefined : spans.get(nextFocus));
    focused = nextFocus;
  }
  // A focused highlight is painted at once, so it can be revealed (scrolled to by its selector).
  const focusedSpan = focused === null ? undefined : spans.get(focused);
  if (focusedSpan) paint([focusedSpan.from, focusedSpan.to]);
  if (dirty.length === 0) return { decorations: state.decorations, spans, focused, painted };
  // Widen each dirty range to the segments it touches, so recomputed segments meet the
  // untouched ones exactly at segment boundaries.
  const stale = new Set<Decoration>();
  const widened: Range[] = mergeRanges(dirty).map(([from, to]) => {
    let low = from;
    let high = to;
    for (const decoration of state.decorations.find(from, to)) {
      stale.add(decoration);
      low = Math.min(low, decoration.from);
      high = Math.max(high, decoration.to);
    }
    return [low, high];
  });
  const fresh: Decoration[] = [];
  for (const range of mergeRanges(widened)) {
    for (const [from, to] of intersectRanges(range, painted)) {
      for (const segment of segmentsIn(spans.values(), from, to)) fresh.push(decorationOf(segment, focused));
    }
  }
  const decorations = state.decorations.remove([...stale]).add(doc, fresh);
  return { decorations, spans, focused, painted };
}

/**
 * Builds the plugin state for `spans` from scratch: one sweep over the `painted` ranges
 * (default: the whole document; `[]` paints nothing yet).
 */
export function createHighlightsState(
  spans: readonly HighlightSpan[],
  doc: EditorState['doc'],
  focused: HighlightId | null = null,
  painted: readonly PositionRange[] = [[0, doc.content.size]],
): HighlightsState {
  const byId = new Map(spans.map((span) => [span.id, span]));
  const focus = focused !== null && byId.has(focused) ? focused : null;
  const ranges = mergeRanges(painted);
  const segments = ranges.flatMap(([from, to]) => segmentsIn(byId.values(), from, to));
  const decorations = DecorationSet.create(doc, segments.map((segment) => decorationOf(segment, focus)));
  return { decorations, spans: byId, focused: focus, painted: ranges };
}

/** True once every highlight of the document is painted. */
export function highlightsFullyPainted(state: EditorState): boolean {
  const plugin = highlightsPluginKey.getState(state);
  return plugin === undefined || coversAll(plugin.painted, state.doc.content.size);
}

/** A transaction carrying "annotations changed" metadata. */
export function setHighlightsMeta(tr: Transaction, meta: HighlightsMeta): Transaction {
  return tr.setMeta(highlightsPluginKey, meta);
}

/** Highlights covering position `pos` (ends included), shortest first (ties by start, then id). */
export function highlightsAt(state: EditorState, pos: number): HighlightSpan[] {
  const plugin = highlightsPluginKey.getState(state);
  if (!plugin) return [];
  const found: HighlightSpan[] = [];
  if (intersectRanges([pos, pos + 1], plugin.painted).length === 0 && intersectRanges([pos - 1, pos], plugin.painted).length === 0) {
    // Not painted yet (progressive painting): ask the spans themselves.
    for (const span of plugin.spans.values()) if (span.from <= pos && span.to >= pos) found.push(span);
    return found.sort(innermostFirst);
  }
  const ids = new Set<HighlightId>();
  for (const decoration of plugin.decorations.find(pos, pos)) for (const id of (decoration.spec as SegmentSpec).ids) ids.add(id);
  for (const id of ids) {
    const span = plugin.spans.get(id);
    if (span && span.from <= pos && span.to >= pos) found.push(span);
  }
  return found.sort(innermostFirst);
}

/** Which highlight a click at `pos` should focus: the shortest, or the next one if the shortest (or later) is already focused. */
export function nextHighlightAt(state: EditorState, pos: number): HighlightId | null {
  const candidates = highlightsAt(state, pos);
  if (candidates.length === 0) return null;
  const focused = highlightsPluginKey.getState(state)?.focused ?? null;
  const index = candidates.findIndex((span) => span.id === focused);
  return (candidates[(index + 1) % candidates.length] as HighlightSpan).id;
}

/** The highlights plugin, starting with `initial` spans (painted progressively above `options.progressiveAbove`). */
export function createHighlightsPlugin(initial: readonly HighlightSpan[], events: HighlightsEvents = {}, options: HighlightsOptions = {}): Plugin<HighlightsState> {
  const progressive = initial.length > (options.progressiveAbove ?? DEFAULT_PROGRESSIVE_ABOVE);
  // Where a click being reported put the caret (see handleClick), until its focus change is dispatched.
  let clickCaret: number | null = null;
  return new Plugin<HighlightsState>({
    key: highlightsPluginKey,
    // The browser placed the caret at the click, but the editor reads that from the DOM only
    // later: the focus change a click leads to, dispatched before, would write the old
    // selection back (the first click after making a highlight left the caret at its end).
    // So that update also takes the click's caret — still one editor update.
    appendTransaction(transactions, _old, state) {
      if (clickCaret === null || !transactions.some((tr) => tr.getMeta(highlightsPluginKey) !== undefined)) return null;
      const caret = Selection.near(state.doc.resolve(Math.min(clickCaret, state.doc.content.size)));
      clickCaret = null;
      return caret.eq(state.selection) ? null : state.tr.setSelection(caret);
    },
    view: (view) => createProgressivePainter(view, {
      painted: (state) => highlightsPluginKey.getState(state)?.painted ?? [],
      paint: (range) => view.dispatch(setHighlightsMeta(view.state.tr, { paint: range })),
      onScreen: options.onScreen,
    }),
    state: {
      init: (_config, state) => createHighlightsState(initial, state.doc, null, progressive ? [] : [[0, state.doc.content.size]]),
      apply(tr, value, _old, newState) {
        const meta = tr.getMeta(highlightsPluginKey) as HighlightsMeta | undefined;
        // The document never changes (read-only reader), so mapping is only a safeguard.
        const mapped = tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
        return meta ? applyHighlightsMeta(mapped, meta, newState.doc) : mapped;
      },
    },
    props: {
      decorations: (state) => highlightsPluginKey.getState(state)?.decorations,
      attributes: (state): Record<string, string> => ({ 'data-highlights': highlightsFullyPainted(state) ? 'painted' : 'painting' }),
      handleClick(view, pos, event) {
        if (event.button !== 0 || event.shiftKey) return false;
        clickCaret = pos;
        try {
          events.highlightClicked?.(nextHighlightAt(view.state, pos));
        } finally {
          clickCaret = null;
        }
        return false;
      },
      handleKeyDown: (view, event) => events.handleKey?.(view, event) ?? false,
    },
  });
}
