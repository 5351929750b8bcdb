/**
 * One running copy per user: a second launch focuses the first copy's window and exits.
 *
 * Two copies would each open the same IndexedDB and the same window-state file; the OS
 * lock makes that impossible.
 */
import type { BrowserWindowPort } from './electron-ports.ts';

/** The part of Electron's `app` used for the lock. */
export interface SingleInstanceAppPort {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/** Brings a window to the front, restoring it if minimised. */
export function focusWindow(window: BrowserWindowPort): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Takes the single-instance lock. Returns false (after asking the app to quit) when
 * another copy holds it; otherwise a later launch focuses `primaryWindow()`.
 */
export function setupSingleInstance(app: SingleInstanceAppPort, primaryWindow: () => BrowserWindowPort | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = primaryWindow();
    if (window !== undefined) focusWindow(window);
  });
  return true;
}
