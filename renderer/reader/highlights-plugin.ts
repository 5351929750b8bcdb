/**
 * The highlights plugin: every highlight of the open article as an inline decoration, kept
 * in plugin state and changed incrementally.
 *
 * The plugin knows nothing of Yjs. Its owner (store/document-highlights.ts) turns model
 * changes into "annotations changed" metadata — spans to add or replace, ids to remove, the
 * focused highlight — and dispatches it with `setHighlightsMeta`; `apply` touches only those
 * ids, so creating a highlight among 2,000 costs one `remove` + one `add`, never a rebuild.
 *
 * Each highlight is its own `<mark>` (a `nodeName` decoration nests instead of merging), so
 * overlapping highlights stack their translucent backgrounds; the id is in the class name
 * (`hl-<id>`) because merged attributes keep only classes. Colours come from per-tag
 * classes (`hl-t-<tagId>` background, `hl-u-<tagId>` underline for a second tag) whose
 * rules live in a constructed stylesheet (see ui/tag-styles.ts): the CSP forbids inline styles.
 *
 * Clicking text inside highlights focuses the shortest highlight there; clicking again
 * cycles through the others covering that point.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { HighlightId, TagId } from '../../shared/model/ids.ts';

/** One highlight as the reader paints it (PM positions, tags in display order). */
export interface HighlightSpan {
  readonly id: HighlightId;
  readonly from: number;
  readonly to: number;
  /** Resolved live tags, oldest first; empty for an untagged highlight. */
  readonly tags: readonly TagId[];
  /** True if the highlight carries a note (shown as a small marker). */
  readonly hasNote: boolean;
}

/** "Annotations changed": what to change in the decoration set. */
export interface HighlightsMeta {
  /** Highlights to add, or to replace if already present. */
  readonly upsert?: readonly HighlightSpan[];
  /** Highlights to take away. */
  readonly remove?: readonly HighlightId[];
  /** New focused highlight (null clears; undefined leaves it). */
  readonly focus?: HighlightId | null;
}

/** Plugin state. */
export interface HighlightsState {
  readonly decorations: DecorationSet;
  readonly spans: ReadonlyMap<HighlightId, HighlightSpan>;
  readonly focused: HighlightId | null;
}

/** Events the plugin reports to its owner. */
export interface HighlightsEvents {
  /** The user clicked a highlight (already focused in plugin state). */
  highlightClicked?(id: HighlightId): void;
  /** A key press in the reader; return true if handled. */
  handleKey?(view: EditorView, event: KeyboardEvent): boolean;
}

/** Key of the highlights plugin. */
export const highlightsPluginKey = new PluginKey<HighlightsState>('marginalia-highlights');

type DecorationSpec = { readonly id: HighlightId; readonly focus?: true };

/** CSS class carrying a highlight's id. */
export function highlightClass(id: HighlightId): string {
  return `hl-${id}`;
}

/** The classes of a highlight's `<mark>`. */
export function spanClasses(span: HighlightSpan): string {
  const classes = ['hl', highlightClass(span.id)];
  const [first, second] = span.tags;
  if (first === undefined) classes.push('hl-untagged');
  else classes.push(`hl-t-${first}`);
  if (second !== undefined) classes.push(`hl-u-${second}`);
  if (span.tags.length > 2) classes.push('hl-many');
  if (span.hasNote) classes.push('hl-noted');
  return classes.join(' ');
}

function decorationsOf(span: HighlightSpan, focused: boolean): Decoration[] {
  if (span.to <= span.from) return [];
  const spec: DecorationSpec = { id: span.id };
  const out = [Decoration.inline(span.from, span.to, { nodeName: 'mark', class: spanClasses(span), 'data-highlight-id': span.id }, spec)];
  if (focused) {
    const focusSpec: DecorationSpec = { id: span.id, focus: true };
    out.push(Decoration.inline(span.from, span.to, { class: 'hl-focused' }, focusSpec));
  }
  return out;
}

function withoutHighlight(set: DecorationSet, span: HighlightSpan | undefined, onlyFocus = false): DecorationSet {
  if (!span) return set;
  const found = set.find(span.from, span.to, (spec: DecorationSpec) => spec.id === span.id && (!onlyFocus || spec.focus === true));
  return found.length > 0 ? set.remove(found) : set;
}

