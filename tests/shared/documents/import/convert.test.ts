/**
 * The entry point: format from the extension checked against the magic bytes, limits,
 * determinism (the same bytes give the same id and article file), and the id's form.
 */
import { describe, expect, it } from 'vitest';
import { contentHash } from '#shared/documents/hash.ts';
import { isDocumentId } from '#shared/documents/manifest.ts';
import { ConvertError, convertDocument, defaultConvertLimits } from '#shared/documents/import/convert.ts';
import { makeDocx, makePdf, sampleSentences, utf8 } from '../../../helpers/document-fixtures.ts';

async function refusal(bytes: Uint8Array, fileName: string, options?: Parameters<typeof convertDocument>[2]): Promise<ConvertError> {
  try {
    await convertDocument(bytes, fileName, options);
  } catch (error) {
    if (error instanceof ConvertError) return error;
    throw error;
  }
  throw new Error(`${fileName} was converted, a refusal was expected`);
}

describe('convertDocument', () => {
  it('names a document doc- and the first 16 hex digits of its text hash, a valid document id', async () => {
    const converted = await convertDocument(utf8(sampleSentences.join('\n')), 'a.txt');
    expect(converted.id).toBe(`doc-${contentHash(converted.article.text).slice(7, 23)}`);
    expect(isDocumentId(converted.id)).toBe(true);
    expect(converted.article.meta.id).toBe(converted.id);
    expect(converted.source.startsWith(`---\nid: ${converted.id}\n`)).toBe(true);
  });

  it('is deterministic: the same bytes give the same id and the same article file, whatever the format', async () => {
    const files: Array<[string, Uint8Array]> = [
      ['a.md', utf8(`# Title\n\n${sampleSentences.join('\n\n')}`)],
      ['a.html', utf8(`<h1>Title</h1><p>${sampleSentences.join('</p><p>')}</p>`)],
      ['a.docx', await makeDocx(sampleSentences.map((text) => ({ text })), { title: 'T', creator: 'A' })],
      ['a.pdf', await makePdf([sampleSentences.map((line) => [line])], { title: 'T' })],
    ];
    for (const [name, bytes] of files) {
      const first = await convertDocument(bytes.slice(), name);
      const second = await convertDocument(bytes.slice(), name);
      expect(second.id).toBe(first.id);
      expect(second.source).toBe(first.source);
      for (const sentence of sampleSentences) expect(first.article.text).toContain(sentence);
    }
    // The id depends on the text alone: one text in two formats is one document.
    const asText = await convertDocument(utf8(sampleSentences.join('\n')), 'same.txt');
    const asMarkdown = await convertDocument(utf8(sampleSentences.join('\n\n')), 'same.md');
    expect(asMarkdown.id).toBe(asText.id);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const big = new Uint8Array(21 * 1024 * 1024).fill(0x61);
    const error = await refusal(big, 'big.txt');
    expect(error.reason).toBe('too-large');
    expect(error.message).toBe('big.txt: the file is 21 MB, larger than the 20 MB a document may be');
    expect(defaultConvertLimits.maxFileBytes).toBe(20 * 1024 * 1024);
  });

  it('refuses a text longer than the limit', async () => {
    const error = await refusal(utf8('word '.repeat(100)), 'long.txt', { maxTextCharacters: 100 });
    expect(error.reason).toBe('too-long');
    expect(error.message).toMatch(/^long\.txt: its text is 499 characters long, more than the 100/);
  });

  it('refuses an extension it does not read, and a name that contradicts the bytes', async () => {
    expect(await refusal(utf8('x'), 'old.doc')).toMatchObject({ reason: 'unsupported', message: expect.stringMatching(/old Word file: save it as \.docx/) });
    expect(await refusal(utf8('x'), 'README')).toMatchObject({ reason: 'unsupported' });
    const pdf = await makePdf([[[sampleSentences[0] as string]]]);
    const docx = await makeDocx([{ text: 'x' }]);
    expect(await refusal(pdf, 'paper.docx')).toMatchObject({ reason: 'malformed', message: 'paper.docx: the name says DOCX but the content is a PDF; give the file the extension of what it is' });
    expect(await refusal(docx, 'report.pdf')).toMatchObject({ reason: 'malformed', message: expect.stringMatching(/^report\.pdf: the name says PDF but the content is a ZIP archive/) });
    expect(await refusal(pdf, 'paper.txt')).toMatchObject({ reason: 'malformed', message: expect.stringMatching(/^paper\.txt: the name says plain text but the content is a PDF/) });
    expect(await refusal(docx, 'page.html')).toMatchObject({ reason: 'malformed' });
    expect(await refusal(utf8('plain words'), 'fake.pdf')).toMatchObject({ reason: 'malformed', message: 'fake.pdf: this is not a PDF (it does not start with %PDF)' });
    expect(await refusal(utf8('plain words'), 'fake.docx')).toMatchObject({ reason: 'malformed', message: 'fake.docx: this is not a DOCX (it is not a ZIP archive)' });
  });

  it('reads the format from the extension in any case, and keeps only the plain file name as the source file', async () => {
    const converted = await convertDocument(utf8('Some text.'), 'folder/Notes.TXT');
    expect(converted.format).toBe('txt');
    expect(converted.fileName).toBe('folder/Notes.TXT');
    expect(converted.article.meta.sourceFile).toBe('Notes.TXT');
  });
});
