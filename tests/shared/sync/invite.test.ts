/** Invite links: encode/parse round trip and one clear sentence per problem. */
import { describe, expect, it } from 'vitest';
import type { ProjectId } from '#shared/model/ids.ts';
import { encodeInvite, inviteServers, parseInvite } from '#shared/sync/invite.ts';

const projectId = 'Slr7gOcuQv2_q1GrIRdttw' as ProjectId;
const token = 'mgt1.7750264f88ae892d.t884U7AuUWbf4JEeZyGAh2Ev6PvV65m0UHuX3CWE2tg';
const invite = { serverUrl: 'ws://127.0.0.1:4455', projectId, token };

describe('invites', () => {
  it('encodes as a marginalia://join link with the server URL escaped', () => {
    expect(encodeInvite(invite)).toBe(
      `marginalia://join?server=ws%3A%2F%2F127.0.0.1%3A4455&project=${projectId}&token=${token}`,
    );
  });

  it('parses what it encodes, ignoring surrounding whitespace', () => {
    expect(parseInvite(`  ${encodeInvite(invite)}\n`)).toEqual({ ok: true, invite });
    const secure = { ...invite, serverUrl: 'wss://sync.example.org/marginalia' };
    expect(parseInvite(encodeInvite(secure))).toEqual({ ok: true, invite: secure });
  });

  it('explains what is wrong with a bad invite', () => {
    const link = encodeInvite(invite);
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['https://example.org/join?x=1', /starts with marginalia:\/\/join/],
      [link.replace(/&token=[^&]+/, ''), /no token/],
      [link.replace(/server=[^&]+&/, ''), /no server/],
      [`${link}&project=${projectId}`, /more than one project/],
      [link.replace('ws%3A', 'http%3A'), /ws:\/\/ or wss:\/\//],
      [link.replace(projectId, projectId.slice(0, 10)), /project id .* malformed/],
      [link.slice(0, -5), /token .* malformed/],
      [link.replace('ws%3A%2F%2F', 'ws%3A%2F%2Fuser%3Apw%40'), /user name or password/],
    ];
    for (const [text, message] of cases) {
      const result = parseInvite(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
  });

  it('lists every server of a deployment with a repeated server parameter, first one first', () => {
    const several = { ...invite, serverUrls: ['wss://a.example.org', 'wss://b.example.org'], serverUrl: 'wss://a.example.org' };
    const link = encodeInvite(several);
    expect(link).toBe(`marginalia://join?server=wss%3A%2F%2Fa.example.org&server=wss%3A%2F%2Fb.example.org&project=${projectId}&token=${token}`);
    expect(parseInvite(link)).toEqual({ ok: true, invite: several });
    expect(inviteServers(several)).toEqual(['wss://a.example.org', 'wss://b.example.org']);
    expect(inviteServers(invite)).toEqual(['ws://127.0.0.1:4455']);
    // A link with one server reads as before, without a list.
    expect(parseInvite(encodeInvite(invite))).toEqual({ ok: true, invite });
    const bad: Array<[string, RegExp]> = [
      [link.replace('server=wss%3A%2F%2Fb', 'server=http%3A%2F%2Fb'), /ws:\/\/ or wss:\/\//],
      [link.replace('b.example.org', 'a.example.org'), /server twice/],
      [`${link}${Array.from({ length: 8 }, (_, i) => `&server=wss%3A%2F%2Fs${i}.example.org`).join('')}`, /more than 8 servers/],
    ];
    for (const [text, message] of bad) {
      const result = parseInvite(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
  });

  it('refuses to encode malformed parts', () => {
    expect(() => encodeInvite({ ...invite, serverUrl: 'http://x' })).toThrow(/cannot build invite/);
    expect(() => encodeInvite({ ...invite, token: 'secret' })).toThrow(/token is malformed/);
  });
});
