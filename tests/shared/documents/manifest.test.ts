/** Manifest validation and document ids. */
import { describe, expect, it } from 'vitest';
import { DocumentError } from '#shared/documents/errors.ts';
import { isDocumentId, parseManifest, toDocumentId } from '#shared/documents/manifest.ts';
import { bundledManifest } from '../../helpers/bundled-documents.ts';

describe('parseManifest', () => {
  it('reads the bundled manifest: five documents, each file named after its id', () => {
    const manifest = bundledManifest();
    expect(manifest.version).toBe(1);
    expect(manifest.documents.map((entry) => entry.id)).toEqual([
      'azerbaijan-us-russia-dynamics', 'azerbaijan-strategic-pragmatism', 'russia-azerbaijan-disputes',
      'azerbaijan-brics-and-the-west', 'azerbaijan-back-to-normalcy',
    ]);
    for (const entry of manifest.documents) expect(entry.file).toBe(`${entry.id}.md`);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['not an object', [], /must be a JSON object/],
    ['wrong version', { version: 2, documents: [] }, /"version" must be 1, found 2/],
    ['unknown top-level key', { version: 1, documents: [], extra: true }, /unknown key "extra"/],
    ['documents not an array', { version: 1, documents: {} }, /"documents" must be an array/],
    ['entry not an object', { version: 1, documents: ['a.md'] }, /documents\[0\] must be an object/],
    ['unknown entry key', { version: 1, documents: [{ id: 'a', file: 'a.md', url: 'x' }] }, /documents\[0\]: unknown key "url"/],
    ['bad id', { version: 1, documents: [{ id: 'Not A Slug', file: 'a.md' }] }, /documents\[0\]: "id" must be a lowercase slug/],
    ['path in file', { version: 1, documents: [{ id: 'a', file: '../secret.md' }] }, /"file" must be a plain \.md file name/],
    ['non-markdown file', { version: 1, documents: [{ id: 'a', file: 'a.txt' }] }, /"file" must be a plain \.md file name/],
    ['duplicate id', { version: 1, documents: [{ id: 'a', file: 'a.md' }, { id: 'a', file: 'b.md' }] }, /documents\[1\]: duplicate id "a"/],
    ['duplicate file', { version: 1, documents: [{ id: 'a', file: 'a.md' }, { id: 'b', file: 'a.md' }] }, /documents\[1\]: duplicate file "a.md"/],
  ];
  it.each(bad)('rejects %s with a DocumentError naming the file', (_name, json, message) => {
    expect(() => parseManifest(json)).toThrow(DocumentError);
    expect(() => parseManifest(json, 'docs/manifest.json')).toThrow(message);
    expect(() => parseManifest(json, 'docs/manifest.json')).toThrow(/^docs\/manifest\.json: /);
  });
});

describe('document ids', () => {
  it('accepts lowercase slugs only', () => {
    expect(isDocumentId('russia-azerbaijan-disputes')).toBe(true);
    for (const value of ['', 'Caps', 'two--hyphens', '-lead', 'trail-', 'with space', 'a'.repeat(101), 42]) {
      expect(isDocumentId(value), String(value)).toBe(false);
    }
    expect(toDocumentId('abc-1')).toBe('abc-1');
    expect(() => toDocumentId('Bad Id')).toThrow(/"Bad Id" is not a valid document id/);
  });
});
