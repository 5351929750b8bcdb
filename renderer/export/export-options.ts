/**
 * The Export dialog's state and its pure mapping to what the export code takes: the
 * excerpt filter and sort (shared/export/excerpts.ts), the formatter and its options, the
 * file name offered in the save dialog and the save dialog's file-type filter.
 *
 * Kept free of React and the DOM so the mapping — the part that decides *which* excerpts
 * land in *which* file — is tested in Node, and the dialog component only renders state.
 * Semantics follow the CLI (electron/cli/commands/export.ts): an empty selection means "no
 * restriction", a parent tag includes its children (the query resolves that), dates are
 * whole days — here in the person's own time zone, since they picked them on a calendar.
 */
import type { ExcerptFilter, ExcerptSort } from '#shared/export/excerpts.ts';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import type { FileFilter } from '../services/platform.ts';

/** The file formats the dialog offers. */
export type ExportFormat = 'csv' | 'markdown' | 'jsonld' | 'qdpx' | 'qdc';

/** Everything the person chose in the dialog. */
export type ExportDialogState = {
  readonly tags: readonly TagId[];
  readonly tagMatch: 'any' | 'all';
  readonly members: readonly MemberId[];
  readonly documents: readonly string[];
  /** `YYYY-MM-DD` from a date input, or '' for no lower bound. */
  readonly fromDate: string;
  /** `YYYY-MM-DD`, or '' for no upper bound (the whole day is included). */
  readonly toDate: string;
  readonly withNote: boolean;
  readonly sort: ExcerptSort;
  readonly format: ExportFormat;
  /** CSV: one row per excerpt or per excerpt × tag. */
  readonly csvRows: 'excerpt' | 'tag';
  /** CSV: start with a UTF-8 byte order mark so Excel reads accents correctly. */
  readonly csvExcel: boolean;
  readonly markdownGroup: 'tag' | 'document';
};

/** The state a fresh dialog opens with: everything, in document order, as CSV. */
export const DEFAULT_EXPORT_STATE: ExportDialogState = {
  tags: [],
  tagMatch: 'any',
  members: [],
  documents: [],
  fromDate: '',
  toDate: '',
  withNote: false,
  sort: 'document',
  format: 'csv',
  csvRows: 'excerpt',
  csvExcel: false,
  markdownGroup: 'tag',
};

/** Which formatter to run, with its options. */
export type ExportFormatSpec =
  | { readonly kind: 'csv'; readonly rows: 'excerpt' | 'tag'; readonly bom: boolean }
  | { readonly kind: 'markdown'; readonly group: 'tag' | 'document' }
  | { readonly kind: 'jsonld' }
  | { readonly kind: 'qdpx' }
  | { readonly kind: 'qdc' };

/** How each format is named and saved. */
export type FormatDescription = {
  readonly label: string;
  /** One sentence under the choice: who opens this file. */
  readonly hint: string;
  readonly extension: string;
  readonly filters: readonly FileFilter[];
  /** False when the format ignores the excerpt filters (the codebook is the whole codebook). */
  readonly usesFilters: boolean;
};

/** The formats in the order the dialog lists them. */
export const FORMATS: Readonly<Record<ExportFormat, FormatDescription>> = {
  csv: { label: 'CSV spreadsheet', hint: 'Excel, LibreOffice, R, pandas.', extension: 'csv', filters: [{ name: 'CSV spreadsheet', extensions: ['csv'] }], usesFilters: true },
  markdown: { label: 'Markdown', hint: 'For writing: quotes with citations and notes.', extension: 'md', filters: [{ name: 'Markdown', extensions: ['md'] }], usesFilters: true },
  jsonld: {
    label: 'W3C Web Annotation (JSON-LD)',
    hint: 'Open standard; also a full backup you can import again.',
    extension: 'jsonld',
    filters: [{ name: 'Web Annotation JSON-LD', extensions: ['jsonld', 'json'] }],
    usesFilters: true,
  },
  qdpx: {
    label: 'REFI-QDA project (.qdpx)',
    hint: 'Opens in ATLAS.ti, MAXQDA, NVivo, QualCoder.',
    extension: 'qdpx',
    filters: [{ name: 'REFI-QDA project', extensions: ['qdpx'] }],
    usesFilters: true,
  },
  qdc: {
    label: 'REFI-QDA codebook (.qdc)',
    hint: 'The whole codebook only (filters do not apply).',
    extension: 'qdc',
    filters: [{ name: 'REFI-QDA codebook', extensions: ['qdc'] }],
    usesFilters: false,
  },
};

/** The dialog's format choice as formatter options. */
export function formatSpec(state: ExportDialogState): ExportFormatSpec {
  switch (state.format) {
    case 'csv':
      return { kind: 'csv', rows: state.csvRows, bom: state.csvExcel };
    case 'markdown':
      return { kind: 'markdown', group: state.markdownGroup };
    default:
      return { kind: state.format };
  }
}

/** Milliseconds of a local calendar day's start (or last millisecond), or undefined if `value` is not `YYYY-MM-DD`. */
export function localDayBound(value: string, end: boolean): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = end ? new Date(year, month - 1, day, 23, 59, 59, 999) : new Date(year, month - 1, day, 0, 0, 0, 0);
  // Reject overflowing dates such as 2026-02-31, which Date would roll into March.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return undefined;
  return date.getTime();
}

/** The excerpt query the dialog describes, or the sentence saying what to fix. */
export type FilterResult = { readonly ok: true; readonly filter: ExcerptFilter; readonly sort: ExcerptSort } | { readonly ok: false; readonly error: string };

/** Maps the dialog's filters and sort to the excerpt query. */
export function excerptQuery(state: ExportDialogState): FilterResult {
  const filter: { -readonly [K in keyof ExcerptFilter]: ExcerptFilter[K] } = {};
  if (state.tags.length > 0) {
    filter.tags = [...state.tags];
    filter.tagMatch = state.tagMatch;
  }
  if (state.members.length > 0) filter.members = [...state.members];
  if (state.documents.length > 0) filter.documents = [...state.documents];
  if (state.fromDate !== '') {
    const from = localDayBound(state.fromDate, false);
    if (from === undefined) return { ok: false, error: `“${state.fromDate}” is not a date.` };
    filter.from = from;
  }
  if (state.toDate !== '') {
    const to = localDayBound(state.toDate, true);
    if (to === undefined) return { ok: false, error: `“${state.toDate}” is not a date.` };
    filter.to = to;
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    return { ok: false, error: 'The “from” date is after the “to” date.' };
  }
  if (state.withNote) filter.withNote = true;
  return { ok: true, filter, sort: state.sort };
}

/** A file-system-friendly slug of a project name ('' when nothing usable is left). */
function slug(name: string): string {
  return name
    .normalize('NFKC')
    .trim()
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** The name offered in the save dialog, e.g. `caucasus-study-excerpts-2026-11-21.csv`. */
export function suggestedFileName(projectName: string, format: ExportFormat, now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const what = format === 'qdc' ? 'codebook' : format === 'qdpx' ? 'project' : 'excerpts';
  const base = slug(projectName) || 'marginalia';
  return `${base}-${what}-${day}.${FORMATS[format].extension}`;
}

/** Toggles `value` in a selection list (keeps the list's order, appends new values). */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((item) => item !== value);
  return on ? [...without, value] : without;
}
