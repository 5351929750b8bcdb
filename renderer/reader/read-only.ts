/**
 * Keeps the reader's document unchangeable while leaving the browser's caret on.
 *
 * Why not `editable: () => false`: a non-editable ProseMirror view has no caret, so a
 * keyboard user cannot start a selection (Shift+arrows only extend a selection made with the
 * mouse). We keep the view editable, which gives caret navigation and keyboard selection for
 * free, and stop every way the text could change: `beforeinput` is cancelled (typing,
 * deleting, Enter), paste, drop and cut are cancelled before ProseMirror handles them, and any transaction that
 * would still change the document is filtered out. Decorations and selection changes pass.
 */
import { Plugin, PluginKey } from 'prosemirror-state';

/** Key of the read-only guard (for tests and debugging). */
export const readOnlyPluginKey = new PluginKey('marginalia-read-only');

function cancel(_view: unknown, event: Event): boolean {
  event.preventDefault();
  return true;
}

/** Plugin that makes an editable view behave as a read-only document with a caret. */
export function createReadOnlyPlugin(): Plugin {
  return new Plugin({
    key: readOnlyPluginKey,
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      attributes: {
        // Exposed as the read-only document it is (an editable view only for the caret),
        // reachable with Tab like any scrollable reading area.
        role: 'document',
        tabindex: '0',
        'aria-label': 'Article text',
        spellcheck: 'false',
        autocorrect: 'off',
        autocapitalize: 'off',
        inputmode: 'none',
        translate: 'no',
        class: 'reader-document',
      },
      handleTextInput: () => true,
      handlePaste: () => true,
      handleDrop: () => true,
      // Cancelled before ProseMirror sees them: nothing is inserted, and clipboard HTML is
      // never even parsed (parsing foreign HTML with inline styles would trip the app's CSP).
      handleDOMEvents: {
        beforeinput: cancel,
        paste: cancel,
        drop: cancel,
        cut: cancel,
      },
    },
  });
}
