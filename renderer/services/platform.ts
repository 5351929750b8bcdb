/**
 * The renderer's one view of its host. The same build runs inside Electron (where the
 * preload exposes `window.marginalia`) and in a plain browser (where it does not). Components
 * talk to a `Platform` and never check which host they are in; `detectPlatform()` picks the
 * implementation once at startup.
 *
 * - Electron: thin forwarding to the preload API; menu commands come from the app menu.
 * - Web: downloads through a Blob and `<a download>`, file opening through a hidden
 *   `<input type=file>`, external links through `window.open` (https only, noopener), and
 *   the menu's commands come from keyboard shortcuts instead.
 */
import type { MenuCommand } from '../../shared/ipc/menu.ts';

export type { MenuCommand };

/**
 * The part of the preload's `window.marginalia` (shared/ipc/contract.ts `MarginaliaApi`)
 * that the renderer uses. Declared structurally here so this module does not depend on
 * the preload's full surface; the real API satisfies it.
 */
export interface MarginaliaApi {
  readonly platform: 'electron';
  saveFile(request: { suggestedName: string; content: string; filters: { name: string; extensions: string[] }[] }): Promise<unknown>;
  openFile(request: { filters: { name: string; extensions: string[] }[] }): Promise<OpenedFile | null | undefined>;
  openExternal(url: string): Promise<unknown>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** A file type filter for save/open dialogs, e.g. `{ name: 'CSV', extensions: ['csv'] }`. */
export interface FileFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

/** A file the user picked to open. */
export interface OpenedFile {
  readonly name: string;
  readonly content: string;
}

/** Everything the renderer needs from its host. */
export interface Platform {
  /** Which host the renderer runs in. */
  readonly kind: 'electron' | 'web';
  /** Saves text to a file the user chooses; resolves false when the user cancelled. */
  saveFile(request: { suggestedName: string; content: string; filters: readonly FileFilter[] }): Promise<boolean>;
  /** Lets the user pick a file and reads it as text; resolves null when cancelled. */
  openFile(request: { filters: readonly FileFilter[] }): Promise<OpenedFile | null>;
  /** Opens an https URL in the user's browser; anything else is refused. */
  openExternal(url: string): Promise<void>;
  /** Subscribes to app commands (menu in Electron, keyboard shortcuts on the web); returns an unsubscribe. */
  onCommand(listener: (command: MenuCommand) => void): () => void;
}

/** True for absolute https URLs; the only kind either host opens externally. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Wraps the Electron preload API. */
export function createElectronPlatform(api: MarginaliaApi): Platform {
  return {
    kind: 'electron',
    async saveFile(request) {
      const result = await api.saveFile({
        suggestedName: request.suggestedName,
        content: request.content,
        filters: request.filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
      });
      // The preload answers with the saved path, or null/undefined/false when cancelled.
      return result !== null && result !== undefined && result !== false;
    },
    async openFile(request) {
      const result = await api.openFile({
        filters: request.filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
      });
      return result ?? null;
    },
    async openExternal(url) {
      if (!isSafeExternalUrl(url)) throw new Error(`Refusing to open a non-https link: ${url}`);
      await api.openExternal(url);
    },
    onCommand: (listener) => api.onMenuCommand(listener),
  };
}

/**
 * Maps a key press to the command the Electron menu would send for the same accelerator.
 * Exported so the mapping is tested and documented in one place.
 */
export function commandForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): MenuCommand | null {
  const primary = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (event.altKey) return null;
  if (key === 'F3') return event.shiftKey ? 'find-previous' : 'find-next';
  if (!primary) return null;
  if (key === 'f' && !event.shiftKey) return 'find';
  if (key === 'g') return event.shiftKey ? 'find-previous' : 'find-next';
  if (key === 'l' && !event.shiftKey) return 'show-library';
  if (key === '\\') return 'toggle-contents';
  return null;
}

/** The browser implementation. */
export function createWebPlatform(win: Window = window): Platform {
  const doc = win.document;
  return {
    kind: 'web',
    async saveFile(request) {
      const blob = new Blob([request.content], { type: 'application/octet-stream' });
      const href = URL.createObjectURL(blob);
      const link = doc.createElement('a');
      link.href = href;
      link.download = request.suggestedName;
      link.hidden = true;
      doc.body.append(link);
      link.click();
      link.remove();
      // Revoke later: some browsers start the download asynchronously.
      win.setTimeout(() => URL.revokeObjectURL(href), 60_000);
      return true;
    },
    openFile(request) {
      return new Promise((resolve) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.hidden = true;
        input.accept = request.filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)).join(',');
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          input.remove();
          if (file === undefined) {
            resolve(null);
            return;
          }
          file.text().then((content) => resolve({ name: file.name, content }), () => resolve(null));
        });
        input.addEventListener('cancel', () => {
          input.remove();
          resolve(null);
        });
        doc.body.append(input);
        input.click();
      });
    },
    async openExternal(url) {
      if (!isSafeExternalUrl(url)) throw new Error(`Refusing to open a non-https link: ${url}`);
      win.open(url, '_blank', 'noopener,noreferrer');
    },
    onCommand(listener) {
      const onKeyDown = (event: KeyboardEvent): void => {
        const command = commandForKey(event);
        if (command === null) return;
        event.preventDefault();
        listener(command);
      };
      win.addEventListener('keydown', onKeyDown);
      return () => win.removeEventListener('keydown', onKeyDown);
    },
  };
}

/** Picks the host implementation once: Electron when the preload API is present, else web. */
export function detectPlatform(win: Window & { marginalia?: MarginaliaApi } = window): Platform {
  const api = win.marginalia;
  return api !== undefined && api.platform === 'electron' ? createElectronPlatform(api) : createWebPlatform(win);
}
