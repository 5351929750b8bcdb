/** Content hash: format, known vectors, UTF-8 handling and sensitivity to one character. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash } from '#shared/documents/hash.ts';

describe('contentHash', () => {
  it('is sha256: plus the hex digest of the UTF-8 bytes', () => {
    expect(contentHash('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(contentHash('')).toBe('sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('encodes non-ASCII text as UTF-8 (curly quotes, Azerbaijani letters, astral characters)', () => {
    const text = 'Azərbaycanın İstiqamətləri — “Türkiye” ’ 𝄞';
    expect(contentHash(text)).toBe(`sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`);
  });

  it('changes when one character changes and is stable for the same text', () => {
    expect(contentHash('Baku’s position')).toBe(contentHash('Baku’s position'));
    expect(contentHash('Baku’s position')).not.toBe(contentHash("Baku's position"));
  });
});
