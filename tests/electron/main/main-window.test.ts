import { beforeEach, describe, expect, it } from 'vitest';
import { createMainWindow, secureWebPreferences } from '../../../electron/main/main-window.ts';
import { DEFAULT_WINDOW_STATE } from '../../../electron/main/window-state.ts';
import { createWindowRegistry } from '../../../electron/main/window-registry.ts';
import { BrowserWindow, resetFakeElectron } from '../../helpers/fake-electron.ts';

const preloadPath = '/app/out/preload/preload.cjs';
let registry = createWindowRegistry<BrowserWindow>();
const opened: string[] = [];

function open(state = DEFAULT_WINDOW_STATE): BrowserWindow {
  return createMainWindow({
    BrowserWindow,
    registry,
    preloadPath,
    state,
    openExternal: async (url) => {
      opened.push(url);
      return true;
    },
  });
}

beforeEach(() => {
  resetFakeElectron();
  registry = createWindowRegistry<BrowserWindow>();
  opened.length = 0;
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page with the preload as its only bridge', () => {
    const preferences = secureWebPreferences(preloadPath);
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
    expect(preferences.webviewTag).toBe(false);
    expect(preferences.webSecurity).toBe(true);
    expect(preferences.allowRunningInsecureContent).toBe(false);
    expect(preferences.preload).toBe(preloadPath);
  });
});

describe('createMainWindow', () => {
  it('creates the window with secure preferences and loads the app origin', () => {
    const window = open();
    expect(window.options.webPreferences).toEqual(secureWebPreferences(preloadPath));
    expect(window.options.show).toBe(false);
    expect(window.loadedUrls).toEqual(['app://marginalia/index.html']);
  });

  it('opens at the remembered geometry and maximises when it was maximised', () => {
    const window = open({ x: 40, y: 50, width: 1000, height: 700, maximized: true });
    expect(window.options).toMatchObject({ x: 40, y: 50, width: 1000, height: 700 });
    expect(window.calls).toContain('maximize');
    expect(open(DEFAULT_WINDOW_STATE).options).not.toHaveProperty('x');
  });

  it('shows itself only when ready to show', () => {
    const window = open();
    expect(window.calls).not.toContain('show');
    window.emit('ready-to-show');
    expect(window.calls).toContain('show');
  });

  it('installs the navigation and window-open guards before loading', () => {
    const window = open();
    expect(window.webContents.simulateNavigation('https://example.org/')).toBe(true);
    expect(window.webContents.simulateWindowOpen('https://example.org/')).toEqual({ action: 'deny' });
  });

  it('registers the window so IPC from its page is recognised, until it closes', () => {
    const window = open();
    expect(registry.windowForSender(window.webContents)).toBe(window);
    window.close();
    expect(registry.windowForSender(window.webContents)).toBeUndefined();
    expect(registry.all()).toEqual([]);
  });

  it('turns F3 and Shift+F3 into find commands', () => {
    const window = open();
    expect(window.webContents.simulateKey({ key: 'F3' })).toBe(true);
    expect(window.webContents.simulateKey({ key: 'F3', shift: true })).toBe(true);
    expect(window.webContents.simulateKey({ key: 'F3', type: 'keyUp' })).toBe(false);
    expect(window.webContents.simulateKey({ key: 'F4' })).toBe(false);
    expect(window.webContents.sent).toEqual([
      { channel: 'menu:command', args: ['find-next'] },
      { channel: 'menu:command', args: ['find-previous'] },
    ]);
  });
});
