/**
 * Rendering an export file away from the page: the requests and replies between the page
 * and the export worker (render.worker.ts), the handler that answers them (the worker's,
 * and the page's own where no worker starts), and the page's client.
 *
 * The page sends the queried excerpts in slices (each a short structured clone, with a
 * yield between them), then the format, its options and the project context; the worker
 * runs the same `renderExport` (shared/export/render.ts) the command line runs and answers
 * with the file as UTF-8 bytes, transferred rather than copied — exactly the bytes the
 * text gives, so the file is unchanged. A failure comes back as its `ExportError` problem
 * (or a message) and is raised again on the page.
 */
import type { Excerpt, ExportContext } from '#shared/export/excerpt.ts';
import { ExportError, type ExportProblem } from '#shared/export/export-error.ts';
import type { ExportFormatId } from '#shared/export/formats.ts';
import { renderExport, type ExportFormatOptions, type RenderedExport } from '#shared/export/render.ts';
import { nextTask } from '../services/event-loop.ts';

/** What the page asks. */
export type RenderRequest =
  | { readonly kind: 'excerpts'; readonly job: number; readonly excerpts: readonly Excerpt[] }
  | { readonly kind: 'render'; readonly job: number; readonly format: ExportFormatId; readonly options: ExportFormatOptions; readonly context: ExportContext };

/** What the worker answers to a `render`. */
export type RenderReply =
  | { readonly kind: 'rendered'; readonly job: number; readonly data: Uint8Array; readonly count: number; readonly removedCharacters: number }
  | { readonly kind: 'failed'; readonly job: number; readonly problem: ExportProblem | null; readonly message: string };

/** Excerpts per message: a clone of a few milliseconds. */
export const EXCERPTS_PER_MESSAGE = 250;

/** Answers requests: collects each job's excerpts, renders it when asked. */
export function createRenderHandler(): { handle(request: RenderRequest): Promise<RenderReply | null> } {
  const collected = new Map<number, Excerpt[]>();
  return {
    async handle(request) {
      const excerpts = collected.get(request.job) ?? [];
      if (request.kind === 'excerpts') {
        collected.set(request.job, excerpts.concat(request.excerpts));
        return null;
      }
      collected.delete(request.job);
      try {
        const rendered = await renderExport(request.format, excerpts, { ...request.options, context: request.context });
        const data = typeof rendered.data === 'string' ? new TextEncoder().encode(rendered.data) : rendered.data;
        return { kind: 'rendered', job: request.job, data, count: rendered.count, removedCharacters: rendered.removedCharacters };
      } catch (error) {
        const problem = error instanceof ExportError ? error.problem : null;
        return { kind: 'failed', job: request.job, problem, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

/** Checks a reply from the worker (null: not one). */
export function readRenderReply(value: unknown): RenderReply | null {
  if (typeof value !== 'object' || value === null) return null;
  const reply = value as Record<string, unknown>;
  if (!Number.isSafeInteger(reply.job)) return null;
  if (reply.kind === 'rendered' && reply.data instanceof Uint8Array && typeof reply.count === 'number' && typeof reply.removedCharacters === 'number') return reply as RenderReply;
  if (reply.kind === 'failed' && typeof reply.message === 'string') return reply as RenderReply;
  return null;
}

/** Sends a request; resolves with the reply to a `render` (null for `excerpts`). */
export type RenderTransport = (request: RenderRequest) => Promise<RenderReply | null>;

/** Requests answered on this thread (tests; the fallback when no worker starts). */
export function inThreadRenderTransport(): RenderTransport {
  const handler = createRenderHandler();
  return (request) => handler.handle(request);
}

/**
 * Requests answered by the export worker, started on first use. Where it cannot start, the
 * requests are answered on this thread; if it fails (it cannot load, or dies), each
 * unanswered job's requests are sent again to this thread.
 */
export function workerRenderTransport(): RenderTransport {
  let worker: Worker | null | undefined;
  const fallback = inThreadRenderTransport();
  const waiting = new Map<number, (reply: RenderReply | null) => void>();
  const sent = new Map<number, RenderRequest[]>();
  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      worker = new Worker(new URL('./render.worker.ts', import.meta.url), { type: 'module', name: 'export-render' });
    } catch {
      worker = null;
      return worker;
    }
    worker.onmessage = (event: MessageEvent) => {
      const reply = readRenderReply(event.data);
      if (reply === null) return;
      waiting.get(reply.job)?.(reply);
      waiting.delete(reply.job);
      sent.delete(reply.job);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker?.terminate();
      worker = null;
      const unanswered = [...sent.values()];
      const resolvers = new Map(waiting);
      sent.clear();
      waiting.clear();
      for (const requests of unanswered) {
        void (async () => {
          let reply: RenderReply | null = null;
          for (const request of requests) reply = await fallback(request);
          const job = requests[0]?.job;
          if (job !== undefined) resolvers.get(job)?.(reply);
        })();
      }
    };
    return worker;
  };
  return (request) => {
    const target = start();
    if (target === null) return fallback(request);
    sent.set(request.job, [...(sent.get(request.job) ?? []), request]);
    target.postMessage(request);
    if (request.kind === 'excerpts') return Promise.resolve(null);
    return new Promise((resolve) => waiting.set(request.job, resolve));
  };
}

let jobs = 0;

/** Options of {@link renderOffThread}. */
export type OffThreadOptions = {
  readonly transport: RenderTransport;
  /** Called after each slice of excerpts sent, with the fraction sent (0..1]. */
  readonly onSent?: (fraction: number) => void | Promise<void>;
  readonly yieldToUi?: () => Promise<void>;
};

/** Renders `excerpts` as a `format` file through `transport`; rejects with the `ExportError` the rendering raised. */
export async function renderOffThread(
  format: ExportFormatId,
  excerpts: readonly Excerpt[],
  render: ExportFormatOptions & { readonly context: ExportContext },
  options: OffThreadOptions,
): Promise<RenderedExport> {
  const pause = options.yieldToUi ?? nextTask;
  jobs += 1;
  const job = jobs;
  for (let start = 0; start < excerpts.length; start += EXCERPTS_PER_MESSAGE) {
    await options.transport({ kind: 'excerpts', job, excerpts: excerpts.slice(start, start + EXCERPTS_PER_MESSAGE) });
    await options.onSent?.(Math.min(1, (start + EXCERPTS_PER_MESSAGE) / excerpts.length));
    await pause();
  }
  const { context, ...formatOptions } = render;
  const reply = await options.transport({ kind: 'render', job, format, options: formatOptions, context });
  if (reply === null || reply.kind === 'failed') {
    if (reply?.problem) throw new ExportError(reply.problem);
    throw new Error(reply?.message ?? 'the export worker gave no answer');
  }
  return { data: reply.data, count: reply.count, removedCharacters: reply.removedCharacters };
}
