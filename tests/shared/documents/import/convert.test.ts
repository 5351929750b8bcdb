/**
 * The converter's plain-text and own-dialect paths: ids follow the text, titles from the
 * first line are marked supplied, refusals carry their reason.
 */
import { describe, expect, it } from 'vitest';
import { ConvertError, convertDocument } from '#shared/documents/import/convert.ts';
import { addedDocumentId } from '#shared/documents/hash.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('convertDocument', () => {
  it('reads a .txt file line by line, the first line as a supplied title', async () => {
    const converted = await convertDocument(bytes('Field notes\n\n  Second   line  \n- third\n'), 'notes.txt');
    expect(converted.article.text).toBe('Field notes\nSecond line\n- third');
    expect(converted.article.meta).toMatchObject({ title: 'Field notes', titleSupplied: true, author: null });
    expect(converted.id).toBe(addedDocumentId(converted.article.hash));
    expect(converted.format).toBe('txt');
  });

  it('gives the same id to the same text from a .md file in the article dialect', async () => {
    const txt = await convertDocument(bytes('One\nTwo'), 'a.txt');
    const md = await convertDocument(bytes('---\nid: anything\ntitle: "Mine"\ntitle_supplied: false\nauthor: "Leyla"\npublisher: unknown\nsource_file: unknown\n---\n\nOne\n\nTwo\n'), 'a.md');
    expect(md.id).toBe(txt.id);
    expect(md.article.meta).toMatchObject({ title: 'Mine', author: 'Leyla', id: md.id });
  });

  it('refuses empty text, unknown formats and broken files with their reason', async () => {
    await expect(convertDocument(bytes(' \n\n'), 'empty.txt')).rejects.toMatchObject({ reason: 'no-text' });
    await expect(convertDocument(bytes('MZ'), 'tool.exe')).rejects.toBeInstanceOf(ConvertError);
    await expect(convertDocument(bytes('MZ'), 'tool.exe')).rejects.toMatchObject({ reason: 'unsupported' });
    await expect(convertDocument(bytes('# no front matter'), 'x.md')).rejects.toMatchObject({ reason: 'malformed' });
    await expect(convertDocument(new Uint8Array([0xff, 0xfe, 0x00]), 'x.txt')).rejects.toMatchObject({ reason: 'malformed' });
    await expect(convertDocument(bytes('abc'), 'big.txt', { maxBytes: 2 })).rejects.toMatchObject({ reason: 'too-large' });
  });
});
