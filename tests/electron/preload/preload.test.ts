import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MarginaliaApi, MenuCommand } from '#shared/ipc/contract.ts';
import { buildMarginaliaApi } from '../../../electron/preload/build-api.ts';

type Fake = typeof import('../../helpers/fake-electron.ts');
let fake: Fake;
let api: MarginaliaApi;

beforeEach(async () => {
  vi.resetModules();
  fake = await import('../../helpers/fake-electron.ts');
  fake.resetFakeElectron();
  await import('../../../electron/preload/preload.ts');
  api = fake.contextBridge.exposed.get('marginalia') as MarginaliaApi;
});

describe('preload', () => {
  it('exposes exactly the contract API as window.marginalia, frozen, without ipcRenderer', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['marginalia']);
    expect(Object.keys(api).sort()).toEqual(['appInfo', 'onMenuCommand', 'openExternal', 'openFile', 'platform', 'saveFile']);
    expect(api.platform).toBe('electron');
    expect(Object.isFrozen(api)).toBe(true);
    for (const value of Object.values(api)) expect(value).not.toBe(fake.ipcRenderer);
  });

  it('sends each invoke method on its contract channel and returns the answer', async () => {
    fake.ipcRenderer.respond = (channel, args) => ({ channel, args });
    expect(await api.appInfo()).toEqual({ channel: 'app:info', args: [] });
    const request = { suggestedName: 'a.csv', content: new Uint8Array([1]), filters: [] };
    expect(await api.saveFile(request)).toEqual({ channel: 'files:save', args: [request] });
    expect(await api.openFile({ filters: [] })).toEqual({ channel: 'files:open', args: [{ filters: [] }] });
    expect(await api.openExternal('https://example.org')).toEqual({ channel: 'shell:open-external', args: ['https://example.org'] });
  });

  it('delivers valid menu commands, drops invalid ones, and unsubscribes', () => {
    const received: MenuCommand[] = [];
    const unsubscribe = api.onMenuCommand((command) => received.push(command));
    fake.ipcRenderer.simulateMessage('menu:command', 'find');
    fake.ipcRenderer.simulateMessage('menu:command', 'format-disk');
    fake.ipcRenderer.simulateMessage('menu:command', { command: 'find' });
    fake.ipcRenderer.simulateMessage('other:channel', 'undo');
    expect(received).toEqual(['find']);
    unsubscribe();
    fake.ipcRenderer.simulateMessage('menu:command', 'undo');
    expect(received).toEqual(['find']);
    expect(fake.ipcRenderer.listenerCount('menu:command')).toBe(0);
  });

  it('never hands the IPC event object to the page', () => {
    const listener = vi.fn();
    api.onMenuCommand(listener);
    fake.ipcRenderer.simulateMessage('menu:command', 'redo');
    expect(listener).toHaveBeenCalledWith('redo');
    expect(listener.mock.calls[0]).toHaveLength(1);
  });

  it('refuses a non-function listener', () => {
    expect(() => api.onMenuCommand('nope' as unknown as () => void)).toThrow(TypeError);
  });
});

describe('buildMarginaliaApi', () => {
  it('builds independent APIs over any ipcRenderer-shaped object', async () => {
    const invocations: string[] = [];
    const built = buildMarginaliaApi({
      invoke: async (channel) => invocations.push(channel),
      on: () => undefined,
      removeListener: () => undefined,
    });
    await built.appInfo();
    expect(invocations).toEqual(['app:info']);
  });
});
