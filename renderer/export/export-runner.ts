/**
 * Runs an export in the renderer without freezing it: the work is cut into steps (the
 * query's of at most 8 ms, the writers' of a few tens of milliseconds), and between steps
 * the runner yields to the event loop, reports progress and checks for cancellation. The
 * dialog's live count and preview use the same sliced query, so filtering 10,000
 * highlights never blocks typing.
 *
 * The pipeline is the command line's: the excerpt query, then `renderExport`
 * (shared/export/render.ts) with the same format id and options, so the file is the one
 * `marginalia export` writes for the same choices. Only the query is cut differently: it
 * goes through the highlights in slices of at most 8 ms (`startExcerptQuery`), then puts
 * them in order with the same `sortExcerpts` the one-call query ends with, which gives
 * exactly `queryExcerpts(...)` for every sort.
 * Rendering yields through `renderExport`'s `onStep` (CSV is written in slices).
 *
 * A Web Worker was considered and not used: the worker would need the articles (parsed
 * ProseMirror documents, not structured-cloneable) and a copy of the Y.Doc, and the
 * budgets (≤ 1 s for 10k) make chunking on the main thread enough.
 */
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import type { Excerpt } from '#shared/export/excerpt.ts';
import { buildExportContext, startExcerptQuery, type ExcerptFilter, type ExcerptSort } from '#shared/export/excerpts.ts';
import { usesExcerpts, type ExportFormatId } from '#shared/export/formats.ts';
import { renderExport, type ExportFormatOptions } from '#shared/export/render.ts';
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

/** Highlights gone through between two looks at the clock. */
const QUERY_BATCH = 64;

/** Longest a query slice runs before yielding (ms): well inside a frame, so input is answered. */
export const QUERY_SLICE_MS = 8;

/**
 * The excerpt query in slices of at most `sliceMs` (default {@link QUERY_SLICE_MS}; 0 yields
 * after every batch of 64 highlights), yielding between slices; resolves to the same list
 * as `queryExcerpts(doc, articles, filter, sort)`. `share` scales progress (0..1 of the
 * run); records no reader can use go to `skipped`.
 */
export async function queryExcerptsInChunks(
  doc: Y.Doc,
  articles: readonly Article[],
  filter: ExcerptFilter,
  sort: ExcerptSort,
  options: RunOptions & { readonly share?: number; readonly skipped?: SkipLog; readonly sliceMs?: number } = {},
): Promise<Excerpt[]> {
  const pause = options.yieldToUi ?? nextMacrotask;
  const share = options.share ?? 1;
  const sliceMs = options.sliceMs ?? QUERY_SLICE_MS;
  checkCancelled(options.signal);
  const run = startExcerptQuery(doc, articles, filter, options.skipped);
  for (;;) {
    const started = performance.now();
    let finished = run.step(QUERY_BATCH);
    while (!finished && performance.now() - started < sliceMs) finished = run.step(QUERY_BATCH);
    options.onProgress?.({ stage: 'query', fraction: (share * run.done) / Math.max(1, run.total) });
    await pause();
    checkCancelled(options.signal);
    if (finished) return run.finish(sort);
  }
}

/** Runs a whole export: query, render, ready to save. Rejects with {@link ExportCancelledError} when cancelled, or an `ExportError`. */
export async function runExport(job: ExportJob, options: RunOptions = {}): Promise<ExportOutput> {
  const pause = options.yieldToUi ?? nextMacrotask;
  const context = buildExportContext(job.doc, job.articles, job.exportedAt);
  const queries = usesExcerpts(job.format);
  const excerpts = queries ? await queryExcerptsInChunks(job.doc, job.articles, job.filter, job.sort, { ...options, share: 0.5 }) : [];
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
