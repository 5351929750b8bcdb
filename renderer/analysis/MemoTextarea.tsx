/**
 * The textarea of one memo record, bound to its Y.Text (margin/text-binding.ts: local
 * edits are the smallest splice, remote edits keep the caret). A subject nobody has
 * written about has no record yet: the first keystroke starts one with what was typed and
 * binds the same element, so the caret never leaves the field. Bound fields route
 * Ctrl/Cmd+Z to the person's own undo (`data-yjs-bound`), like a note editor.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { MemoId } from '#shared/model/ids.ts';
import { editMemo, memoText, startMemo } from '#shared/model/memos.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { bindText } from '../margin/text-binding.ts';

function recordExists(workspace: AnnotationWorkspace, id: MemoId): boolean {
  try {
    memoText(workspace.session.doc, id);
    return true;
  } catch {
    return false;
  }
}

/** Props of {@link MemoTextarea}. */
export interface MemoTextareaProps {
  readonly workspace: AnnotationWorkspace;
  /** The stored subject the memo is about (a record is started on it at the first keystroke). */
  readonly subject: string;
  /** The record edited; undefined while the subject has none. */
  readonly recordId: MemoId | undefined;
  readonly label: string;
  readonly textareaRef?: RefObject<HTMLTextAreaElement | null>;
}

/** The memo's editable text. */
export function MemoTextarea({ workspace, subject, recordId, label, textareaRef }: MemoTextareaProps) {
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = textareaRef ?? ownRef;
  const bound = useRef<{ id: MemoId; onInput(): void; unbind(): void } | null>(null);

  const bind = (id: MemoId): void => {
    const element = ref.current;
    if (element === null || bound.current?.id === id) return;
    bound.current?.unbind();
    const doc = workspace.session.doc;
    const binding = bindText(element, memoText(doc, id), (index, deleteCount, insert) => {
      editMemo(doc, workspace.actor(), id, index, deleteCount, insert);
    });
    bound.current = { id, ...binding };
  };

  useEffect(() => {
    if (recordId !== undefined) {
      bind(recordId);
      return;
    }
    // The record this field started is gone (its start was undone): start afresh.
    const started = bound.current;
    if (started !== null && !recordExists(workspace, started.id)) {
      started.unbind();
      bound.current = null;
      if (ref.current !== null) ref.current.value = '';
    }
  });
  useEffect(() => () => {
    bound.current?.unbind();
    bound.current = null;
  }, []);

  const onInput = (): void => {
    const element = ref.current;
    if (element === null) return;
    if (bound.current !== null) {
      bound.current.onInput();
      return;
    }
    if (element.value === '') return;
    bind(startMemo(workspace.session.doc, workspace.actor(), subject, element.value));
  };

  return (
    <textarea
      ref={ref}
      className="memo-editor__text"
      data-yjs-bound="true"
      data-testid="memo-text"
      rows={8}
      aria-label={label}
      placeholder="Write here: # heading, - list, *emphasis*, links to highlights"
      onInput={onInput}
    />
  );
}
