/**
 * Plugs annotations into a reader view that its owner created: adds the highlights plugin
 * (reconfiguring the view's state, so the reader module needs no knowledge of Yjs), wires
 * the model's change feed to it, reports the selection to the workspace, routes clicks on
 * highlights to the workspace (which owns focus and sends it back to the plugin), and
 * registers the reader so the margin, toolbar and panels can reach it. Returns the detach
 * function the reader calls before destroying its view, or when annotations leave a view
 * that stays (it takes the plugins out again).
 *
 * The bridges of the last {@link KEPT_ARTICLES} articles opened are kept (following the doc's
 * changes while closed, see document-highlights.ts): reopening one of them reads only the
 * highlights changed meanwhile instead of all ~2,000 of a densely coded article.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Article } from '#shared/documents/article.ts';
import { createHighlightsPlugin } from '../reader/highlights-plugin.ts';
import type * as Y from 'yjs';
import { createDocumentHighlights, type DocumentHighlights } from './document-highlights.ts';
import type { AnnotationWorkspace } from './workspace.ts';

const selectionReporterKey = new PluginKey('marginalia-selection-reporter');

/** How many articles' highlight bridges are kept per project doc, most recent first. */
export const KEPT_ARTICLES = 3;

const kept = new WeakMap<Y.Doc, Array<{ bridge: DocumentHighlights; shownMember: AnnotationWorkspace['shownMember'] }>>();

/** The bridge for `article`: a kept one not connected elsewhere, else a new one (kept in its place). */
function bridgeFor(workspace: AnnotationWorkspace, article: Article): DocumentHighlights {
  const doc = workspace.session.doc;
  const list = kept.get(doc) ?? [];
  kept.set(doc, list);
  const same = (other: Article): boolean => other === article || (other.meta.id === article.meta.id && other.hash === article.hash);
  const index = list.findIndex((entry) => entry.shownMember === workspace.shownMember && same(entry.bridge.article) && !entry.bridge.connected());
  const entry = index >= 0 ? (list.splice(index, 1)[0] as (typeof list)[number]) : { bridge: createDocumentHighlights(doc, article, workspace.shownMember), shownMember: workspace.shownMember };
  list.unshift(entry);
  // Beyond the kept number, the least recent bridges no view shows stop following the doc.
  for (let at = list.length - 1; at >= 0 && list.length > KEPT_ARTICLES; at -= 1) {
    const candidate = list[at] as (typeof list)[number];
    if (candidate.bridge.connected()) continue;
    candidate.bridge.dispose();
    list.splice(at, 1);
  }
  return entry.bridge;
}

/**
 * Attaches annotations to `view` showing `article`; `scroller` is the reader's scroll
 * container; `onScreen` says the view has been shown already (annotations arriving once the
 * project has loaded), so its highlights are painted after the next frame.
 */
export function attachAnnotations(workspace: AnnotationWorkspace, view: EditorView, article: Article, scroller: HTMLElement, onScreen = false): () => void {
  const highlights = bridgeFor(workspace, article);
  const plugin = createHighlightsPlugin(highlights.initialSpans(), {
    // A click on a highlight focuses it and opens its popover; a click outside every
    // highlight clears focus (and so closes the popover).
    highlightClicked: (id) => (id === null ? workspace.focusHighlight(null) : workspace.showPopover(id)),
  }, { onScreen });
  const reporter = new Plugin({
    key: selectionReporterKey,
    view: () => ({
      update(updated, previous) {
        if (!updated.state.selection.eq(previous.selection)) workspace.selectionChanged();
      },
    }),
  });
  view.updateState(view.state.reconfigure({ plugins: [...view.state.plugins, plugin, reporter] }));
  const disconnect = highlights.connect(view);
  const detach = workspace.attachReader({ article, view, scroller, highlights });
  return () => {
    detach();
    disconnect();
    // The view may live on without annotations (the reader keeps it when they go): take
    // the plugins out again, with their marks and listeners.
    if (!view.isDestroyed) view.updateState(view.state.reconfigure({ plugins: view.state.plugins.filter((each) => each !== plugin && each !== reporter) }));
  };
}
