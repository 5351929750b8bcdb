/**
 * Saving and opening project files (binary) in either host.
 *
 * The project file (shared/model/project-file.ts) is binary, and the preload contract
 * (shared/ipc/files.ts) carries `Uint8Array` both ways, but the renderer's `Platform`
 * (services/platform.ts) currently speaks text only (`file.text()` would mangle binary).
 * Until it grows a binary variant, this module talks to the preload API directly in
 * Electron and uses a Blob download / file input reading `arrayBuffer()` in the browser.
 */
import type { FileFilter, OpenFileResult, SaveFileResult } from '../../shared/ipc/files.ts';

/** The preload methods used here (shared/ipc/contract.ts `MarginaliaApi`). */
interface BinaryFileApi {
  readonly platform: 'electron';
  saveFile(request: { suggestedName: string; content: Uint8Array; filters: FileFilter[] }): Promise<SaveFileResult>;
  openFile(request: { filters: FileFilter[] }): Promise<OpenFileResult>;
}

/** A binary file the user picked. */
export interface OpenedBinaryFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Save/open of binary files. */
export interface BinaryFiles {
  /** Resolves false when the user cancelled; throws with a message when writing failed. */
  save(suggestedName: string, bytes: Uint8Array, filters: readonly FileFilter[]): Promise<boolean>;
  /** Resolves null when the user cancelled. */
  open(filters: readonly FileFilter[]): Promise<OpenedBinaryFile | null>;
}

/** The filter for project files. */
export const PROJECT_FILE_FILTERS: readonly FileFilter[] = [{ name: 'Marginalia project', extensions: ['marginalia'] }];

function electronFiles(api: BinaryFileApi): BinaryFiles {
  return {
    async save(suggestedName, bytes, filters) {
      const result = await api.saveFile({ suggestedName, content: bytes, filters: filters.map((f) => ({ ...f, extensions: [...f.extensions] })) });
      if (result.saved) return true;
      if (result.reason === 'canceled') return false;
      throw new Error(result.message ?? 'the file could not be written');
    },
    async open(filters) {
      const result = await api.openFile({ filters: filters.map((f) => ({ ...f, extensions: [...f.extensions] })) });
      if (result.opened) return { name: result.name, bytes: result.content };
      if (result.reason === 'canceled') return null;
      throw new Error(result.message ?? 'the file could not be read');
    },
  };
}

function webFiles(win: Window): BinaryFiles {
  const doc = win.document;
  return {
    async save(suggestedName, bytes) {
      const href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
      const link = doc.createElement('a');
      link.href = href;
      link.download = suggestedName;
      link.hidden = true;
      doc.body.append(link);
      link.click();
      link.remove();
      win.setTimeout(() => URL.revokeObjectURL(href), 60_000);
      return true;
    },
    open(filters) {
      return new Promise((resolve, reject) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.hidden = true;
        input.dataset.testid = 'project-file-input';
        input.accept = filters.flatMap((filter) => filter.extensions.map((extension) => `.${extension}`)).join(',');
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          input.remove();
          if (file === undefined) return resolve(null);
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
  };
}

/** Picks Electron's preload API when present, else the browser implementation. */
export function detectBinaryFiles(win: Window & { marginalia?: unknown } = window): BinaryFiles {
  const api = win.marginalia as BinaryFileApi | undefined;
  return api !== undefined && api.platform === 'electron' ? electronFiles(api) : webFiles(win);
}
