/**
 * Runs an export in the renderer without freezing it: the work is cut into slices of a few
 * milliseconds, and between slices the runner yields to the event loop (to the next
 * rendered frame once it has held the page for a frame's worth: yielding only to tasks,
 * Chromium ran the slices back to back and painted every ~100 ms), reports progress
 * and checks for cancellation. The dialog's live count and preview use the same sliced
 * query, so filtering 10,000 highlights never blocks typing.
 *
 * The pipeline is the command line's: the excerpt query, then `renderExport`
 * (shared/export/render.ts) with the same format id and options, so the file is the one
 * `marginalia export` writes for the same choices. Only the query is cut: it runs as the
 * steps of `startExcerptQuery` (shared/export/excerpts.ts), one view context for the whole
 * run, at most {@link SLICE_MS} of highlights per slice, and ends with the same
 * `sortExcerpts` the one-call query ends with (shared/export/sort.ts), which gives exactly
 * `queryExcerpts(...)` for every sort. CSV is rendered here, yielding through
 * `renderExport`'s `onStep` between slices; the formats written in one call (Markdown,
 * JSON-LD, REFI-QDA), hundreds of milliseconds at 10,000 excerpts, go to the export worker
 * when the caller gives one (render-jobs.ts), so the page never holds them in one task.
 */
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import type { Excerpt } from '#shared/export/excerpt.ts';
import { buildExportContext, startExcerptQuery, type ExcerptFilter, type ExcerptSort } from '#shared/export/excerpts.ts';
import { usesExcerpts, type ExportFormatId } from '#shared/export/formats.ts';
import { renderExport, type ExportFormatOptions } from '#shared/export/render.ts';
import type { SkipLog } from '#shared/model/read-guards.ts';
import { framePacedPause } from '../services/event-loop.ts';
import { renderOffThread, type RenderTransport } from './render-jobs.ts';

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
  /** Lets the UI breathe between steps; defaults to a frame-paced pause (`framePacedPause`: a task, or the next frame once the work has held the page for 16 ms). */
  readonly yieldToUi?: () => Promise<void>;
  /** Longest stretch of query work between two yields, in ms (default {@link SLICE_MS}). */
  readonly sliceMs?: number;
  /**
   * Where formats written in one call (all but CSV, which is written in slices here) are
   * rendered: the export worker in the dialog; on this thread when not given.
   */
  readonly renderer?: RenderTransport;
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
  /**
   * The result of this very query on the project as it is now, when the caller already
   * has it (the dialog's count ran it); the query is then not run again.
   */
  readonly excerpts?: readonly Excerpt[];
};

/** A finished export, ready for `platform.saveFile`. */
export type ExportOutput = {
  readonly content: string | Uint8Array;
  /** Excerpts written (tags for a codebook). */
  readonly count: number;
  /** Characters XML could not carry (REFI-QDA only); worth telling the person. */
  readonly removedCharacters: number;
};

/** Longest stretch of query work between two yields, in ms: well inside a frame. */
export const SLICE_MS = 8;

/** Highlights visited between two reads of the clock. */
const BATCH = 32;

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelledError();
}

/**
 * The excerpt query in slices of at most `sliceMs` of work each (a clock read every few
 * highlights), yielding between slices; resolves to the same list as
 * `queryExcerpts(doc, articles, filter, sort)`. `share` scales progress (0..1 of the run);
 * records no reader can use go to `skipped`.
 */
export async function queryExcerptsInSlices(
  doc: Y.Doc,
  articles: readonly Article[],
  filter: ExcerptFilter,
  sort: ExcerptSort,
  options: RunOptions & { readonly share?: number; readonly skipped?: SkipLog } = {},
): Promise<Excerpt[]> {
  const pause = options.yieldToUi ?? framePacedPause();
  const share = options.share ?? 1;
  const sliceMs = options.sliceMs ?? SLICE_MS;
  checkCancelled(options.signal);
  const run = startExcerptQuery(doc, articles, filter, options.skipped);
  let left = run.total;
  while (left > 0) {
    const until = performance.now() + sliceMs;
    do left = run.step(BATCH);
    while (left > 0 && performance.now() < until);
    options.onProgress?.({ stage: 'query', fraction: (share * (run.total - left)) / run.total });
    await pause();
    checkCancelled(options.signal);
  }
  return run.finish(sort);
}

/** Runs a whole export: query, render, ready to save. Rejects with {@link ExportCancelledError} when cancelled, or an `ExportError`. */
export async function runExport(job: ExportJob, options: RunOptions = {}): Promise<ExportOutput> {
  const pause = options.yieldToUi ?? framePacedPause();
  const context = buildExportContext(job.doc, job.articles, job.exportedAt);
  const queries = usesExcerpts(job.format) && job.excerpts === undefined;
  const excerpts = !usesExcerpts(job.format) ? [] : job.excerpts ?? (await queryExcerptsInSlices(job.doc, job.articles, job.filter, job.sort, { ...options, yieldToUi: pause, share: 0.5 }));
  checkCancelled(options.signal);
  const step = async (fraction: number) => {
    options.onProgress?.({ stage: 'format', fraction: queries ? 0.5 + fraction / 2 : fraction });
    await pause();
    checkCancelled(options.signal);
  };
  const render = { ...job.options, context };
  const rendered =
    options.renderer !== undefined && job.format !== 'csv'
      ? await renderOffThread(job.format, excerpts, render, { transport: options.renderer, yieldToUi: pause, onSent: (fraction) => step(0.9 * fraction) })
      : await renderExport(job.format, excerpts, { ...render, onStep: step });
  checkCancelled(options.signal);
  options.onProgress?.({ stage: 'format', fraction: 1 });
  return { content: rendered.data, count: rendered.count, removedCharacters: rendered.removedCharacters };
}
