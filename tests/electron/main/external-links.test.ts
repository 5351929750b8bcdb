import { beforeEach, describe, expect, it } from 'vitest';
import { openExternalSafely, parseHttpsUrl } from '../../../electron/main/external-links.ts';
import { resetFakeElectron, shell } from '../../helpers/fake-electron.ts';

beforeEach(() => resetFakeElectron());

describe('openExternalSafely', () => {
  it('opens parsed https URLs in normalised form', async () => {
    expect(await openExternalSafely(shell, 'HTTPS://Example.org/a b')).toBe(true);
    expect(shell.openedExternal).toEqual(['https://example.org/a%20b']);
  });

  it.each([
    'http://example.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-settings:privacy',
    'app://marginalia/index.html',
    'https://user:pass@example.org/',
    'https://',
    ' https ://broken',
    '//example.org/',
    'example.org',
  ])('refuses %j', async (url) => {
    expect(await openExternalSafely(shell, url)).toBe(false);
    expect(shell.openedExternal).toEqual([]);
  });

  it('reports false when the OS fails to open the link', async () => {
    const failing = { openExternal: async () => Promise.reject(new Error('no browser')) };
    expect(await openExternalSafely(failing, 'https://example.org/')).toBe(false);
  });

  it('parseHttpsUrl keeps the host and drops nothing else', () => {
    expect(parseHttpsUrl('https://example.org/p?q=1#f')).toBe('https://example.org/p?q=1#f');
  });
});
