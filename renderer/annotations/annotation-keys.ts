/**
 * Keyboard map of the annotation commands, as data: 1–9 apply the tags the codebook gives those keys
 * (to the selection, creating a highlight, or to the focused highlight), Delete/Backspace
 * trash the focused highlight, Enter opens its popover, Ctrl/Cmd+Z undo and Shift+Ctrl/Cmd+Z or Ctrl+Y redo the
 * person's own changes. Pure, so the mapping is tested without a browser.
 */

/** What a key press asks for. */
export type AnnotationKeyAction =
  | { readonly kind: 'tag'; readonly number: number }
  | { readonly kind: 'trash' }
  | { readonly kind: 'open' }
  | { readonly kind: 'undo' }
  | { readonly kind: 'redo' };

/** What the reader has to act on when the key is pressed. */
export interface KeyContext {
  readonly hasSelection: boolean;
  readonly hasFocusedHighlight: boolean;
}

type KeyInfo = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** The action for `event`, or null when the key is not an annotation command here. */
export function annotationKeyAction(event: KeyInfo, context: KeyContext): AnnotationKeyAction | null {
  if (event.altKey) return null;
  const primary = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (primary) {
    if (key === 'z') return event.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (key === 'y' && event.ctrlKey && !event.shiftKey) return { kind: 'redo' };
    return null;
  }
  if (/^[1-9]$/.test(key) && !event.shiftKey && (context.hasSelection || context.hasFocusedHighlight)) {
    return { kind: 'tag', number: Number(key) };
  }
  if ((key === 'Delete' || key === 'Backspace') && context.hasFocusedHighlight && !context.hasSelection) return { kind: 'trash' };
  if (key === 'Enter' && !event.shiftKey && context.hasFocusedHighlight && !context.hasSelection) return { kind: 'open' };
  return null;
}
