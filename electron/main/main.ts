/**
 * Entry point of the Electron main process (bundled to out/main/main.cjs).
 *
 * Wiring only: every behaviour lives in a module that takes Electron objects as
 * parameters and is unit-tested against a fake. The order matters where Electron says
 * so: the app name, data folder and `app://` scheme are set before `ready`; the protocol
 * handler, permission policy, IPC gateway and menu are installed before the first window
 * loads its page.
 *
 * Paths are relative to the app folder (`app.getAppPath()`, the folder holding
 * package.json, inside the asar archive once packaged): the UI is out/renderer, the
 * preload out/preload/preload.cjs.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { PRODUCT_NAME, setupUserDataFolder, setupWindowLifecycle } from './app-lifecycle.ts';
import { registerAppScheme, setupAppProtocol } from './app-protocol.ts';
import { openExternalSafely } from './external-links.ts';
import { registerIpcGateway } from './ipc-gateway.ts';
import { createIpcHandlers } from './ipc-handlers.ts';
import { createMainWindow } from './main-window.ts';
import { sendMenuCommand } from './menu-commands.ts';
import { setupApplicationMenu } from './menu-template.ts';
import { setupPermissionHandlers } from './permissions.ts';
import { setupSingleInstance } from './single-instance.ts';
import { fitToDisplays, loadWindowState, saveWindowState, trackWindowState } from './window-state.ts';
import { createWindowRegistry } from './window-registry.ts';

const appFolder = app.getAppPath();
const rendererRoot = path.join(appFolder, 'out', 'renderer');
const preloadPath = path.join(appFolder, 'out', 'preload', 'preload.cjs');
const registry = createWindowRegistry<BrowserWindow>();
const openExternal = (url: string) => openExternalSafely(shell, url);

/** Opens a main window at its remembered geometry and keeps that geometry saved. */
async function openMainWindow(): Promise<void> {
  const userDataPath = app.getPath('userData');
  const saved = await loadWindowState(userDataPath);
  const state = fitToDisplays(saved, screen.getAllDisplays().map((display) => display.workArea));
  const window = createMainWindow({ BrowserWindow, registry, preloadPath, state, openExternal });
  trackWindowState(window, (snapshot) => {
    void saveWindowState(userDataPath, snapshot).then((problem) => {
      if (problem !== null) console.error(`Window position not saved: ${problem}`);
    });
  });
}

setupUserDataFolder(app);
registerAppScheme(protocol);
if (setupSingleInstance(app, () => registry.all()[0])) {
  setupWindowLifecycle(app, process.platform, () => registry.all().length, () => void openMainWindow());
  void app.whenReady().then(async () => {
    setupPermissionHandlers(session.defaultSession);
    setupAppProtocol(protocol, rendererRoot);
    registerIpcGateway({ ipcMain, registry, handlers: createIpcHandlers<BrowserWindow>({ app, dialog, shell }) });
    setupApplicationMenu(Menu, {
      platform: process.platform,
      isDevelopment: !app.isPackaged,
      appName: PRODUCT_NAME,
      onCommand: (command, target) => {
        const window = registry.all().find((candidate) => candidate === target) ?? registry.all()[0];
        if (window !== undefined) sendMenuCommand(window, command);
      },
    });
    await openMainWindow();
  });
}
