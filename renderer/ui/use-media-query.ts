/**
 * Whether a CSS media query matches now, as React state that follows the window: for
 * controls whose state must match what the stylesheet shows at this width.
 */
import { useCallback, useSyncExternalStore } from 'react';

/** True while `query` (e.g. `(max-width: 1599.98px)`) matches; re-renders when that changes. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback((onChange: () => void) => {
    const list = window.matchMedia(query);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
