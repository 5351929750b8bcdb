/**
 * A state setter that applies its value after the frame that paints the change which
 * caused it (requestAnimationFrame, then a task), for React state that only feeds parts of
 * the screen outside the text — such as the status bar's selection offsets. Setting it from
 * inside a key press that creates a highlight would otherwise re-render the whole reading
 * screen (shell, sidebar, margin) in the input → paint frame.
 *
 * Only the latest value is applied (a burst of selection changes costs one render), and a
 * pending value is dropped when the component unmounts.
 */
import { useCallback, useEffect, useRef } from 'react';

/** Returns a stable setter that hands the latest value to `set` once the next frame has been painted. */
export function useAfterPaintSetter<T>(set: (value: T) => void): (value: T) => void {
  const target = useRef(set);
  target.current = set;
  const pending = useRef<{ frame: number; timer: number; value: T } | null>(null);

  useEffect(() => () => {
    const scheduled = pending.current;
    pending.current = null;
    if (scheduled === null) return;
    cancelAnimationFrame(scheduled.frame);
    window.clearTimeout(scheduled.timer);
  }, []);

  return useCallback((value: T) => {
    const scheduled = pending.current;
    if (scheduled !== null) {
      scheduled.value = value;
      return;
    }
    const next = { frame: 0, timer: 0, value };
    pending.current = next;
    next.frame = requestAnimationFrame(() => {
      next.timer = window.setTimeout(() => {
        if (pending.current !== next) return;
        pending.current = null;
        target.current(next.value);
      }, 0);
    });
  }, []);
}
