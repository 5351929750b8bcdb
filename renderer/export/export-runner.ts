/**
 * Runs an export in the renderer without freezing it: the work is cut into steps of a few
 * tens of milliseconds, and between steps the runner yields to the event loop, reports
 * progress and checks for cancellation. The dialog's live count and preview use the same
 * chunked query, so filtering 10,000 highlights never blocks typing.
 *
 * Chunks: the excerpt query runs once per document (in the order `queryExcerpts` sorts
 * documents: loaded articles first in library order, then other document ids), which gives
 * exactly `queryExcerpts(..., 'document')` when concatenated. The 'date' and 'tag' orders
 * are then a *stable* sort of that list by creation time or by the first tag's codebook
 * position — the same keys `queryExcerpts` compares first, with document order as its tie
 * break — so every sort equals the one-call query (the unit tests check that). CSV is
 * written in slices of excerpts; the other formatters are single calls (each well under
 * the §8 budget at 10k excerpts), with a yield before and after.
 *
 * A Web Worker was considered and not used: the worker would need the articles (parsed
 * ProseMirror documents, not structured-cloneable) and a copy of the Y.Doc, and the
 * budgets (≤ 1 s for 10k) make chunking on the main thread enough.
 */
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import { excerptsToCsv, csvColumns } from '#shared/export/csv.ts';
import type { Excerpt, ExportContext } from '#shared/export/excerpt.ts';
import { buildExportContext, queryExcerpts, type ExcerptFilter, type ExcerptSort } from '#shared/export/excerpts.ts';
import { excerptsToMarkdown } from '#shared/export/markdown.ts';
import { codebookToQdc, excerptsToQdpx } from '#shared/export/refi-qda.ts';
import { excerptsToWebAnnotationJson } from '#shared/export/web-annotation.ts';
import { roots } from '#shared/model/layout.ts';
import { documentOf } from '#shared/model/views.ts';
import type { ExportFormatSpec } from './export-options.ts';

/** Thrown (as a rejection) when the run was cancelled through its signal. */
export class ExportCancelledError extends Error {
  constructor() {
    super('the export was cancelled');
    this.name = 'ExportCancelledError';
  }
}

/** Where a run is. `fraction` is 0..1 over the whole run. */
export type ExportProgress = { readonly stage: 'query' | 'format'; readonly fraction: number };

/** Hooks of a run. */
export type RunOptions = {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ExportProgress) => void;
  /** Lets the UI breathe between steps; defaults to a macrotask (`setTimeout(0)`). */
  readonly yieldToUi?: () => Promise<void>;
};

/** What to export. */
export type ExportJob = {
  readonly doc: Y.Doc;
  readonly articles: readonly Article[];
  readonly filter: ExcerptFilter;
  readonly sort: ExcerptSort;
  readonly format: ExportFormatSpec;
  /** ISO 8601 time recorded in the file. */
  readonly exportedAt: string;
};

/** A finished export, ready for `platform.saveFile`. */
export type ExportOutput = {
  readonly content: string | Uint8Array;
  /** Excerpts written (tags for a codebook). */
  readonly count: number;
  /** Characters XML could not carry (REFI-QDA only); worth telling the person. */
  readonly removedCharacters: number;
};

/** Excerpts per CSV slice. */
const CSV_SLICE = 1000;

/** Yields to the event loop (a macrotask, so input and paint get a turn). */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelledError();
}

/** The document ids to query one by one, in `queryExcerpts`' document order. */
export function documentChunks(doc: Y.Doc, articles: readonly Article[], only?: readonly string[]): string[][] {
  const present = new Set<string>();
  roots(doc).highlights.forEach((map) => {
    const id = documentOf(map);
    if (id !== undefined) present.add(id);
  });
  const wanted = (id: string) => present.has(id) && (only === undefined || only.includes(id));
  const loaded = new Set(articles.map((article) => article.meta.id as string));
  const chunks = articles.map((article) => article.meta.id as string).filter(wanted).map((id) => [id]);
  // Highlights on documents that are not loaded: queryExcerpts sorts them last, by id.
  const others = [...present].filter((id) => !loaded.has(id) && wanted(id)).sort();
  if (others.length > 0) chunks.push(others);
  return chunks;
}

