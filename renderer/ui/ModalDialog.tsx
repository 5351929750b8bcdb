/**
 * A native modal `<dialog>` shown while it is mounted (from a frame after it mounts,
 * use-show-modal.ts): the page behind it is inert,
 * Escape (the dialog's `cancel`) calls `onCancel`, focus stays inside (use-focus-trap.ts)
 * and goes back to what had it when the dialog closes.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useFocusTrap } from './use-focus-trap.ts';
import { useShowModalAfterFrame } from './use-show-modal.ts';

/** Props of {@link ModalDialog}. */
export interface ModalDialogProps {
  readonly title: string;
  readonly testId: string;
  readonly onCancel: () => void;
  readonly children: ReactNode;
}

/** The dialog, open from mount to unmount. */
export function ModalDialog({ title, testId, onCancel, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useFocusTrap(dialog, true);
  useShowModalAfterFrame(dialog);
  useEffect(() => {
    const element = dialog.current;
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="modal-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <div className="modal-dialog__card">
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </dialog>
  );
}
