/**
 * Team credentials: invite text and hand-typed fields validate to the same invite with one
 * sentence per problem; storage round-trips, forgets, and ignores damaged values.
 */
import { describe, expect, it } from 'vitest';
import { encodeInvite } from '#shared/sync/invite.ts';
import { newId, type ProjectId } from '#shared/model/ids.ts';
import {
  forgetTeamCredentials,
  loadTeamCredentials,
  saveTeamCredentials,
  TEAM_CREDENTIALS_KEY,
  validateInviteText,
  validateTeamFields,
} from '../../../renderer/sync/team-credentials.ts';

const projectId = newId() as ProjectId;
const token = `mgt1.0123456789abcdef.${'A'.repeat(43)}`;
const serverUrl = 'wss://sync.example.org';

function memoryStore() {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
  };
}

describe('validateInviteText', () => {
  it('accepts a pasted invite with surrounding whitespace', () => {
    const result = validateInviteText(`  ${encodeInvite({ serverUrl, projectId, token })}\n`);
    expect(result).toEqual({ ok: true, invite: { serverUrl, projectId, token } });
  });

  it('says what is wrong as one capitalised sentence', () => {
    expect(validateInviteText('')).toEqual({ ok: false, error: 'The invite is empty.' });
    expect(validateInviteText('https://example.org')).toMatchObject({ ok: false, error: expect.stringMatching(/^An invite starts with marginalia:\/\/join\?/) });
    const cut = encodeInvite({ serverUrl, projectId, token }).slice(0, -10);
    expect(validateInviteText(cut)).toEqual({ ok: false, error: 'The token in the invite is malformed (was the link cut short?).' });
  });
});

describe('validateTeamFields', () => {
  it('trims and accepts good fields', () => {
    expect(validateTeamFields({ serverUrl: ` ${serverUrl} `, projectId: ` ${projectId}`, token: `${token} ` })).toEqual({ ok: true, invite: { serverUrl, projectId, token } });
  });

  it('reports every bad field at once', () => {
    const result = validateTeamFields({ serverUrl: 'https://x.org', projectId: 'nope', token: 'secret' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.serverUrl).toBe('The server address must start with ws:// or wss://, not https://.');
    expect(result.errors.projectId).toMatch(/^This is not a project id/);
    expect(result.errors.token).toBe('This is not an access token (it starts with mgt1.).');
    expect(validateTeamFields({ serverUrl: '', projectId: '', token: '' })).toEqual({
      ok: false,
      errors: { serverUrl: 'Enter the server address (ws://… or wss://…).', projectId: 'Enter the project id from the invite.', token: 'Enter the access token.' },
    });
  });
});

describe('stored credentials', () => {
  it('saves, loads and forgets', () => {
    const store = memoryStore();
    expect(loadTeamCredentials(store)).toBeNull();
    saveTeamCredentials(store, { serverUrl, projectId, token }, 1234);
    expect(loadTeamCredentials(store)).toEqual({ serverUrl, projectId, token, joinedAt: 1234 });
    forgetTeamCredentials(store);
    expect(loadTeamCredentials(store)).toBeNull();
  });

  it('keeps every server of an invite that lists several', () => {
    const store = memoryStore();
    const serverUrls = [serverUrl, 'wss://sync-2.example.org'];
    saveTeamCredentials(store, { serverUrl, serverUrls, projectId, token }, 1234);
    expect(loadTeamCredentials(store)).toEqual({ serverUrl, serverUrls, projectId, token, joinedAt: 1234 });
  });

  it('treats damaged or tampered values as absent', () => {
    const store = memoryStore();
    store.setItem(TEAM_CREDENTIALS_KEY, '{not json');
    expect(loadTeamCredentials(store)).toBeNull();
    store.setItem(TEAM_CREDENTIALS_KEY, JSON.stringify({ serverUrl: 'http://evil.example', projectId, token }));
    expect(loadTeamCredentials(store)).toBeNull();
    store.setItem(TEAM_CREDENTIALS_KEY, JSON.stringify(['array']));
    expect(loadTeamCredentials(store)).toBeNull();
  });
});
