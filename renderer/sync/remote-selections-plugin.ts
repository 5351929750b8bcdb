/**
 * Teammates' selections in the reader: a ProseMirror plugin whose decorations are fed from
 * awareness, plus a reporter of the local selection.
 *
 * The plugin knows nothing of awareness or Yjs. Its owner (reader-presence.ts) converts
 * peers' canonical-text selections to positions with `article.textMap.offsetToPos` and
 * hands them over as transaction meta (`setRemoteSelections`); the decoration set lives in
 * plugin state, is mapped through other transactions, and is rebuilt only when presence
 * changes (a handful of teammates, so a rebuild is a few decorations). Each selection is an
 * inline decoration (background tint) plus a widget at its end carrying the teammate's name
 * in `data-name` (shown by CSS `content: attr(data-name)`): the document never changes, so
 * nothing moves and the reader's scroll position is untouched. Colours come from classes
 * (`remote-c-<hex>`, rules in presence-stylesheet.ts) because the CSP forbids inline styles.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';

/** One teammate's selection, in ProseMirror positions of this article. */
export interface RemoteSelection {
  /** Awareness client id (stable key). */
  readonly clientId: number;
  readonly name: string;
  /** `#rrggbb`. */
  readonly colour: string;
  readonly from: number;
  readonly to: number;
}

/** Plugin state. */
export interface RemoteSelectionsState {
  readonly decorations: DecorationSet;
  readonly selections: readonly RemoteSelection[];
}

/** Key of the plugin. */
export const remoteSelectionsKey = new PluginKey<RemoteSelectionsState>('marginalia-remote-selections');

/** Class suffix of a colour (`#00798C` → `00798c`); unknown shapes fall back to a neutral grey. */
export function colourClass(colour: string): string {
  const match = /^#([0-9a-fA-F]{6})$/.exec(colour);
  return `remote-c-${match ? (match[1] as string).toLowerCase() : '777777'}`;
}

function caret(selection: RemoteSelection): () => HTMLElement {
  return () => {
    const element = document.createElement('span');
    element.className = `remote-caret ${colourClass(selection.colour)}`;
    element.dataset.name = selection.name;
    element.dataset.testid = 'remote-caret';
    element.setAttribute('aria-label', `${selection.name} is selecting here`);
    return element;
  };
}

function build(state: EditorState, selections: readonly RemoteSelection[]): DecorationSet {
  const size = state.doc.content.size;
  const decorations: Decoration[] = [];
  for (const selection of selections) {
    const from = Math.max(0, Math.min(selection.from, size));
    const to = Math.max(from, Math.min(selection.to, size));
    if (to > from) {
      decorations.push(
        Decoration.inline(from, to, { class: `remote-selection ${colourClass(selection.colour)}`, 'data-remote-client': String(selection.clientId) }),
      );
    }
    decorations.push(Decoration.widget(to, caret(selection), { side: 1, key: `remote-${selection.clientId}-${selection.name}-${selection.colour}`, ignoreSelection: true }));
  }
  return DecorationSet.create(state.doc, decorations);
}

/** Adds "replace the remote selections" to a transaction. */
export function setRemoteSelections(tr: Transaction, selections: readonly RemoteSelection[]): Transaction {
  return tr.setMeta(remoteSelectionsKey, selections);
}

/** Creates the plugin. `localSelectionChanged` hears the local selection (PM positions; empty → null). */
export function createRemoteSelectionsPlugin(localSelectionChanged: (range: { from: number; to: number } | null, view: EditorView) => void): Plugin<RemoteSelectionsState> {
  return new Plugin<RemoteSelectionsState>({
    key: remoteSelectionsKey,
    state: {
      init: () => ({ decorations: DecorationSet.empty, selections: [] }),
      apply(tr, value, _old, newState) {
        const replaced = tr.getMeta(remoteSelectionsKey) as readonly RemoteSelection[] | undefined;
        if (replaced !== undefined) return { decorations: build(newState, replaced), selections: replaced };
        if (!tr.docChanged) return value;
        return { decorations: value.decorations.map(tr.mapping, tr.doc), selections: value.selections };
      },
    },
    props: {
      decorations: (state) => remoteSelectionsKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
    view(initial) {
      const report = (view: EditorView): void => {
        const { selection } = view.state;
        localSelectionChanged(selection.empty ? null : { from: selection.from, to: selection.to }, view);
      };
      report(initial);
      return {
        update(view, previous) {
          if (!view.state.selection.eq(previous.selection)) report(view);
        },
      };
    },
  });
}
