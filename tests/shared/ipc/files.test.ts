import { describe, expect, it } from 'vitest';
import {
  MAX_FILE_BYTES,
  validateFileFilters,
  validateOpenFileRequest,
  validateSaveFileRequest,
  validateSuggestedName,
} from '#shared/ipc/files.ts';

const csv = [{ name: 'CSV', extensions: ['csv'] }];

describe('validateSaveFileRequest', () => {
  it('accepts text and byte content with filters', () => {
    const text = validateSaveFileRequest({ suggestedName: 'excerpts.csv', content: 'a,b\n', filters: csv });
    expect(text).toEqual({ ok: true, value: { suggestedName: 'excerpts.csv', content: 'a,b\n', filters: csv } });
    const bytes = new Uint8Array([80, 75, 3, 4]);
    const binary = validateSaveFileRequest({ suggestedName: 'project.qdpx', content: bytes, filters: [] });
    expect(binary.ok && binary.value.content).toBe(bytes);
  });

  it('rejects a non-object payload with a message naming the type', () => {
    expect(validateSaveFileRequest(null)).toEqual({ ok: false, error: 'saveFile expects an object, but received null.' });
    expect(validateSaveFileRequest('x')).toMatchObject({ ok: false, error: expect.stringContaining('string') });
  });

  it('rejects content that is neither a string nor a Uint8Array', () => {
    for (const content of [42, [1, 2], { length: 1 }, new ArrayBuffer(4), null]) {
      const result = validateSaveFileRequest({ suggestedName: 'a.txt', content, filters: [] });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(/content must be a string or a Uint8Array/);
    }
  });

  it('rejects content over the size limit, counting UTF-8 bytes for text', () => {
    const tooBig = { byteLength: MAX_FILE_BYTES + 1 } as Uint8Array;
    Object.setPrototypeOf(tooBig, Uint8Array.prototype);
    expect(validateSaveFileRequest({ suggestedName: 'a.bin', content: tooBig, filters: [] }).ok).toBe(false);
    // One third of the limit plus one, in 3-byte characters: fewer units than bytes, still too big.
    const wide = '€'.repeat(Math.floor(MAX_FILE_BYTES / 3) + 1);
    expect(validateSaveFileRequest({ suggestedName: 'a.txt', content: wide, filters: [] }).ok).toBe(false);
    const narrow = 'a'.repeat(Math.floor(MAX_FILE_BYTES / 3) + 1);
    expect(validateSaveFileRequest({ suggestedName: 'a.txt', content: narrow, filters: [] }).ok).toBe(true);
  });
});

describe('validateSuggestedName', () => {
  it('accepts ordinary names, including spaces and non-Latin letters', () => {
    expect(validateSuggestedName('Coding — Armenia 2024.md')).toEqual({ ok: true, value: 'Coding — Armenia 2024.md' });
    expect(validateSuggestedName('Ծանոթագրություններ.csv').ok).toBe(true);
  });

  it.each([
    ['../escape.csv', /without folders/],
    ['/etc/passwd', /without folders/],
    ['dir\\file.csv', /without folders/],
    ['nul\u0000byte', /control characters/],
    ['', /must not be empty/],
    ['   ', /must not be empty/],
    ['..', /not "\." or "\.\."/],
    ['x'.repeat(256), /limit is 255/],
  ])('rejects %j', (name, message) => {
    const result = validateSuggestedName(name);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
});

describe('validateFileFilters', () => {
  it('accepts extensions without dots and the * wildcard', () => {
    const filters = [
      { name: 'Marginalia project', extensions: ['marginalia', 'json'] },
      { name: 'All files', extensions: ['*'] },
    ];
    expect(validateFileFilters(filters)).toEqual({ ok: true, value: filters });
  });

  it.each([
    [{ name: 'CSV', extensions: ['.csv'] }, /without a dot/],
    [{ name: 'CSV', extensions: [] }, /1 to 16 extensions/],
    [{ name: '', extensions: ['csv'] }, /name must be a non-empty string/],
    [{ name: 'CSV', extensions: 'csv' }, /must be an array/],
    ['CSV', /must be an object/],
  ])('rejects %j', (filter, message) => {
    const result = validateFileFilters([filter]);
    expect(!result.ok && result.error).toMatch(message);
  });

  it('rejects too many filters and non-arrays', () => {
    const many = Array.from({ length: 17 }, () => ({ name: 'x', extensions: ['x'] }));
    expect(validateFileFilters(many).ok).toBe(false);
    expect(validateFileFilters(undefined)).toEqual({ ok: false, error: 'filters must be an array, but received undefined.' });
  });
});

describe('validateOpenFileRequest', () => {
  it('accepts filters and drops unknown fields', () => {
    expect(validateOpenFileRequest({ filters: csv, path: '/etc/shadow' })).toEqual({ ok: true, value: { filters: csv } });
  });

  it('requires an object with valid filters', () => {
    expect(validateOpenFileRequest(undefined).ok).toBe(false);
    expect(validateOpenFileRequest({}).ok).toBe(false);
  });
});