/** Applies "annotations changed" metadata to a plugin state (pure; exported for tests). */
export function applyHighlightsMeta(state: HighlightsState, meta: HighlightsMeta, doc: EditorState['doc']): HighlightsState {
  let decorations = state.decorations;
  const spans = new Map(state.spans);
  let focused = state.focused;
  const added: Decoration[] = [];
  for (const id of meta.remove ?? []) {
    decorations = withoutHighlight(decorations, spans.get(id));
    spans.delete(id);
    if (focused === id) focused = null;
  }
  for (const span of meta.upsert ?? []) {
    decorations = withoutHighlight(decorations, spans.get(span.id));
    spans.set(span.id, span);
    added.push(...decorationsOf(span, focused === span.id));
  }
  if (meta.focus !== undefined && meta.focus !== focused) {
    if (focused !== null) decorations = withoutHighlight(decorations, spans.get(focused), true);
    focused = meta.focus !== null && spans.has(meta.focus) ? meta.focus : null;
    const span = focused === null ? undefined : spans.get(focused);
    if (span && span.to > span.from) {
      added.push(Decoration.inline(span.from, span.to, { class: 'hl-focused' }, { id: span.id, focus: true } satisfies DecorationSpec));
    }
  }
  if (added.length > 0) decorations = decorations.add(doc, added);
  return { decorations, spans, focused };
}

/** A transaction carrying "annotations changed" metadata. */
export function setHighlightsMeta(tr: Transaction, meta: HighlightsMeta): Transaction {
  return tr.setMeta(highlightsPluginKey, meta);
}

/** Highlights covering position `pos`, shortest first (ties by start, then id). */
export function highlightsAt(state: EditorState, pos: number): HighlightSpan[] {
  const plugin = highlightsPluginKey.getState(state);
  if (!plugin) return [];
  const ids = new Set<HighlightId>();
  for (const decoration of plugin.decorations.find(pos, pos)) {
    const spec = decoration.spec as DecorationSpec;
    if (decoration.from <= pos && decoration.to >= pos && !spec.focus) ids.add(spec.id);
  }
  const found = [...ids].map((id) => plugin.spans.get(id)).filter((span): span is HighlightSpan => span !== undefined);
  return found.sort((a, b) => a.to - a.from - (b.to - b.from) || a.from - b.from || (a.id < b.id ? -1 : 1));
}

/** Which highlight a click at `pos` should focus: the shortest, or the next one if the shortest (or later) is already focused. */
export function nextHighlightAt(state: EditorState, pos: number): HighlightId | null {
  const candidates = highlightsAt(state, pos);
  if (candidates.length === 0) return null;
  const focused = highlightsPluginKey.getState(state)?.focused ?? null;
  const index = candidates.findIndex((span) => span.id === focused);
  return (candidates[(index + 1) % candidates.length] as HighlightSpan).id;
}

/** The highlights plugin, starting with `initial` spans. */
export function createHighlightsPlugin(initial: readonly HighlightSpan[], events: HighlightsEvents = {}): Plugin<HighlightsState> {
  return new Plugin<HighlightsState>({
    key: highlightsPluginKey,
    state: {
      init: (_config, state) => applyHighlightsMeta({ decorations: DecorationSet.empty, spans: new Map(), focused: null }, { upsert: initial }, state.doc),
      apply(tr, value, _old, newState) {
        const meta = tr.getMeta(highlightsPluginKey) as HighlightsMeta | undefined;
        // The document never changes (read-only reader), so mapping is only a safeguard.
        const mapped = tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
        return meta ? applyHighlightsMeta(mapped, meta, newState.doc) : mapped;
      },
    },
    props: {
      decorations: (state) => highlightsPluginKey.getState(state)?.decorations,
      handleClick(view, pos, event) {
        if (event.button !== 0 || event.shiftKey) return false;
        const id = nextHighlightAt(view.state, pos);
        if (id === null) {
          if ((highlightsPluginKey.getState(view.state)?.focused ?? null) !== null) view.dispatch(setHighlightsMeta(view.state.tr, { focus: null }));
          return false;
        }
        view.dispatch(setHighlightsMeta(view.state.tr, { focus: id }));
        events.highlightClicked?.(id);
        return false;
      },
      handleKeyDown: (view, event) => events.handleKey?.(view, event) ?? false,
    },
  });
}
