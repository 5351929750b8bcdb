/**
 * Which reader is open, and the focused highlight in it.
 *
 * The reader registers itself when its view exists (`attachReader`, called by
 * attach-annotations.ts) so the margin, the toolbar, the panels and presence can reach it.
 * Focus has one owner: the UI state (store/ui-state.ts). `focusHighlight` records it there
 * and sends it to the open reader's highlights plugin as transaction metadata; the plugin
 * only paints what it is sent, and reports clicks back (`highlightClicked`) instead of
 * focusing on its own. When the focused highlight leaves the article (trashed here or by a
 * teammate, or no longer placeable), the registry clears focus at once, so 1–9 and Delete
 * never act on a highlight that no longer looks focused.
 */
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Article } from '#shared/documents/article.ts';
import type { HighlightId } from '#shared/model/ids.ts';
import { highlightSelector, highlightsPluginKey, setHighlightsMeta } from '../reader/highlights-plugin.ts';
import type { UiState } from '../store/ui-state.ts';
import type { DocumentHighlights } from './document-highlights.ts';

/** The reader currently showing an article, as registered by the reader. */
export interface OpenReader {
  readonly article: Article;
  readonly view: EditorView;
  readonly scroller: HTMLElement;
  readonly highlights: DocumentHighlights;
}

/** The open reader and focus in it. */
export interface ReaderRegistry {
  /** The reader showing an article, or null. */
  reader(): OpenReader | null;
  /** Registers the open reader (clearing focus); returns the unregister. */
  attachReader(reader: OpenReader): () => void;
  /** Focuses a highlight of the open reader (null clears); `reveal` scrolls it into view. */
  focusHighlight(id: HighlightId | null, options?: { readonly reveal?: boolean }): void;
  /** Opens `documentId` in the reader (via `navigate`) and focuses `id` once it is there. */
  jumpTo(id: HighlightId, documentId: string): void;
  /** Opens `documentId` and selects canonical-text `range` there, scrolled to the middle, with the caret in the article. */
  revealText(documentId: string, range: TextRangeOffsets): void;
}

/** A span of an article's canonical text (UTF-16 offsets). */
export interface TextRangeOffsets {
  readonly start: number;
  readonly end: number;
}

/** Selects `range` in `reader` and scrolls it to the middle of the view. */
function selectText(reader: OpenReader, range: TextRangeOffsets): void {
  const { view, article } = reader;
  const size = view.state.doc.content.size;
  const from = Math.min(size, article.textMap.offsetToPos(Math.max(0, Math.min(range.start, article.text.length))));
  const to = Math.min(size, article.textMap.offsetToPos(Math.max(0, Math.min(range.end, article.text.length))));
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
  (view.dom as HTMLElement).focus({ preventScroll: true });
  const { node } = view.domAtPos(from);
  const element = node instanceof HTMLElement ? node : node.parentElement;
  element?.scrollIntoView({ block: 'center', inline: 'nearest' });
}

/** The focus the plugin paints in `view` (what it was last sent). */
function paintedFocus(view: EditorView): HighlightId | null {
  return highlightsPluginKey.getState(view.state)?.focused ?? null;
}

/** Creates the registry over `ui`; `navigate` opens an article (sets the route). */
export function createReaderRegistry(ui: UiState, navigate: (documentId: string) => void): ReaderRegistry {
  let openReader: OpenReader | null = null;
  let pendingFocus: HighlightId | null = null;
  let pendingRange: TextRangeOffsets | null = null;

  const registry: ReaderRegistry = {
    reader: () => openReader,
    focusHighlight(id, options = {}) {
      const reader = openReader;
      let focus = id;
      if (reader !== null) {
        // Only a highlight placed in the open article can be focused there.
        focus = id !== null && reader.highlights.spans().has(id) ? id : null;
        // Already painted (e.g. a new highlight, focused in its own transaction): no editor update.
        if (paintedFocus(reader.view) !== focus) reader.view.dispatch(setHighlightsMeta(reader.view.state.tr, { focus }));
        if (focus !== null && options.reveal) {
          reader.view.dom.querySelector(highlightSelector(focus))?.scrollIntoView({ block: 'center', inline: 'nearest' });
        }
      }
      // A popover belongs to its highlight: moving focus closes it.
      if (ui.getSnapshot().focused !== focus) ui.update({ focused: focus, popover: null });
    },
    jumpTo(id, documentId) {
      if (openReader?.article.meta.id === documentId) {
        registry.focusHighlight(id, { reveal: true });
        return;
      }
      pendingFocus = id;
      navigate(documentId);
    },
    revealText(documentId, range) {
      if (openReader?.article.meta.id === documentId) {
        selectText(openReader, range);
        return;
      }
      pendingRange = range;
      navigate(documentId);
    },
    attachReader(reader) {
      openReader = reader;
      ui.update({ readerDocumentId: reader.article.meta.id, focused: null });
      const stopFollowing = reader.highlights.subscribe(() => {
        const focused = ui.getSnapshot().focused;
        if (openReader === reader && focused !== null && !reader.highlights.spans().has(focused)) registry.focusHighlight(null);
      });
      if (pendingFocus !== null) {
        const id = pendingFocus;
        pendingFocus = null;
        // Let the browser lay the article out before scrolling to the highlight.
        requestAnimationFrame(() => registry.focusHighlight(id, { reveal: true }));
      }
      if (pendingRange !== null) {
        const range = pendingRange;
        pendingRange = null;
        requestAnimationFrame(() => {
          if (openReader === reader) selectText(reader, range);
        });
      }
      return () => {
        stopFollowing();
        if (openReader !== reader) return;
        openReader = null;
        ui.update({ readerDocumentId: null, focused: null });
      };
    },
  };
  return registry;
}
