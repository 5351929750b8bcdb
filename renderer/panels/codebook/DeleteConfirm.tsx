/**
 * The question before a tag is deleted, asked in the tag's own row (not at the top of the
 * panel, away from where the person clicked): how many highlights carry it, "Delete tag"
 * (named apart from the row's own Delete just above it) and Cancel. Focus moves to
 * "Delete tag" so Enter confirms; Escape or Cancel keeps the tag.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';

/** Props of {@link DeleteConfirm}. */
export interface DeleteConfirmProps {
  readonly tagName: string;
  /** Live highlights carrying the tag (sub-tags not included). */
  readonly applications: number;
  onDelete(): void;
  onCancel(): void;
}

/** The in-row delete confirmation. */
export function DeleteConfirm({ tagName, applications, onDelete, onCancel }: DeleteConfirmProps) {
  const textId = useId();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmButton.current?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };
  return (
    <div className="confirm confirm--in-row" role="alertdialog" aria-labelledby={textId} data-testid="confirm-delete" onKeyDown={onKeyDown}>
      <p id={textId}>
        Delete “{tagName}”? It is applied to {applications} highlight{applications === 1 ? '' : 's'}. They keep their other
        tags, and the tag can be restored from the trash.
      </p>
      <span className="confirm__actions">
        <button ref={confirmButton} type="button" className="button button--danger" onClick={onDelete}>Delete tag</button>
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
      </span>
    </div>
  );
}
