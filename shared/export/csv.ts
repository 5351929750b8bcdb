/**
 * CSV export (RFC 4180): UTF-8, CRLF row ends, every field quoted when it holds a quote,
 * comma, CR or LF, quotes doubled. Optional BOM so Excel detects UTF-8.
 *
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with tab, CR or LF,
 * or with `=`, `+`, `-`, `@` or their full-width forms `＝ ＋ － ＠` after any leading
 * whitespace (spreadsheets skip it), is prefixed with an apostrophe so spreadsheets show it
 * as text. This applies to every cell that carries user or document text; numeric columns
 * are produced by us and never start with those characters (offsets are non-negative).
 * C0 controls other than tab and line feed are dropped first (control-characters.ts) and
 * line breaks become LF, so a cell is what a person typed, never a hidden NUL before `=`.
 *
 * Two shapes: one row per excerpt (tags joined by "; "), or one row per excerpt × tag (an
 * untagged excerpt still gets one row with empty tag columns), which pivots better.
 */
import { dropControlCharacters } from './control-characters.ts';
import type { Excerpt, ExcerptNote, ExcerptTag } from './excerpt.ts';

/** CSV options. */
export type CsvOptions = {
  /** 'excerpt': one row per excerpt; 'tag': one row per excerpt and applied tag. */
  readonly rows: 'excerpt' | 'tag';
  /** Prefix U+FEFF so Excel opens the file as UTF-8. */
  readonly bom?: boolean;
};

/** Columns common to both shapes, in order. */
const COMMON_COLUMNS = [
  'highlight_id',
  'document_id',
  'document_title',
  'document_author',
  'document_publisher',
  'section',
  'paragraph',
  'start_utf16',
  'end_utf16',
  'start_code_point',
  'end_code_point',
  'anchored',
  'quote',
  'highlighted_by',
  'created',
  'modified',
] as const;

const EXCERPT_TAG_COLUMNS = ['tags', 'tag_paths'] as const;
const ROW_TAG_COLUMNS = ['tag', 'tag_path', 'tag_colour', 'tagged_by', 'tagged_at'] as const;
const NOTE_COLUMNS = ['note', 'note_author', 'note_created', 'note_modified', 'replies'] as const;

/** The header of a CSV export with the given row shape. */
export function csvColumns(rows: CsvOptions['rows']): string[] {
  return [...COMMON_COLUMNS, ...(rows === 'excerpt' ? EXCERPT_TAG_COLUMNS : ROW_TAG_COLUMNS), ...NOTE_COLUMNS];
}

/** A cell's text as written: C0 controls other than tab and LF dropped, CRLF and CR as LF. */
export function csvText(value: string): string {
  return dropControlCharacters(value).replace(/\r\n?/g, '\n');
}

/** Tab, CR or LF first, or a formula sign (ASCII or full-width) after leading whitespace. */
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** Prefixes an apostrophe to text a spreadsheet would read as a formula. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: quoted when needed, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function tagPath(tag: ExcerptTag): string {
  return tag.path.join(' / ');
}

function repliesCell(notes: readonly ExcerptNote[]): string {
  return notes.flatMap((note) => note.replies.map((reply) => `${reply.author.name} (${reply.created}): ${reply.text}`)).join('\n');
}

function commonCells(excerpt: Excerpt): string[] {
  return [
    excerpt.id,
    excerpt.document.id,
    excerpt.document.title,
    excerpt.document.author ?? '',
    excerpt.document.publisher ?? '',
    excerpt.headingPath.join(' / '),
    String(excerpt.paragraph),
    String(excerpt.utf16.start),
    String(excerpt.utf16.end),
    String(excerpt.codePoints.start),
    String(excerpt.codePoints.end),
    excerpt.anchored ? 'yes' : 'no',
    excerpt.quote,
    excerpt.highlightedBy.name,
    excerpt.created,
    excerpt.modified,
  ];
}

/** Note columns; several notes (rare) are joined by a blank line, their authors and dates by "; ". */
function noteCells(notes: readonly ExcerptNote[]): string[] {
  return [
    notes.map((note) => note.text).join('\n\n'),
    notes.map((note) => note.author.name).join('; '),
    notes.map((note) => note.created).join('; '),
    notes.map((note) => note.modified).join('; '),
    repliesCell(notes),
  ];
}

/** Renders excerpts as CSV text (with a trailing CRLF after the last row). */
export function excerptsToCsv(excerpts: readonly Excerpt[], options: CsvOptions): string {
  const lines: string[] = [csvColumns(options.rows).join(',')];
  const push = (cells: string[]) => lines.push(cells.map((cell) => csvField(neutraliseFormula(csvText(cell)))).join(','));
  for (const excerpt of excerpts) {
    const common = commonCells(excerpt);
    const note = noteCells(excerpt.notes);
    if (options.rows === 'excerpt') {
      push([...common, excerpt.tags.map((tag) => tag.name).join('; '), excerpt.tags.map(tagPath).join('; '), ...note]);
    } else if (excerpt.tags.length === 0) {
      push([...common, '', '', '', '', '', ...note]);
    } else {
      for (const tag of excerpt.tags) {
        push([...common, tag.name, tagPath(tag), tag.colour, tag.appliedBy?.name ?? '', tag.appliedAt, ...note]);
      }
    }
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
