/**
 * The main-process implementation of every invoke method of the shared contract.
 *
 * Handlers receive payloads the gateway has already validated and the window that asked
 * (the parent of any dialog). File dialogs keep paths on this side: the renderer proposes
 * a name, the user chooses the place, the renderer learns the outcome. Failures come back
 * as values with a human message, never as thrown errors.
 */
import path from 'node:path';
import type { FileFilter, InvokeHandlers } from '#shared/ipc/contract.ts';
import { MAX_FILE_BYTES } from '#shared/ipc/files.ts';
import { readFileLimited, saveFile } from '../services/files.ts';
import type { BrowserWindowPort } from './electron-ports.ts';
import { openExternalSafely, type ShellPort } from './external-links.ts';

/** The part of Electron's `app` the handlers read. */
export interface AppInfoPort {
  getName(): string;
  getVersion(): string;
  getPath(name: 'userData' | 'documents'): string;
}

/** The part of Electron's `dialog` the handlers use, parented to a window of type `W`. */
export interface DialogPort<W> {
  showSaveDialog(
    window: W,
    options: { title: string; defaultPath: string; filters: FileFilter[]; properties: Array<'createDirectory' | 'showOverwriteConfirmation'> },
  ): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(
    window: W,
    options: { title: string; filters: FileFilter[]; properties: Array<'openFile'> },
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** Dependencies of the handlers. */
export interface IpcHandlerDependencies<W> {
  readonly app: AppInfoPort;
  readonly dialog: DialogPort<W>;
  readonly shell: ShellPort;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Builds the handlers for every invoke method. */
export function createIpcHandlers<W extends BrowserWindowPort>({
  app,
  dialog,
  shell,
}: IpcHandlerDependencies<W>): InvokeHandlers<W> {
  return {
    appInfo: () => ({ name: app.getName(), version: app.getVersion(), userDataPath: app.getPath('userData') }),

    async saveFile(request, { window }) {
      let chosen: { canceled: boolean; filePath?: string };
      try {
        chosen = await dialog.showSaveDialog(window, {
          title: 'Save',
          defaultPath: path.join(app.getPath('documents'), request.suggestedName),
          filters: request.filters,
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        });
      } catch (error) {
        return { saved: false, reason: 'error', message: `The save dialog could not open: ${errorMessage(error)}` };
      }
      if (chosen.canceled || chosen.filePath === undefined || chosen.filePath === '') {
        return { saved: false, reason: 'canceled' };
      }
      const outcome = await saveFile(chosen.filePath, request.content);
      return outcome.ok ? { saved: true, path: outcome.value } : { saved: false, reason: 'error', message: outcome.message };
    },

    async openFile(request, { window }) {
      let chosen: { canceled: boolean; filePaths: string[] };
      try {
        chosen = await dialog.showOpenDialog(window, { title: 'Open', filters: request.filters, properties: ['openFile'] });
      } catch (error) {
        return { opened: false, reason: 'error', message: `The open dialog could not open: ${errorMessage(error)}` };
      }
      const filePath = chosen.filePaths[0];
      if (chosen.canceled || filePath === undefined) return { opened: false, reason: 'canceled' };
      const outcome = await readFileLimited(filePath, MAX_FILE_BYTES);
      return outcome.ok
        ? { opened: true, name: path.basename(filePath), content: outcome.value }
        : { opened: false, reason: 'error', message: outcome.message };
    },

    openExternal: (url) => openExternalSafely(shell, url),
  };
}
