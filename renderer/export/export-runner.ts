/**
 * Runs an export in the renderer without freezing it: the work is cut into steps of a few
 * tens of milliseconds, and between steps the runner yields to the event loop, reports
 * progress and checks for cancellation. The dialog's live count and preview use the same
 * chunked query, so filtering 10,000 highlights never blocks typing.
 *
 * The pipeline is the command line's: the excerpt query, then `renderExport`
 * (shared/export/render.ts) with the same format id and options, so the file is the one
 * `marginalia export` writes for the same choices. Only the query is cut differently: it
 * runs once per document with live highlights (shared/model/highlighted-documents.ts),
 * and the pieces are put in order by the same `sortExcerpts` the one-call query ends with
 * (shared/export/sort.ts), which gives exactly `queryExcerpts(...)` for every sort.
 * Rendering yields through `renderExport`'s `onStep` (CSV is written in slices).
 *
 * A Web Worker was considered and not used: the worker would need the articles (parsed
 * ProseMirror documents, not structured-cloneable) and a copy of the Y.Doc, and the
 * budgets (≤ 1 s for 10k) make chunking on the main thread enough.
 */
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import type { Excerpt, ExportContext } from '#shared/export/excerpt.ts';
import { buildExportContext, queryExcerpts, type ExcerptFilter, type ExcerptSort } from '#shared/export/excerpts.ts';
import { usesExcerpts, type ExportFormatId } from '#shared/export/formats.ts';
import { renderExport, type ExportFormatOptions } from '#shared/export/render.ts';
import { excerptOrder, sortExcerpts } from '#shared/export/sort.ts';
import { highlightedDocumentIds } from '#shared/model/highlighted-documents.ts';
import type { SkipLog } from '#shared/model/read-guards.ts';

/** Thrown (as a rejection) when the run was cancelled through its signal. */
export class ExportCancelledError extends Error {
  override readonly name = 'ExportCancelledError';
  constructor() {
    super('the export was cancelled');
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
  readonly format: ExportFormatId;
  readonly options: ExportFormatOptions;
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

/** Yields to the event loop (a macrotask, so input and paint get a turn). */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelledError();
}

/** The document ids to query one by one: loaded articles in library order, then the others (not loaded) in one last step. */
export function documentChunks(doc: Y.Doc, articles: readonly Article[], only?: readonly string[]): string[][] {
  const present = highlightedDocumentIds(doc);
  const wanted = (id: string) => present.has(id) && (only === undefined || only.includes(id));
  const loaded = new Set(articles.map((article) => article.meta.id as string));
  const chunks = articles.map((article) => article.meta.id as string).filter(wanted).map((id) => [id]);
  const others = [...present].filter((id) => !loaded.has(id) && wanted(id)).sort();
  if (others.length > 0) chunks.push(others);
  return chunks;
}

/**
 * The excerpt query in per-document steps; resolves to the same list as
 * `queryExcerpts(doc, articles, filter, sort)`. `share` scales progress (0..1 of the run);
 * records no reader can use go to `skipped`.
 */
export async function queryExcerptsInChunks(
  doc: Y.Doc,
  articles: readonly Article[],
  filter: ExcerptFilter,
  sort: ExcerptSort,
  options: RunOptions & { readonly context?: ExportContext; readonly share?: number; readonly skipped?: SkipLog } = {},
): Promise<Excerpt[]> {
  const pause = options.yieldToUi ?? nextMacrotask;
  const share = options.share ?? 1;
  const chunks = documentChunks(doc, articles, filter.documents);
  const out: Excerpt[] = [];
  for (const [index, documents] of chunks.entries()) {
    checkCancelled(options.signal);
    out.push(...queryExcerpts(doc, articles, { ...filter, documents }, 'document', options.skipped));
    options.onProgress?.({ stage: 'query', fraction: (share * (index + 1)) / chunks.length });
    await pause();
  }
  checkCancelled(options.signal);
  const codebook = (options.context ?? buildExportContext(doc, [], '')).codebook;
  return sortExcerpts(out, sort, excerptOrder(articles.map((article) => article.meta.id), codebook));
}

/** Runs a whole export: query, render, ready to save. Rejects with {@link ExportCancelledError} when cancelled, or an `ExportError`. */
export async function runExport(job: ExportJob, options: RunOptions = {}): Promise<ExportOutput> {
  const pause = options.yieldToUi ?? nextMacrotask;
  const context = buildExportContext(job.doc, job.articles, job.exportedAt);
  const queries = usesExcerpts(job.format);
  const excerpts = queries ? await queryExcerptsInChunks(job.doc, job.articles, job.filter, job.sort, { ...options, context, share: 0.5 }) : [];
  checkCancelled(options.signal);
  const rendered = await renderExport(job.format, excerpts, {
    ...job.options,
    context,
    onStep: async (fraction) => {
      options.onProgress?.({ stage: 'format', fraction: queries ? 0.5 + fraction / 2 : fraction });
      await pause();
      checkCancelled(options.signal);
    },
  });
  return { content: rendered.data, count: rendered.count, removedCharacters: rendered.removedCharacters };
}
