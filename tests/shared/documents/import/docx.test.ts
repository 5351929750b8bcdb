/**
 * Word documents (built with the `docx` package at test time): text, headings, lists and
 * core properties read; damaged archives and zip bombs refused before anything inflates them whole.
 */
import { zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertDocument } from '#shared/documents/import/convert.ts';
import { makeDocx, makeZipBomb, outlineOf, sampleSentences, utf8 } from '../../../helpers/document-fixtures.ts';

const [s1, s2, s3, s4, s5, s6] = sampleSentences as [string, string, string, string, string, string];

describe('convertDocument: DOCX', () => {
  let bomb: Uint8Array;
  beforeAll(() => {
    bomb = makeZipBomb(120 * 1024 * 1024);
  });

  it('keeps every sentence, headings and list items, and reads title and author from the core properties', async () => {
    const bytes = await makeDocx([
      { heading: 1, text: 'Report heading' },
      { text: s1 },
      { heading: 2, text: 'Section' },
      { text: `${s2} `, bold: s3 },
      { bullet: s4 },
      { bullet: s5 },
      { text: s6 },
    ], { title: 'Stated docx title', creator: 'Rashad Aliyev' });
    const converted = await convertDocument(bytes, 'report.docx');
    for (const sentence of sampleSentences) expect(converted.article.text).toContain(sentence);
    expect(outlineOf(converted.article.doc)).toEqual([
      'h1:Report heading', `p:${s1}`, 'h2:Section', `p:${s2} ${s3}`, `bullet:${s4}`, `bullet:${s5}`, `p:${s6}`,
    ]);
    expect(converted.article.meta).toMatchObject({ title: 'Stated docx title', titleSupplied: false, author: 'Rashad Aliyev', publisher: null, sourceFile: 'report.docx' });
    expect(converted.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(converted.format).toBe('docx');
  });

  it('draws the title from the first heading when the core properties state none', async () => {
    const converted = await convertDocument(await makeDocx([{ heading: 1, text: 'Drawn heading' }, { text: s1 }], { creator: '' }), 'untitled.docx');
    expect(converted.article.meta).toMatchObject({ title: 'Drawn heading', titleSupplied: true, author: null });
  });

  it('refuses a zip bomb: a small archive that inflates past the limit', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(convertDocument(bomb, 'bomb.docx')).rejects.toMatchObject({ reason: 'zip-bomb', message: expect.stringMatching(/^bomb\.docx: it unpacks to more than .*100 MB limit/) });
    // The check counts real bytes: a small limit refuses a modest archive too.
    const docx = await makeDocx([{ text: s1 }]);
    await expect(convertDocument(docx, 'small.docx', { maxUnzippedBytes: 1000 })).rejects.toMatchObject({ reason: 'zip-bomb' });
  });

  it('refuses a bomb whose archive lies about its sizes', async () => {
    const liar = bomb.slice();
    const view = new DataView(liar.buffer);
    for (let at = 0; at + 4 <= liar.length; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x02014b50) view.setUint32(at + 24, 10, true);
      if (signature === 0x04034b50) view.setUint32(at + 22, 10, true);
    }
    await expect(convertDocument(liar, 'liar.docx')).rejects.toMatchObject({ reason: 'zip-bomb' });
  });

  it('refuses damaged and foreign archives with a clear reason', async () => {
    const docx = await makeDocx([{ text: s1 }]);
    await expect(convertDocument(docx.slice(0, docx.length / 2), 'truncated.docx')).rejects.toMatchObject({ reason: 'malformed', message: expect.stringMatching(/^truncated\.docx: this is not a readable DOCX/) });
    const notWord = zipSync({ 'hello.txt': utf8('hello') });
    await expect(convertDocument(notWord, 'archive.docx')).rejects.toMatchObject({ reason: 'malformed', message: 'archive.docx: this is not a Word document (the archive has no word/document.xml)' });
    const brokenXml = zipSync({ 'word/document.xml': utf8('<w:document><unclosed'), '[Content_Types].xml': utf8('<Types/>') });
    await expect(convertDocument(brokenXml, 'broken.docx')).rejects.toMatchObject({ reason: 'malformed' });
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`f${index}.txt`, utf8('x')]));
    await expect(convertDocument(zipSync(many), 'many.docx', { maxZipEntries: 20 })).rejects.toMatchObject({ reason: 'zip-bomb', message: expect.stringMatching(/30 entries/) });
  });
});
