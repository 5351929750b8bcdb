/**
 * Paints a comparison of two coders into the open reader: a ProseMirror plugin added to the
 * reader's view while the Compare tab is open and removed when it closes, so leaving the
 * comparison restores the normal view exactly. While it is on, the editor carries the class
 * `comparing`, which mutes the ordinary highlight marks (compare.css), and every A-only,
 * B-only and both segment is an inline decoration (`compare--a`, `compare--b`,
 * `compare--both`, the current disagreement also `compare--current`) told apart by
 * underline, hatching and fill, not by colour alone.
 */
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import type { SegmentKind } from '#shared/analysis/compare.ts';

/** A segment as the reader paints it. */
export interface PaintedSegment {
  readonly from: number;
  readonly to: number;
  readonly kind: SegmentKind;
  /** Index among the disagreements, or -1 for a "both" segment. */
  readonly disagreement: number;
}

/** The painter of one reader view. */
export interface ComparePainter {
  /** Paints `segments`, marking disagreement `current` (-1: none). */
  paint(segments: readonly PaintedSegment[], current: number): void;
  /** The element of disagreement `index` on screen, if painted. */
  elementOf(index: number): HTMLElement | null;
  /** Removes the plugin and its decorations. */
  stop(): void;
}

const comparePluginKey = new PluginKey<DecorationSet>('marginalia-compare');

function decorations(state: EditorState, segments: readonly PaintedSegment[], current: number): DecorationSet {
  return DecorationSet.create(state.doc, segments.map((segment, index) => {
    const isCurrent = segment.disagreement >= 0 && segment.disagreement === current;
    return Decoration.inline(segment.from, segment.to, {
      class: `compare--${segment.kind}${isCurrent ? ' compare--current' : ''}`,
      'data-compare-kind': segment.kind,
      // One segment may be painted in several pieces (split by the text's own marks).
      'data-segment': String(index),
      ...(segment.disagreement >= 0 ? { 'data-disagreement': String(segment.disagreement) } : {}),
    });
  }));
}

/** Adds the comparison plugin to `view`. */
export function startComparePaint(view: EditorView): ComparePainter {
  const plugin = new Plugin<DecorationSet>({
    key: comparePluginKey,
    state: {
      init: () => DecorationSet.empty,
      apply: (tr, set) => (tr.getMeta(comparePluginKey) as DecorationSet | undefined) ?? set.map(tr.mapping, tr.doc),
    },
    props: {
      decorations: (state) => comparePluginKey.getState(state),
      attributes: { class: 'comparing' },
    },
  });
  view.updateState(view.state.reconfigure({ plugins: [...view.state.plugins, plugin] }));
  return {
    paint(segments, current) {
      if (view.isDestroyed) return;
      view.dispatch(view.state.tr.setMeta(comparePluginKey, decorations(view.state, segments, current)));
    },
    elementOf: (index) => (view.isDestroyed ? null : view.dom.querySelector<HTMLElement>(`[data-disagreement="${index}"]`)),
    stop() {
      if (view.isDestroyed) return;
      view.updateState(view.state.reconfigure({ plugins: view.state.plugins.filter((candidate) => candidate !== plugin) }));
    },
  };
}
