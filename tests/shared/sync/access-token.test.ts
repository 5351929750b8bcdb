/** Access token shape: format and parse are inverse; anything else is refused. */
import { describe, expect, it } from 'vitest';
import { formatAccessToken, parseAccessToken } from '#shared/sync/access-token.ts';

const parts = { tokenId: '0123456789abcdef', secret: 'A'.repeat(42) + 'w' };

describe('access tokens', () => {
  it('formats and parses back', () => {
    const token = formatAccessToken(parts);
    expect(token).toBe(`mgt1.0123456789abcdef.${parts.secret}`);
    expect(parseAccessToken(token)).toEqual(parts);
  });

  it('refuses malformed tokens', () => {
    const good = formatAccessToken(parts);
    for (const bad of ['', 'mgt1', good.replace('mgt1', 'mgt2'), good.slice(0, -1), `${good}.x`, good.replace('0123', 'ABCD')]) {
      expect(parseAccessToken(bad)).toBeNull();
    }
  });

  it('refuses to format malformed parts', () => {
    expect(() => formatAccessToken({ ...parts, tokenId: 'short' })).toThrow(/token id/);
    expect(() => formatAccessToken({ ...parts, secret: 'a.b' })).toThrow(/secret/);
  });
});
