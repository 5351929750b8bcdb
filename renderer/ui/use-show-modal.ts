/**
 * Shows a native `<dialog>` as modal a frame after it mounts (or, for a dialog that stays
 * mounted, after it is asked to open). `showModal` makes the whole
 * page behind the dialog inert, which restyles every element of it: with a densely coded
 * article open (3,000 elements, 2,700 highlight marks) that is ~15 ms, and in the click's
 * own task, beside the dialog's render and the frame that paints it, it made one frame of
 * 50–65 ms. A frame later, the click's frame stays short and the dialog shows one frame on.
 */
import { useEffect, type RefObject } from 'react';
import { afterNextFrame } from '../services/event-loop.ts';

/**
 * Opens `dialog` with `showModal` after the next frame (unless unmounted, or `open` turned
 * false, first), then calls `onShown` (e.g. to focus its first field). A dialog that stays
 * mounted passes `open`; it is shown again each time `open` turns true (closing is the caller's).
 */
export function useShowModalAfterFrame(dialog: RefObject<HTMLDialogElement | null>, onShown?: () => void, open = true): void {
  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    void afterNextFrame().then(() => {
      const element = dialog.current;
      if (cancelled || element === null || !element.isConnected) return;
      if (!element.open) element.showModal();
      onShown?.();
    });
    return () => {
      cancelled = true;
    };
    // Once per opening: `onShown` is the one of the render that opened it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
}
