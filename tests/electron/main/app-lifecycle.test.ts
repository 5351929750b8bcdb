import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupUserDataFolder, setupWindowLifecycle } from '../../../electron/main/app-lifecycle.ts';
import { app, resetFakeElectron } from '../../helpers/fake-electron.ts';

beforeEach(() => resetFakeElectron());

describe('setupUserDataFolder', () => {
  it('keeps data in <appData>/Marginalia whatever package.json calls the app', () => {
    expect(setupUserDataFolder(app)).toBe(path.join('/fake/appData', 'Marginalia'));
    expect(app.getPath('userData')).toBe(path.join('/fake/appData', 'Marginalia'));
    expect(app.getName()).toBe('Marginalia');
  });
});

describe('setupWindowLifecycle', () => {
  it('quits when the last window closes, except on macOS', () => {
    setupWindowLifecycle(app, 'linux', () => 0, () => {});
    app.emit('window-all-closed');
    expect(app.quitCalls).toBe(1);
    resetFakeElectron();
    setupWindowLifecycle(app, 'darwin', () => 0, () => {});
    app.emit('window-all-closed');
    expect(app.quitCalls).toBe(0);
  });

  it('opens a window on activate only when none is open', () => {
    let windows = 1;
    let opened = 0;
    setupWindowLifecycle(app, 'darwin', () => windows, () => (opened += 1));
    app.emit('activate');
    expect(opened).toBe(0);
    windows = 0;
    app.emit('activate');
    expect(opened).toBe(1);
  });
});
