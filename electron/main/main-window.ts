/**
 * The main window factory: one place that fixes how every app window is configured.
 *
 * The page runs sandboxed with context isolation, no Node integration and no `<webview>`;
 * its only bridge is the preload's contract API. The window opens at its remembered
 * geometry, hidden until the first paint, with navigation and window-open guards and the
 * F3 shortcut forwarding installed before any page loads, and is registered so the IPC
 * gateway will accept its calls.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-origin.ts';
import type { BrowserWindowPort } from './electron-ports.ts';
import { forwardWindowShortcuts } from './menu-commands.ts';
import { guardWebContents, type ExternalOpener } from './web-contents-guards.ts';
import { MIN_WINDOW_SIZE, type WindowState } from './window-state.ts';
import type { WindowRegistry } from './window-registry.ts';

/** A constructor of windows (Electron's `BrowserWindow` or a test fake). */
export type BrowserWindowConstructor<W extends BrowserWindowPort> = new (options: BrowserWindowConstructorOptions) => W;

/** The security-relevant page settings every app window gets. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  };
}

/** Window options for a given remembered state. */
export function mainWindowOptions(state: WindowState, preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Marginalia',
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: '#f7f5ef',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** What creating a window needs. */
export interface MainWindowDependencies<W extends BrowserWindowPort> {
  readonly BrowserWindow: BrowserWindowConstructor<W>;
  readonly registry: WindowRegistry<W>;
  readonly preloadPath: string;
  readonly state: WindowState;
  readonly openExternal: ExternalOpener;
}

/** Creates, guards, registers and loads a main window; it shows itself when ready. */
export function createMainWindow<W extends BrowserWindowPort>(deps: MainWindowDependencies<W>): W {
  const window = new deps.BrowserWindow(mainWindowOptions(deps.state, deps.preloadPath));
  guardWebContents(window.webContents, deps.openExternal);
  forwardWindowShortcuts(window);
  deps.registry.add(window);
  if (deps.state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
