/**
 * Text from people and documents in the text exports: CSV cells that a spreadsheet would
 * run as a formula — after any leading whitespace, and in the full-width forms ＝ ＋ － ＠
 * that spreadsheets also accept — start with an apostrophe; C0 control characters (NUL,
 * bell, escape …) never reach a CSV or Markdown file, while tab and line feed stay where
 * the format carries them.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvText, excerptsToCsv, neutraliseFormula } from '#shared/export/csv.ts';
import type { Excerpt, ExportContext } from '#shared/export/excerpt.ts';
import { escapeMarkdownInline, excerptsToMarkdown } from '#shared/export/markdown.ts';

const person = { id: 'p', name: 'Ana' };
function excerpt(quote: string, note: string): Excerpt {
  return {
    id: 'h1', quote, prefix: '', suffix: '',
    document: { id: 'doc', title: 'Title', author: null, publisher: null, hash: 'x' },
    headingPath: [], paragraph: 1, utf16: { start: 0, end: 1 }, codePoints: { start: 0, end: 1 }, anchored: true,
    highlightedBy: person, tags: [],
    notes: [{ id: 'n1', text: note, author: person, created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', replies: [] }],
    created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z',
  };
}
const context: ExportContext = { projectId: 'p', projectName: 'P\u0000roject', exportedAt: '2026-01-01T00:00:00.000Z', codebook: [], members: [], documents: [] };

describe('CSV cells', () => {
  it('neutralise every formula start, after leading whitespace and in full-width forms', () => {
    for (const cell of ['\n=1+1', ' =spaced', '\t@x', '\r\n+1', '＝1+1', '＋1', '－1', '＠x', '  ＝x', '\nplain']) {
      expect(neutraliseFormula(csvText(cell))).toMatch(/^'/);
    }
    for (const cell of ['plain', 'a=b', '1-2', 'x＝y']) expect(neutraliseFormula(csvText(cell))).toBe(cell);
  });

  it('drop NUL and the other C0 controls, keep tab and line feed inside quoted fields', () => {
    expect(csvText('a\u0000b\u0007c\u001bd\u001fe')).toBe('abcde');
    expect(csvText('line one\r\nline two\rthree\tcol')).toBe('line one\nline two\nthree\tcol');
    expect(csvText('\u0000=cmd')).toBe('=cmd');
    const csv = excerptsToCsv([excerpt('\u0000=HYPERLINK("http://x")', 'first\u0000 line\nsecond\tline\u0008')], { rows: 'excerpt' });
    expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(row?.quote).toBe('\'=HYPERLINK("http://x")');
    expect(row?.note).toBe('first line\nsecond\tline');
  });
});

describe('Markdown text', () => {
  it('drops C0 controls other than tab and line feed', () => {
    expect(escapeMarkdownInline('a\u0000b\u001bc')).toBe('abc');
    const md = excerptsToMarkdown([excerpt('quote\u0000 with NUL', 'note\u0007 with bell\nnext')], context, { group: 'document' });
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(md).toContain('> quote with NUL');
    expect(md).toContain('# Project: excerpts');
    expect(md).toContain('note with bell\\\nnext');
  });
});
