/**
 * The page's side of the project-file jobs: check a file (what it brings, or why it is
 * refused) and prepare its merge as slices, answered by the project-file worker
 * (file-jobs.worker.ts) so the page stays responsive while a large file is read. Where no
 * worker can start (or it fails to load), the same handler runs on the page instead:
 * slower to the eye, never wrong. Replies are checked (file-jobs-protocol.ts) before use.
 */
import type { IncomingSummary } from '#shared/model/incoming-summary.ts';
import type { MemberId } from '#shared/model/ids.ts';
import type { ProjectSummary } from '../store/project-registry.ts';
import { createFileJobHandler } from './file-jobs-handler.ts';
import { readJobReply, type FileText, type JobReply, type JobRequest } from './file-jobs-protocol.ts';

/** Structs per slice of a merge: small, so the page fits as many as its time budget allows in a task (apply-in-slices.ts). */
export const MERGE_SLICE_STRUCTS = 200;

/** Sends a request and resolves with its checked reply (`forget` resolves with null). */
export type JobTransport = (request: JobRequest, transfer?: Transferable[]) => Promise<JobReply | null>;

/** A file's merge, ready: the slices to apply in order and the texts of its added documents. */
export interface PreparedFile {
  readonly slices: readonly Uint8Array[];
  readonly texts: readonly FileText[];
  /** Asked `whole`: the new project's summary. */
  readonly summary?: ProjectSummary;
}

/** A checked file, held by the worker until it is prepared or forgotten. */
export interface CheckedFileJob {
  readonly summary: IncomingSummary;
  /** The merge as slices to apply in order, and the texts the file carries; throws with a reason if it cannot be prepared. */
  prepare(options: {
    readonly member: MemberId | null;
    readonly join: boolean;
    /** The project's changes since the check (null: none). */
    readonly catchUp?: Uint8Array | null;
    /** For a file checked against an empty project: its update in one piece, with the project's summary. */
    readonly whole?: boolean;
  }): Promise<PreparedFile>;
  /** Frees the job (after a Cancel). */
  forget(): void;
}

/** The jobs. */
export interface FileJobs {
  /** Checks `bytes` against the open project's state (null: an empty project). */
  check(bytes: Uint8Array, live: Uint8Array | null): Promise<{ readonly ok: true; readonly job: CheckedFileJob } | { readonly ok: false; readonly error: string }>;
}

/** Jobs answered by the handler on this thread (tests; the fallback when no worker starts). */
export function inThreadTransport(): JobTransport {
  const handler = createFileJobHandler();
  return (request) => Promise.resolve().then(() => handler.handle(request));
}

/** Jobs answered by a module worker, started on first use; falls back to this thread if it cannot start. */
export function workerTransport(): JobTransport {
  let worker: Worker | null | undefined;
  const fallback = inThreadTransport();
  const waiting = new Map<number, { readonly request: JobRequest; readonly resolve: (reply: JobReply | null) => void }>();
  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      worker = new Worker(new URL('./file-jobs.worker.ts', import.meta.url), { type: 'module', name: 'project-files' });
    } catch {
      worker = null;
      return worker;
    }
    worker.onmessage = (event: MessageEvent) => {
      const reply = readJobReply(event.data);
      if (reply === null) return;
      waiting.get(reply.job)?.resolve(reply);
      waiting.delete(reply.job);
    };
    // A worker that cannot load (or dies) is not tried again: what it was asked is answered here.
    worker.onerror = (event) => {
      event.preventDefault();
      worker?.terminate();
      worker = null;
      const asked = [...waiting.values()];
      waiting.clear();
      for (const { request, resolve } of asked) void fallback(request).then(resolve);
    };
    return worker;
  };
  return (request, transfer = []) => {
    const target = start();
    if (target === null) return fallback(request);
    if (request.kind === 'forget') {
      target.postMessage(request);
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      waiting.set(request.job, { request, resolve });
      target.postMessage(request, transfer);
    });
  };
}

/** Creates the jobs over `transport`. */
export function createFileJobs(transport: JobTransport): FileJobs {
  let nextJob = 1;
  return {
    async check(bytes, live) {
      const job = nextJob++;
      const reply = await transport({ kind: 'check', job, bytes, live });
      if (reply?.kind === 'refused' || reply?.kind === 'failed') return { ok: false, error: reply.error };
      if (reply?.kind !== 'checked') return { ok: false, error: 'the file could not be checked' };
      return {
        ok: true,
        job: {
          summary: reply.summary,
          async prepare({ member, join, catchUp = null, whole = false }) {
            const prepared = await transport({ kind: 'prepare', job, member, join, catchUp, sliceStructs: MERGE_SLICE_STRUCTS, ...(whole ? { whole } : {}) });
            if (prepared?.kind === 'failed' || prepared?.kind === 'refused') throw new Error(prepared.error);
            if (prepared?.kind !== 'prepared') throw new Error('the merge could not be prepared');
            return { slices: prepared.slices, texts: prepared.texts, ...(prepared.summary === undefined ? {} : { summary: prepared.summary }) };
          },
          forget: () => void transport({ kind: 'forget', job }),
        },
      };
    },
  };
}
