/**
 * The set of windows this app created, keyed by their page's id.
 *
 * The IPC gateway trusts only pages that belong to a window in this registry: a page
 * opened some other way (a devtools extension, a stray `webContents`) cannot reach the
 * app's handlers even if it somehow lands on the app origin. Windows leave the registry
 * when they close.
 */
import type { BrowserWindowPort } from './electron-ports.ts';

/** Windows the app created, and lookup from an IPC sender to its window. */
export interface WindowRegistry<W extends BrowserWindowPort> {
  /** Adds a window; it is removed automatically when it closes. */
  add(window: W): void;
  /** The app window whose page has this id, if any. */
  windowForSender(sender: { readonly id: number }): W | undefined;
  /** The windows still open, oldest first. */
  all(): W[];
}

/** Creates an empty registry. */
export function createWindowRegistry<W extends BrowserWindowPort>(): WindowRegistry<W> {
  const windows = new Map<number, W>();
  return {
    add(window) {
      const id = window.webContents.id;
      windows.set(id, window);
      window.on('closed', () => windows.delete(id));
    },
    windowForSender(sender) {
      const window = windows.get(sender.id);
      return window === undefined || window.isDestroyed() ? undefined : window;
    },
    all() {
      return [...windows.values()].filter((window) => !window.isDestroyed());
    },
  };
}
