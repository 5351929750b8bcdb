/**
 * PDFs (built with pdf-lib at test time): the text layer's lines grouped into paragraphs
 * by their gaps, every sentence kept, the info dictionary read; textless and damaged
 * PDFs refused.
 */
import { describe, expect, it } from 'vitest';
import { convertDocument } from '#shared/documents/import/convert.ts';
import { pdfDateToIso } from '#shared/documents/import/pdf.ts';
import { makePdf, makeTextlessPdf, outlineOf, sampleSentences } from '../../../helpers/document-fixtures.ts';

const [s1, s2, s3, s4, s5, s6] = sampleSentences as [string, string, string, string, string, string];

describe('convertDocument: PDF', () => {
  it('keeps every sentence; lines close together form one paragraph, a wider gap or a new page starts the next', async () => {
    const bytes = await makePdf([
      [[s1, s2], [s3], [s4, s5]],
      [[s6]],
    ], { title: 'Stated PDF title', author: 'Nigar Hasanova', creationDate: new Date('2023-11-05T08:30:00Z') });
    const converted = await convertDocument(bytes, 'paper.pdf');
    for (const sentence of sampleSentences) expect(converted.article.text).toContain(sentence);
    expect(outlineOf(converted.article.doc)).toEqual([`p:${s1} ${s2}`, `p:${s3}`, `p:${s4} ${s5}`, `p:${s6}`]);
    expect(converted.article.meta).toMatchObject({ title: 'Stated PDF title', titleSupplied: false, author: 'Nigar Hasanova', publisher: null, sourceFile: 'paper.pdf' });
    expect(converted.date).toBe('2023-11-05T08:30:00Z');
  });

  it('draws the title from the first line when the info dictionary has none, and invents no author', async () => {
    const converted = await convertDocument(await makePdf([[[s1], [s2]]]), 'untitled.pdf');
    expect(converted.article.meta).toMatchObject({ title: s1, titleSupplied: true, author: null });
  });

  it('refuses a PDF without a text layer and a damaged PDF', async () => {
    await expect(convertDocument(await makeTextlessPdf(), 'scan.pdf')).rejects.toMatchObject({ reason: 'no-text', message: 'scan.pdf: this PDF has no text layer (a scan?)' });
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref or trailer');
    await expect(convertDocument(broken, 'broken.pdf')).rejects.toMatchObject({ reason: expect.stringMatching(/^(malformed|no-text)$/) });
    const truncated = (await makePdf([[[s1]]])).slice(0, 200);
    await expect(convertDocument(truncated, 'truncated.pdf')).rejects.toMatchObject({ reason: expect.stringMatching(/^(malformed|no-text)$/) });
  });

  it('writes PDF dates as ISO 8601 with only the parts stated', () => {
    expect(pdfDateToIso("D:20240115123000+01'00'")).toBe('2024-01-15T12:30:00+01:00');
    expect(pdfDateToIso('D:20240115123000Z')).toBe('2024-01-15T12:30:00Z');
    expect(pdfDateToIso('D:2024')).toBe('2024');
    expect(pdfDateToIso(null)).toBeNull();
  });
});
