/**
 * Plain text: each non-empty line a paragraph, every character kept but the whitespace
 * around lines; the offset map places a selection made on the source text (as REFI-QDA
 * plain-text sources carry them) on the same words of the canonical text.
 */
import { describe, expect, it } from 'vitest';
import { convertDocument, convertPlainText } from '#shared/documents/import/convert.ts';
import { outlineOf, sampleSentences, utf8 } from '../../../helpers/document-fixtures.ts';

describe('convertPlainText', () => {
  const source = `\uFEFF  ${sampleSentences[0]}  \r\n${sampleSentences[1]}\r\n\r\n\t\r\n   # ${sampleSentences[2]}\n\n\n${sampleSentences[3]}\r${sampleSentences[4]}\n`;

  it('makes each non-empty line a paragraph, trimmed, every other character kept (LF, CRLF and CR alike)', () => {
    const { converted } = convertPlainText(source, 'notes.txt');
    expect(outlineOf(converted.article.doc)).toEqual([
      `p:${sampleSentences[0]}`, `p:${sampleSentences[1]}`, `p:# ${sampleSentences[2]}`, `p:${sampleSentences[3]}`, `p:${sampleSentences[4]}`,
    ]);
    expect(converted.article.meta).toMatchObject({ title: sampleSentences[0], titleSupplied: true, author: null, publisher: null, sourceFile: 'notes.txt' });
    expect(converted.date).toBeNull();
  });

  it('maps every selection on the source to the same text in the canonical text', () => {
    const { converted, toCanonical } = convertPlainText(source, 'notes.txt');
    const text = converted.article.text;
    for (const sentence of sampleSentences.slice(0, 5)) {
      const start = source.indexOf(sentence);
      expect(text.slice(toCanonical(start), toCanonical(start + sentence.length))).toBe(sentence);
    }
    // A selection across a line break and blank lines keeps its words, the breaks folded into one.
    const across = source.indexOf('Washington.');
    const acrossEnd = source.indexOf('The corridor') + 'The corridor'.length;
    expect(text.slice(toCanonical(across), toCanonical(acrossEnd))).toBe('Washington.\nThe corridor');
    // Removed whitespace maps next to the kept text; the ends of the source to the ends of the text.
    expect(toCanonical(0)).toBe(0);
    expect(toCanonical(source.length)).toBe(text.length);
    const inTrailingSpace = source.indexOf('Washington.') + 'Washington.'.length + 1;
    expect(toCanonical(inTrailingSpace)).toBe(text.indexOf('Washington.') + 'Washington.'.length);
    let previous = 0;
    for (let offset = 0; offset <= source.length; offset++) {
      const mapped = toCanonical(offset);
      expect(mapped).toBeGreaterThanOrEqual(previous);
      previous = mapped;
    }
    expect(() => toCanonical(source.length + 1)).toThrow(RangeError);
  });

  it('reads a .txt file the same way, and refuses one of blank lines only', async () => {
    const fromBytes = await convertDocument(utf8(source.slice(1)), 'notes.txt');
    expect(fromBytes.id).toBe(convertPlainText(source, 'notes.txt').converted.id);
    await expect(convertDocument(utf8(' \n\t\r\n'), 'empty.txt')).rejects.toMatchObject({ reason: 'no-text', message: expect.stringMatching(/^empty\.txt: .*no text/) });
  });

  it('reads text that is not UTF-8 as windows-1252 instead of failing, and refuses binary data', async () => {
    const latin = await convertDocument(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35]), 'latin.txt');
    expect(latin.article.text).toBe('Café €5');
    await expect(convertDocument(new Uint8Array([0x41, 0x00, 0x42, 0x00]), 'binary.txt')).rejects.toMatchObject({ reason: 'malformed' });
  });
});
