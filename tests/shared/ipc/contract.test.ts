import { describe, expect, it } from 'vitest';
import { validateNoPayload } from '#shared/ipc/app.ts';
import { EVENT_CONTRACT, EVENT_METHODS, INVOKE_CONTRACT, INVOKE_METHODS } from '#shared/ipc/contract.ts';
import { isMenuCommand, MENU_COMMANDS, validateMenuCommand } from '#shared/ipc/menu.ts';
import { MAX_EXTERNAL_URL_LENGTH, validateExternalUrl } from '#shared/ipc/shell.ts';

describe('IPC contract tables', () => {
  it('covers every API method exactly once', () => {
    expect([...INVOKE_METHODS].sort()).toEqual(['appInfo', 'openExternal', 'openFile', 'saveFile']);
    expect(EVENT_METHODS).toEqual(['onMenuCommand']);
  });

  it('gives every method its own domain-prefixed channel', () => {
    const channels = [
      ...INVOKE_METHODS.map((method) => INVOKE_CONTRACT[method].channel),
      ...EVENT_METHODS.map((method) => EVENT_CONTRACT[method].channel),
    ];
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of channels) expect(channel).toMatch(/^(app|files|shell|menu):[a-z-]+$/);
  });

  it('validates every invoke payload (garbage is rejected by each)', () => {
    for (const method of INVOKE_METHODS) {
      const result = INVOKE_CONTRACT[method].validateRequest(Symbol.for('garbage'));
      expect(result.ok, method).toBe(false);
    }
  });
});

describe('menu commands', () => {
  it('accepts each listed command and nothing else', () => {
    for (const command of MENU_COMMANDS) expect(validateMenuCommand(command)).toEqual({ ok: true, value: command });
    expect(isMenuCommand('team-settings')).toBe(true);
    expect(isMenuCommand('quit')).toBe(false);
    expect(isMenuCommand('FIND')).toBe(false);
    expect(validateMenuCommand('rm -rf')).toMatchObject({ ok: false, error: expect.stringContaining('Unknown menu command "rm -rf"') });
    expect(validateMenuCommand(3)).toMatchObject({ ok: false, error: expect.stringContaining('number') });
  });
});

describe('app and shell payloads', () => {
  it('appInfo takes no argument', () => {
    expect(validateNoPayload(undefined)).toEqual({ ok: true, value: undefined });
    expect(validateNoPayload({})).toEqual({ ok: false, error: 'This call takes no argument, but received object.' });
  });

  it('openExternal takes a bounded non-empty string', () => {
    expect(validateExternalUrl('https://example.org/a')).toEqual({ ok: true, value: 'https://example.org/a' });
    expect(validateExternalUrl('').ok).toBe(false);
    expect(validateExternalUrl(new URL('https://example.org')).ok).toBe(false);
    expect(validateExternalUrl(`https://e.org/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`).ok).toBe(false);
  });
});
