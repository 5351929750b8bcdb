import { describe, expect, it } from 'vitest';
import { commandForKey, createElectronPlatform, detectPlatform, isSafeExternalUrl, type MarginaliaApi, type MenuCommand } from '../../../renderer/services/platform.ts';

const key = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers,
});

describe('keyboard shortcuts (web host)', () => {
  it('maps find, find next/previous, library and contents like the Electron menu', () => {
    expect(commandForKey(key('f', { ctrlKey: true }))).toBe('find');
    expect(commandForKey(key('f', { metaKey: true }))).toBe('find');
    expect(commandForKey(key('F3'))).toBe('find-next');
    expect(commandForKey(key('F3', { shiftKey: true }))).toBe('find-previous');
    expect(commandForKey(key('g', { ctrlKey: true }))).toBe('find-next');
    expect(commandForKey(key('G', { ctrlKey: true, shiftKey: true }))).toBe('find-previous');
    expect(commandForKey(key('l', { ctrlKey: true }))).toBe('show-library');
    expect(commandForKey(key('\\', { ctrlKey: true }))).toBe('toggle-contents');
    expect(commandForKey(key('F', { ctrlKey: true, shiftKey: true }))).toBe('search-corpus');
    expect(commandForKey(key('f', { metaKey: true, shiftKey: true }))).toBe('search-corpus');
  });
  it('leaves other keys to the browser', () => {
    expect(commandForKey(key('f'))).toBeNull();
    expect(commandForKey(key('c', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('f', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandForKey(key('Escape'))).toBeNull();
  });
});

describe('external links', () => {
  it('accepts only https URLs', () => {
    expect(isSafeExternalUrl('https://example.org/a')).toBe(true);
    for (const url of ['http://example.org', 'javascript:alert(1)', 'file:///etc/passwd', 'app://marginalia/x', 'not a url']) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
  });
});

describe('Electron platform', () => {
  function fakeApi() {
    const opened: string[] = [];
    let listener: ((command: MenuCommand) => void) | null = null;
    const api: MarginaliaApi = {
      platform: 'electron',
      appInfo: async () => ({ name: 'Marginalia', version: '0.0.0', userDataPath: '/tmp' }),
      saveFile: async (request) => {
        if (request.suggestedName === 'cancel.csv') return { saved: false, reason: 'canceled' };
        if (request.suggestedName === 'full.csv') return { saved: false, reason: 'error', message: 'disk full' };
        return { saved: true, path: `/home/me/${request.suggestedName}` };
      },
      openFile: async () => ({ opened: true, name: 'p.json', content: new TextEncoder().encode('{}') }),
      openExternal: async (url) => { opened.push(url); return true; },
      onMenuCommand: (next) => { listener = next; return () => { listener = null; }; },
    };
    return { api, opened, send: (command: MenuCommand) => listener?.(command), attached: () => listener !== null };
  }

  it('forwards files, links and menu commands to the preload API', async () => {
    const fake = fakeApi();
    const platform = createElectronPlatform(fake.api);
    expect(platform.kind).toBe('electron');
    await expect(platform.saveFile({ suggestedName: 'x.csv', content: 'a', filters: [] })).resolves.toBe(true);
    await expect(platform.saveFile({ suggestedName: 'cancel.csv', content: 'a', filters: [] })).resolves.toBe(false);
    await expect(platform.saveFile({ suggestedName: 'full.csv', content: new Uint8Array([1]), filters: [] })).rejects.toThrow('disk full');
    const openedFile = await platform.openFile({ filters: [{ name: 'JSON', extensions: ['json'] }] });
    expect(openedFile?.name).toBe('p.json');
    expect(new TextDecoder().decode(openedFile?.bytes)).toBe('{}');
    await platform.openExternal('https://example.org');
    await expect(platform.openExternal('http://example.org')).rejects.toThrow(/non-https/);
    expect(fake.opened).toEqual(['https://example.org']);
    const received: MenuCommand[] = [];
    const stop = platform.onCommand((command) => received.push(command));
    fake.send('find');
    stop();
    expect(fake.attached()).toBe(false);
    expect(received).toEqual(['find']);
  });

  it('is chosen only when the preload API is present', () => {
    const fake = fakeApi();
    const withApi = { marginalia: fake.api } as unknown as Window & { marginalia?: MarginaliaApi };
    expect(detectPlatform(withApi).kind).toBe('electron');
    const plain = { document: {} } as unknown as Window & { marginalia?: MarginaliaApi };
    expect(detectPlatform(plain).kind).toBe('web');
  });
});
