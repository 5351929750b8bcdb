/**
 * Creates the reader's ProseMirror view for one article: the read-only guard, the find
 * plugin, and a dispatch that reports selection and find changes to React. The view is
 * created once per article and destroyed with it; React never re-creates it on render.
 *
 * The editing host is `contenteditable="plaintext-only"` rather than ProseMirror's "true": the
 * caret, keyboard selection and every guard of read-only.ts behave the same, but React no
 * longer treats the focused reader as a text field whose selection it must save and restore
 * around each commit — which it did by walking the whole article's DOM, text node by text
 * node, on every render anywhere in the app while the reader had focus (on a densely coded
 * article, ~2,700 highlight marks: milliseconds per commit, inside the keypress that creates
 * a highlight). ProseMirror sets the attribute once and only rewrites attributes that change.
 */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Article } from '#shared/documents/article.ts';
import { createFindPlugin, findPluginKey, type FindState } from './find-plugin.ts';
import { createReadOnlyPlugin } from './read-only.ts';
import { selectionToTextRange, type TextRange } from './selection.ts';
import { createTypographyPlugin } from './typography-plugin.ts';

/** What the reader tells its React owner. */
export interface ReaderEditorEvents {
  /** The selection changed; null when it is empty. Offsets are canonical text. */
  selectionChanged(range: TextRange | null): void;
  /** The find state changed (new query, new current match, cleared). */
  findChanged(find: FindState): void;
}

/** Mounts a read-only view of `article` into `mount`. Call `view.destroy()` to remove it. */
export function createReaderEditor(mount: HTMLElement, article: Article, events: ReaderEditorEvents): EditorView {
  const state = EditorState.create({
    doc: article.doc,
    plugins: [createReadOnlyPlugin(), createTypographyPlugin(), createFindPlugin(article.textMap)],
  });
  let lastRange: TextRange | null = null;
  const view: EditorView = new EditorView(mount, {
    state,
    dispatchTransaction(tr) {
      const before = view.state;
      const after = before.apply(tr);
      view.updateState(after);
      if (!after.selection.eq(before.selection)) {
        const range = selectionToTextRange(after.selection, article.textMap);
        if (range?.start !== lastRange?.start || range?.end !== lastRange?.end) {
          lastRange = range;
          events.selectionChanged(range);
        }
      }
      const find = findPluginKey.getState(after);
      if (find !== undefined && find !== findPluginKey.getState(before)) events.findChanged(find);
    },
  });
  view.dom.setAttribute('contenteditable', 'plaintext-only');
  return view;
}
