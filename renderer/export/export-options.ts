/**
 * The Export dialog's state and its pure mapping to what the export code takes: the
 * excerpt filter and sort (shared/export/excerpts.ts), the format id and its options for
 * `renderExport` (shared/export/render.ts), the file name offered in the save dialog and
 * the save dialog's file type — names, extensions and ids all from the one list of
 * formats (shared/export/formats.ts) the command line uses too.
 *
 * Kept free of React and the DOM so the mapping — the part that decides *which* excerpts
 * land in *which* file — is tested in Node, and the dialog component only renders state.
 * Semantics follow the CLI (electron/cli/commands/export.ts): an empty selection means "no
 * restriction", a parent tag includes its children (the query resolves that), dates are
 * whole days — here in the person's own time zone, since they picked them on a calendar.
 */
import type { ExcerptFilter, ExcerptSort } from '#shared/export/excerpts.ts';
import { EXPORT_FORMATS, type ExportFormatId } from '#shared/export/formats.ts';
import type { ExportFormatOptions } from '#shared/export/render.ts';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import type { FileFilter } from '../services/platform.ts';

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
  readonly format: ExportFormatId;
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

/** One sentence under each format's choice: who opens this file. */
export const FORMAT_HINTS: Readonly<Record<ExportFormatId, string>> = {
  csv: 'Excel, LibreOffice, R, pandas.',
  md: 'For writing: quotes with citations and notes.',
  jsonld: 'W3C open standard; also a full backup you can import again.',
  qdpx: 'Opens in ATLAS.ti, MAXQDA, NVivo, QualCoder.',
  qdc: 'The whole codebook only (filters do not apply).',
};

/** The save dialog's file type for a format. */
export function saveFilters(format: ExportFormatId): FileFilter[] {
  const { label, extension } = EXPORT_FORMATS[format];
  return [{ name: label, extensions: [extension] }];
}

/** The dialog's format choice as the options `renderExport` takes (only those of the chosen format). */
export function formatOptions(state: ExportDialogState): ExportFormatOptions {
  switch (state.format) {
    case 'csv':
      return { rows: state.csvRows, bom: state.csvExcel };
    case 'md':
      return { group: state.markdownGroup };
    default:
      return {};
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
    if (from === undefined) return { ok: false, error: `“${state.fromDate}” is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01.` };
    filter.from = from;
  }
  if (state.toDate !== '') {
    const to = localDayBound(state.toDate, true);
    if (to === undefined) return { ok: false, error: `“${state.toDate}” is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01.` };
    filter.to = to;
  }
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    return { ok: false, error: 'The “from” date is after the “to” date.' };
  }
  if (state.withNote) filter.withNote = true;
  return { ok: true, filter, sort: state.sort };
}

/** A file-system-friendly, lower-case slug of a project name ('' when nothing usable is left). */
function slug(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
}

/** A local calendar day as ISO `YYYY-MM-DD`. */
export function isoDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The name offered in the save dialog: `<project>-<day>.<ext>`, e.g.
 * `caucasus-study-2026-11-21.csv`. Nothing else is added (the format is in the
 * extension), so a project called "Research project" gives `research-project-…`, never
 * `research-project-project-…`; a name that already ends with the day is not given it twice.
 */
export function suggestedFileName(projectName: string, format: ExportFormatId, now: Date): string {
  const day = isoDay(now);
  const base = slug(projectName).replace(new RegExp(`-?${day}$`), '') || 'marginalia';
  return `${base}-${day}.${EXPORT_FORMATS[format].extension}`;
}

/** Toggles `value` in a selection list (keeps the list's order, appends new values). */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((item) => item !== value);
  return on ? [...without, value] : without;
}
