/**
 * Keeps keyboard focus inside a dialog and gives it back when the dialog goes away.
 *
 * A modal `<dialog>` makes the page behind it inert, but Tab from its last control still
 * leaves for the browser's own chrome (and a non-modal card does not stop Tab at all), so a
 * keyboard user loses their place. The trap listens for Tab on the container and moves focus
 * itself, wrapping at either end: Tab from the last tab stop goes to the first, Shift+Tab
 * from the first to the last. Tab stops are the enabled, visible, tabbable controls in
 * document order, a radio group counting once (at its checked radio), as the browser itself
 * moves. Moving every step (not only the wrap) keeps the order the same as the wrap's even
 * in the instant after a dialog opens, when the browser's own navigation can still leave
 * the dialog.
 *
 * The control that had focus when the trap became active is remembered and focused again
 * when it ends (the dialog closes or unmounts), if it is still on the page.
 */
import { useEffect, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

function isTabStop(element: HTMLElement): boolean {
  if (element.tabIndex < 0 || element.matches(':disabled') || element.closest('[inert]') !== null) return false;
  if (element.getClientRects().length === 0) return false;
  if (element instanceof HTMLInputElement && element.type === 'radio' && element.name !== '') {
    const group = element.form?.elements.namedItem(element.name) ?? null;
    const radios = group instanceof RadioNodeList ? [...group].filter((node): node is HTMLInputElement => node instanceof HTMLInputElement) : [element];
    const checked = radios.find((radio) => radio.checked);
    return checked === undefined ? radios[0] === element : checked === element;
  }
  return true;
}

/** The tab stops inside `container`, in the order Tab visits them. */
export function tabStopsWithin(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(isTabStop);
}

/**
 * The first tab stop inside `container` matching `selector`, in document order. Only the
 * candidates up to the one found are checked, so a panel with hundreds of controls does not
 * measure them all to focus its first field.
 */
export function firstTabStopWithin(container: HTMLElement, selector: string): HTMLElement | undefined {
  for (const element of container.querySelectorAll<HTMLElement>(selector)) {
    if (element.matches(FOCUSABLE) && isTabStop(element)) return element;
  }
  return undefined;
}

/** Whether `focused` is at the tab stop `stop` (any radio of the same group counts). */
function isAtStop(focused: Element | null, stop: HTMLElement | undefined): boolean {
  if (focused === null || stop === undefined) return false;
  if (focused === stop) return true;
  return focused instanceof HTMLInputElement && stop instanceof HTMLInputElement && focused.type === 'radio' && stop.type === 'radio' && focused.name !== '' && focused.name === stop.name && focused.form === stop.form;
}

/**
 * The tab stop Tab (`step` 1) or Shift+Tab (`step` -1) moves to from `focused`, wrapping at
 * either end. From a focused element that is not itself a stop (a heading given focus, say),
 * it is the first stop after it (or the last before it) in document order; from outside the
 * container, the first (or last) stop.
 */
function nextStop(stops: HTMLElement[], focused: Element | null, step: 1 | -1, container: HTMLElement): HTMLElement | undefined {
  const at = stops.findIndex((stop) => isAtStop(focused, stop));
  if (at >= 0) return stops[(at + step + stops.length) % stops.length];
  if (focused === null || !container.contains(focused)) return step === 1 ? stops[0] : stops[stops.length - 1];
  const after = (stop: HTMLElement) => (focused.compareDocumentPosition(stop) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  if (step === 1) return stops.find(after) ?? stops[0];
  return [...stops].reverse().find((stop) => !after(stop)) ?? stops[stops.length - 1];
}

/**
 * While `active`, wraps Tab and Shift+Tab inside the element `containerRef` points at, and
 * when it stops being active (or the component unmounts) focuses again what had focus when
 * it became active. Call it before any effect of the same component that moves focus.
 */
export function useFocusTrap(containerRef: RefObject<HTMLElement | null>, active = true): void {
  useEffect(() => {
    const container = containerRef.current;
    if (!active || container === null) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Tab' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const stops = tabStopsWithin(container);
      if (stops.length === 0) return;
      event.preventDefault();
      nextStop(stops, document.activeElement, event.shiftKey ? -1 : 1, container)?.focus();
    };
    container.addEventListener('keydown', onKeyDown);
    return () => {
      container.removeEventListener('keydown', onKeyDown);
      if (opener !== null && opener.isConnected) opener.focus();
    };
  }, [containerRef, active]);
}
