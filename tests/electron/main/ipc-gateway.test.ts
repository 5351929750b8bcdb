import { beforeEach, describe, expect, it } from 'vitest';
import type { InvokeHandlers } from '#shared/ipc/contract.ts';
import { registerIpcGateway } from '../../../electron/main/ipc-gateway.ts';
import { createWindowRegistry, type WindowRegistry } from '../../../electron/main/window-registry.ts';
import { BrowserWindow, FakeWebContents, ipcMain, resetFakeElectron } from '../../helpers/fake-electron.ts';

const APP_PAGE = 'app://marginalia/index.html';
let registry: WindowRegistry<BrowserWindow>;
let window: BrowserWindow;
let calls: Array<{ method: string; request: unknown; window: unknown }>;

function recordingHandlers(): InvokeHandlers<BrowserWindow> {
  return {
    appInfo: (request, context) => {
      calls.push({ method: 'appInfo', request, window: context.window });
      return { name: 'Marginalia', version: '0.1.0', userDataPath: '/data' };
    },
    saveFile: (request, context) => {
      calls.push({ method: 'saveFile', request, window: context.window });
      return { saved: true, path: '/x' };
    },
    openFile: (request, context) => {
      calls.push({ method: 'openFile', request, window: context.window });
      return { opened: false, reason: 'canceled' };
    },
    openExternal: (request, context) => {
      calls.push({ method: 'openExternal', request, window: context.window });
      return true;
    },
  };
}

beforeEach(() => {
  resetFakeElectron();
  calls = [];
  registry = createWindowRegistry<BrowserWindow>();
  window = new BrowserWindow();
  registry.add(window);
  registerIpcGateway({ ipcMain, registry, handlers: recordingHandlers() });
});

describe('IPC gateway', () => {
  it('registers one handler per contract channel', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(['app:info', 'files:open', 'files:save', 'shell:open-external']);
  });

  it('passes validated requests from an app window to the handler with that window', async () => {
    const info = await ipcMain.simulateInvoke('app:info', window.webContents, APP_PAGE);
    expect(info).toEqual({ name: 'Marginalia', version: '0.1.0', userDataPath: '/data' });
    await ipcMain.simulateInvoke('files:open', window.webContents, `${APP_PAGE}#reader`, { filters: [] });
    expect(calls).toEqual([
      { method: 'appInfo', request: undefined, window },
      { method: 'openFile', request: { filters: [] }, window },
    ]);
  });

  it('refuses a page that is not in a window the app created', async () => {
    const stranger = new FakeWebContents();
    await expect(ipcMain.simulateInvoke('app:info', stranger, APP_PAGE)).rejects.toThrow(
      'Refused appInfo: the sender is not a window this app created.',
    );
    expect(calls).toEqual([]);
  });

  it('refuses an app window whose sending frame is not on the app origin', async () => {
    for (const frameUrl of ['https://example.org/', 'app://evil/index.html', 'file:///tmp/x.html', 'about:blank']) {
      await expect(ipcMain.simulateInvoke('shell:open-external', window.webContents, frameUrl, 'https://a.org')).rejects.toThrow(
        'the sending frame is not on the app origin',
      );
    }
    await expect(ipcMain.simulateInvoke('app:info', window.webContents, null)).rejects.toThrow('the sending frame is gone');
    expect(calls).toEqual([]);
  });

  it('refuses calls from a window after it closed', async () => {
    window.close();
    await expect(ipcMain.simulateInvoke('app:info', window.webContents, APP_PAGE)).rejects.toThrow(/not a window this app created/);
  });

  it('rejects invalid payloads with the validator message, never reaching the handler', async () => {
    await expect(
      ipcMain.simulateInvoke('files:save', window.webContents, APP_PAGE, { suggestedName: '../x', content: 'a', filters: [] }),
    ).rejects.toThrow(/^Invalid saveFile request: suggestedName must be a file name without folders/);
    await expect(ipcMain.simulateInvoke('app:info', window.webContents, APP_PAGE, { sneaky: true })).rejects.toThrow(
      'Invalid appInfo request: This call takes no argument, but received object.',
    );
    await expect(ipcMain.simulateInvoke('shell:open-external', window.webContents, APP_PAGE, 'https://a.org', 'extra')).rejects.toThrow(
      /expected at most one argument, got 2/,
    );
    expect(calls).toEqual([]);
  });

  it('can be removed again', () => {
    resetFakeElectron();
    const dispose = registerIpcGateway({ ipcMain, registry, handlers: recordingHandlers() });
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
