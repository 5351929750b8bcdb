/**
 * Keeps the keyboard inside a panel or dialog when the control that had focus leaves the
 * page with what it acted on (a row restored, removed or deleted, a form closed): the
 * browser then puts focus on the page's body, where Escape and Tab reach nothing of the
 * panel. The fallback element (a heading with tabIndex -1) takes it instead.
 *
 * A removed element is blurred on the way out (`focusout` with no related target); focus
 * moved on purpose in the same update (to the control that opened a form, say) is already
 * elsewhere by the time the update's microtasks run, and is left alone.
 */
import { useEffect, type RefObject } from 'react';

/** While mounted, gives focus to `fallback` when a focused element inside `container` is removed and focus went nowhere. */
export function useFocusFallback(container: RefObject<HTMLElement | null>, fallback: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = container.current;
    if (element === null) return undefined;
    const onFocusOut = (event: FocusEvent): void => {
      if (event.relatedTarget !== null || !(event.target instanceof Element)) return;
      const left = event.target;
      queueMicrotask(() => {
        const active = document.activeElement;
        if (!left.isConnected && element.isConnected && (active === null || active === document.body)) fallback.current?.focus();
      });
    };
    element.addEventListener('focusout', onFocusOut);
    return () => element.removeEventListener('focusout', onFocusOut);
  }, [container, fallback]);
}
