import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Fake = typeof import('../../helpers/fake-electron.ts');
let fake: Fake;
let folder: string;

async function startMain(options: { lockAvailable: boolean }): Promise<void> {
  vi.resetModules();
  fake = await import('../../helpers/fake-electron.ts');
  fake.resetFakeElectron();
  fake.app.appPath = path.join(folder, 'app');
  fake.app.setPath('appData', path.join(folder, 'appData'));
  fake.app.lockAvailable = options.lockAvailable;
  await import('../../../electron/main/main.ts');
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'marginalia-main-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('main process wiring', () => {
  it('before ready: names the app, sets the data folder, registers app:// and takes the lock', async () => {
    await startMain({ lockAvailable: true });
    expect(fake.app.isReady()).toBe(false);
    expect(fake.app.getPath('userData')).toBe(path.join(folder, 'appData', 'Marginalia'));
    expect(fake.protocol.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app', beforeReady: true })]);
    expect(fake.app.calls).toContain('requestSingleInstanceLock');
    expect(fake.BrowserWindow.instances).toEqual([]);
  });

  it('on ready: installs protocol, permissions, IPC and menu, then opens the window on app://', async () => {
    await startMain({ lockAvailable: true });
    fake.app.simulateReady();
    await waitFor(() => fake.BrowserWindow.instances.length === 1);
    const window = fake.BrowserWindow.instances[0] as InstanceType<Fake['BrowserWindow']>;
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect(fake.session.defaultSession.permissionRequestHandler).toBeTypeOf('function');
    expect(fake.session.defaultSession.permissionCheckHandler).toBeTypeOf('function');
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(['app:info', 'files:open', 'files:save', 'shell:open-external']);
    expect(fake.Menu.applicationMenu).not.toBeNull();
    expect(window.loadedUrls).toEqual(['app://marginalia/index.html']);
    expect(window.options.webPreferences).toMatchObject({
      preload: path.join(folder, 'app', 'out', 'preload', 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
    });

    const info = await fake.ipcMain.simulateInvoke('app:info', window.webContents, 'app://marginalia/index.html');
    expect(info).toEqual({ name: 'Marginalia', version: '0.1.0', userDataPath: path.join(folder, 'appData', 'Marginalia') });

    fake.app.emit('second-instance');
    expect(window.calls).toContain('focus');
  });

  it('sends a clicked menu command to the window it was clicked in', async () => {
    await startMain({ lockAvailable: true });
    fake.app.simulateReady();
    await waitFor(() => fake.BrowserWindow.instances.length === 1);
    const window = fake.BrowserWindow.instances[0] as InstanceType<Fake['BrowserWindow']>;
    const menus = fake.Menu.applicationMenu?.template as Array<{ label: string; submenu: Array<{ label?: string; click?: Function }> }>;
    const find = menus.flatMap((menu) => menu.submenu).find((item) => item.label === 'Find…');
    find?.click?.({}, window, {});
    expect(window.webContents.sent).toEqual([{ channel: 'menu:command', args: ['find'] }]);
  });

  it('quits without opening anything when another copy is running', async () => {
    await startMain({ lockAvailable: false });
    expect(fake.app.quitCalls).toBe(1);
    fake.app.simulateReady();
    // main.ts does its ready work in a whenReady() callback (IPC handlers first, then the
    // window); any such callback runs before this later one resumes.
    await fake.app.whenReady();
    expect(fake.BrowserWindow.instances).toEqual([]);
    expect(fake.ipcMain.handlers.size).toBe(0);
  });
});
