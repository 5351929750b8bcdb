/**
 * A plain textarea bound to a Y.Text: local edits become the smallest single splice
 * (common prefix and suffix kept, `textDiff` from the model) so concurrent edits by
 * teammates merge character-wise; remote edits update the textarea with the caret and
 * selection carried through the remote delta, so typing is never interrupted.
 */
import type * as Y from 'yjs';
import { textDiff } from '#shared/model/notes.ts';

/** One Yjs delta op (insert / delete / retain). */
export type DeltaOp = { readonly insert?: unknown; readonly delete?: number; readonly retain?: number };

/** Where offset `index` moves to after `delta` is applied (inserts at the index push it right unless `stickLeft`). */
export function transformIndex(index: number, delta: readonly DeltaOp[], stickLeft = false): number {
  let position = 0; // position in the old text
  let shift = 0;
  for (const op of delta) {
    if (position > index) break;
    if (op.retain !== undefined) {
      position += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (position < index || !stickLeft) shift += length;
    } else if (op.delete !== undefined) {
      if (position < index) shift -= Math.min(op.delete, index - position);
      position += op.delete;
    }
  }
  return Math.max(0, index + shift);
}

/** The textarea's editable surface (a real HTMLTextAreaElement in the app; a plain object in tests). */
export interface TextSurface {
  value: string;
  selectionStart: number;
  selectionEnd: number;
  setSelectionRange(start: number, end: number): void;
}

/** Binds `surface` to `text`. `applyLocal` performs the splice as the local member (one model call). Returns the unbind. */
export function bindText(
  surface: TextSurface,
  text: Y.Text,
  applyLocal: (index: number, deleteCount: number, insert: string) => void,
): { onInput(): void; unbind(): void } {
  let shown = text.toString();
  surface.value = shown;
  const observer = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
    const next = text.toString();
    if (next === surface.value) {
      shown = next;
      return;
    }
    if (transaction.local && next === shown) return;
    const delta = event.delta as DeltaOp[];
    const start = transformIndex(surface.selectionStart, delta);
    const end = transformIndex(surface.selectionEnd, delta);
    surface.value = next;
    shown = next;
    surface.setSelectionRange(start, end);
  };
  text.observe(observer);
  return {
    onInput() {
      const { index, deleteCount, insert } = textDiff(shown, surface.value);
      if (deleteCount === 0 && insert === '') return;
      shown = surface.value;
      applyLocal(index, deleteCount, insert);
    },
    unbind: () => text.unobserve(observer),
  };
}
