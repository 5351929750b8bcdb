/**
 * The renderer's one view of its host. The same build runs inside Electron (where the
 * preload exposes `window.marginalia`) and in a plain browser (where it does not). Components
 * talk to a `Platform` and never check which host they are in; `detectPlatform()` picks the
 * implementation once at startup.
 *
 * - Electron: thin forwarding to the preload API; menu commands come from the app menu.
 * - Web: downloads through a Blob (built in slices, blob-slices.ts) and `<a download>`, file opening through a hidden
 *   `<input type=file>`, external links through `window.open` (https only, noopener), and
 *   the menu's commands come from keyboard shortcuts instead.
 */
import type { FileFilter, MarginaliaApi, MenuCommand } from '#shared/ipc/contract.ts';
import { blobInSlices } from './blob-slices.ts';

export type { FileFilter, MarginaliaApi, MenuCommand };

/** A file the user picked to open: its base name and bytes (decode text with TextDecoder). */
export interface OpenedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Everything the renderer needs from its host. */
export interface Platform {
  /** Which host the renderer runs in. */
  readonly kind: 'electron' | 'web';
  /**
   * Saves text or bytes to a file the user chooses. Resolves false when the user cancelled;
   * rejects with a readable message when writing failed.
   */
  saveFile(request: { suggestedName: string; content: string | Uint8Array; filters: readonly FileFilter[] }): Promise<boolean>;
  /** Lets the user pick one file and reads its bytes; resolves null when cancelled. */
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

function copyFilters(filters: readonly FileFilter[]): FileFilter[] {
  return filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }));
}

/** Wraps the Electron preload API. */
export function createElectronPlatform(api: MarginaliaApi): Platform {
  return {
    kind: 'electron',
    async saveFile(request) {
      const result = await api.saveFile({ suggestedName: request.suggestedName, content: request.content, filters: copyFilters(request.filters) });
      if (result.saved) return true;
      if (result.reason === 'canceled') return false;
      throw new Error(result.message ?? `${request.suggestedName} could not be written`);
    },
    async openFile(request) {
      const result = await api.openFile({ filters: copyFilters(request.filters) });
      if (result.opened) return { name: result.name, bytes: result.content };
      if (result.reason === 'canceled') return null;
      throw new Error(result.message ?? 'the file could not be read');
    },
    async openExternal(url) {
      if (!isSafeExternalUrl(url)) throw new Error(`Refusing to open a non-https link: ${url}`);
      if (!(await api.openExternal(url))) throw new Error(`The link could not be opened: ${url}`);
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
  if (key === 'f') return event.shiftKey ? 'search-corpus' : 'find';
  if (key === 'g') return event.shiftKey ? 'find-previous' : 'find-next';
  if (key === 'l' && !event.shiftKey) return 'show-library';
  if (key === 'e' && !event.shiftKey) return 'export';
  if (key === '\\') return 'toggle-contents';
  return null;
}

/** The browser implementation. */
export function createWebPlatform(win: Window = window): Platform {
  const doc = win.document;
  return {
    kind: 'web',
    async saveFile(request) {
      // Built in slices: encoding a large export in one go would hold the page.
      const blob = await blobInSlices(request.content);
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
      return new Promise((resolve, reject) => {
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
          file.arrayBuffer().then((buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }), reject);
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
