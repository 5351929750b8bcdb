/**
 * Plugs annotations into a reader view that its owner created: adds the highlights plugin
 * (reconfiguring the view's state, so the reader module needs no knowledge of Yjs), wires
 * the model's change feed to it, reports the selection to the workspace, routes clicks on
 * highlights to the workspace (which owns focus and sends it back to the plugin), and
 * registers the reader so the margin, toolbar and panels can reach it. Returns the detach
 * function the reader calls before destroying its view.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Article } from '#shared/documents/article.ts';
import { createHighlightsPlugin } from '../reader/highlights-plugin.ts';
import { createDocumentHighlights } from './document-highlights.ts';
import type { AnnotationWorkspace } from './workspace.ts';

const selectionReporterKey = new PluginKey('marginalia-selection-reporter');

/** Attaches annotations to `view` showing `article`; `scroller` is the reader's scroll container. */
export function attachAnnotations(workspace: AnnotationWorkspace, view: EditorView, article: Article, scroller: HTMLElement): () => void {
  const highlights = createDocumentHighlights(workspace.session.doc, article, workspace.shownMember);
  const plugin = createHighlightsPlugin(highlights.initialSpans(), {
    // A click on a highlight focuses it and opens its popover; a click outside every
    // highlight clears focus (and so closes the popover).
    highlightClicked: (id) => (id === null ? workspace.focusHighlight(null) : workspace.showPopover(id)),
  });
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
  };
}
