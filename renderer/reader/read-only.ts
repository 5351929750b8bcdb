/**
 * Keeps the reader's document unchangeable while leaving the browser's caret on.
 *
 * Why not `editable: () => false`: a non-editable ProseMirror view has no caret, so a
 * keyboard user cannot start a selection (Shift+arrows only extend a selection made with the
 * mouse). We keep the view editable, which gives caret navigation and keyboard selection for
 * free, and stop every way the text could change: `beforeinput` is cancelled (typing,
 * deleting, Enter, IME-free input), paste and drop are swallowed, and any transaction that
 * would still change the document is filtered out. Decorations and selection changes pass.
 */
import { Plugin, PluginKey } from 'prosemirror-state';

/** Key of the read-only guard (for tests and debugging). */
export const readOnlyPluginKey = new PluginKey('marginalia-read-only');

/** Plugin that makes an editable view behave as a read-only document with a caret. */
export function createReadOnlyPlugin(): Plugin {
  return new Plugin({
    key: readOnlyPluginKey,
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      attributes: {
        role: 'textbox',
        'aria-readonly': 'true',
        'aria-multiline': 'true',
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
      handleDOMEvents: {
        beforeinput: (_view, event) => {
          event.preventDefault();
          return true;
        },
      },
    },
  });
}
