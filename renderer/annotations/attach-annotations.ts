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
 *
 * An article with no kept bridge (its first open in the session, or the article open while
 * the project loaded) is attached a frame later, after the doc's indexes are built (8 ms a
 * frame, unless idle time built them already) and its highlights are anchored (a few
 * milliseconds a frame, `placeAhead`), and its visible highlights are painted a frame after
 * that: the text, the indexes, placing the article's highlights, reading them into the
 * bridge and the first paint are separate frames instead of one task (after a restart, with cold code, that one
 * task took 60–95 ms for ~2,000 highlights, and over 100 ms when the project had only just
 * loaded). A reopened article keeps its highlights in the frame that shows its text.
 */
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Article } from '#shared/documents/article.ts';
import { createHighlightsPlugin } from '../reader/highlights-plugin.ts';
import type * as Y from 'yjs';
import { createDocumentHighlights, type DocumentHighlights } from './document-highlights.ts';
import { placeAhead } from './place-ahead.ts';
import type { AnnotationWorkspace } from './workspace.ts';
import { afterNextFrame } from '../services/event-loop.ts';
import { pendingDocIndexes } from '#shared/model/doc-indexes.ts';

const selectionReporterKey = new PluginKey('marginalia-selection-reporter');

/** Longest a step of the work before a new bridge (an index's build, anchoring) runs in a frame (ms). */
const STEP_MS = 8;

/** How many articles' highlight bridges are kept per project doc, most recent first. */
export const KEPT_ARTICLES = 3;

const kept = new WeakMap<Y.Doc, Array<{ bridge: DocumentHighlights; shownMember: AnnotationWorkspace['shownMember'] }>>();

/** Where the kept bridge for `article` is in `list` (one not connected elsewhere), or -1. */
function keptIndex(list: ReadonlyArray<{ bridge: DocumentHighlights; shownMember: AnnotationWorkspace['shownMember'] }>, workspace: AnnotationWorkspace, article: Article): number {
  const same = (other: Article): boolean => other === article || (other.meta.id === article.meta.id && other.hash === article.hash);
  return list.findIndex((entry) => entry.shownMember === workspace.shownMember && same(entry.bridge.article) && !entry.bridge.connected());
}

/** The bridge for `article`: a kept one not connected elsewhere, else a new one (kept in its place). */
function bridgeFor(workspace: AnnotationWorkspace, article: Article): DocumentHighlights {
  const doc = workspace.session.doc;
  const list = kept.get(doc) ?? [];
  kept.set(doc, list);
  const index = keptIndex(list, workspace, article);
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
  if (keptIndex(kept.get(workspace.session.doc) ?? [], workspace, article) >= 0) return attachNow(workspace, view, article, scroller, onScreen);
  let detach: (() => void) | null = null;
  let cancelled = false;
  const attachLater = async (): Promise<void> => {
    await afterNextFrame();
    // The doc's indexes a new bridge reads, if the idle time after the load has not built them yet.
    // A frame between each: tasks in a row can run before one frame is painted.
    for (const build of pendingDocIndexes(workspace.session.doc)) {
      while (!cancelled && !build(STEP_MS)) await afterNextFrame();
      await afterNextFrame();
    }
    // The article's highlights anchored a few milliseconds a frame, so the bridge finds them placed.
    const place = placeAhead(workspace.session.doc, article, STEP_MS);
    while (!cancelled && !place()) await afterNextFrame();
    // Shown by now: its visible highlights are painted after the next frame, apart from placing them.
    if (!cancelled && !view.isDestroyed) detach = attachNow(workspace, view, article, scroller, true);
  };
  void attachLater();
  return () => {
    cancelled = true;
    detach?.();
  };
}

/** Attaches at once (see {@link attachAnnotations}). */
function attachNow(workspace: AnnotationWorkspace, view: EditorView, article: Article, scroller: HTMLElement, onScreen: boolean): () => void {
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