/** Stable re-sort of excerpts in document order into `sort` order (see the module comment). */
export function sortExcerpts(excerpts: readonly Excerpt[], sort: ExcerptSort, codebookOrder: ReadonlyMap<string, number>): Excerpt[] {
  if (sort === 'document') return [...excerpts];
  const key =
    sort === 'date'
      ? (excerpt: Excerpt) => Date.parse(excerpt.created)
      : (excerpt: Excerpt) => Math.min(...excerpt.tags.map((tag) => codebookOrder.get(tag.id) ?? Infinity));
  const keyed = excerpts.map((excerpt, index) => ({ excerpt, index, key: key(excerpt) }));
  keyed.sort((a, b) => (a.key === b.key ? a.index - b.index : a.key < b.key ? -1 : 1));
  return keyed.map((entry) => entry.excerpt);
}

/**
 * The excerpt query in per-document steps; resolves to the same list as
 * `queryExcerpts(doc, articles, filter, sort)`. `share` scales progress (0..1 of the run).
 */
export async function queryExcerptsInChunks(
  doc: Y.Doc,
  articles: readonly Article[],
  filter: ExcerptFilter,
  sort: ExcerptSort,
  options: RunOptions & { readonly context?: ExportContext; readonly share?: number } = {},
): Promise<Excerpt[]> {
  const pause = options.yieldToUi ?? nextMacrotask;
  const share = options.share ?? 1;
  const chunks = documentChunks(doc, articles, filter.documents);
  const out: Excerpt[] = [];
  for (const [index, documents] of chunks.entries()) {
    checkCancelled(options.signal);
    out.push(...queryExcerpts(doc, articles, { ...filter, documents }, 'document'));
    options.onProgress?.({ stage: 'query', fraction: (share * (index + 1)) / chunks.length });
    await pause();
  }
  checkCancelled(options.signal);
  const codebook = (options.context ?? buildExportContext(doc, [], '')).codebook;
  return sortExcerpts(out, sort, new Map(codebook.map((entry, index) => [entry.id, index])));
}

/** CSV in slices: the header once, then each slice's rows (identical to one `excerptsToCsv` call). */
async function csvInSlices(excerpts: readonly Excerpt[], rows: 'excerpt' | 'tag', bom: boolean, options: RunOptions, report: (fraction: number) => void): Promise<string> {
  const pause = options.yieldToUi ?? nextMacrotask;
  const header = `${csvColumns(rows).join(',')}\r\n`;
  const parts: string[] = [bom ? '\uFEFF' : '', header];
  for (let start = 0; start < excerpts.length; start += CSV_SLICE) {
    checkCancelled(options.signal);
    const text = excerptsToCsv(excerpts.slice(start, start + CSV_SLICE), { rows });
    parts.push(text.slice(header.length));
    report(Math.min(1, (start + CSV_SLICE) / excerpts.length));
    await pause();
  }
  return parts.join('');
}

/** Runs a whole export: query, format, ready to save. Rejects with {@link ExportCancelledError} when cancelled. */
export async function runExport(job: ExportJob, options: RunOptions = {}): Promise<ExportOutput> {
  const pause = options.yieldToUi ?? nextMacrotask;
  const progress = (stage: ExportProgress['stage'], fraction: number) => options.onProgress?.({ stage, fraction });
  const context = buildExportContext(job.doc, job.articles, job.exportedAt);
  if (job.format.kind === 'qdc') {
    checkCancelled(options.signal);
    const output = codebookToQdc(context);
    progress('format', 1);
    return { content: output.data, count: context.codebook.length, removedCharacters: output.removedCharacters };
  }
  const excerpts = await queryExcerptsInChunks(job.doc, job.articles, job.filter, job.sort, { ...options, context, share: 0.5 });
  const formatProgress = (fraction: number) => progress('format', 0.5 + fraction / 2);
  checkCancelled(options.signal);
  let output: ExportOutput;
  switch (job.format.kind) {
    case 'csv':
      output = { content: await csvInSlices(excerpts, job.format.rows, job.format.bom, options, formatProgress), count: excerpts.length, removedCharacters: 0 };
      break;
    case 'markdown':
      output = { content: excerptsToMarkdown(excerpts, context, { group: job.format.group }), count: excerpts.length, removedCharacters: 0 };
      break;
    case 'jsonld':
      output = { content: excerptsToWebAnnotationJson(excerpts, context), count: excerpts.length, removedCharacters: 0 };
      break;
    case 'qdpx': {
      const qdpx = excerptsToQdpx(excerpts, context);
      output = { content: qdpx.data, count: excerpts.length, removedCharacters: qdpx.removedCharacters };
      break;
    }
  }
  formatProgress(1);
  await pause();
  checkCancelled(options.signal);
  return output;
}
