/**
 * Checks uploaded texts of added documents in a worker thread (text-check-worker.ts), so
 * that parsing a large text never stalls the rooms: one worker, started on first use,
 * checking one text at a time in arrival order. A worker that dies fails the checks it
 * held (the uploads get 503) and is replaced at the next check.
 */
import { Worker } from 'node:worker_threads';
import type { DocumentId } from '#shared/documents/manifest.ts';

/** Checks texts off the event loop. */
export interface TextChecker {
  /** Null when `source` is the text `documentId` names; otherwise why not. Rejects if the worker failed. */
  check(source: string, documentId: DocumentId): Promise<string | null>;
  /** Stops the worker. */
  close(): Promise<void>;
}

interface Pending {
  resolve(reason: string | null): void;
  reject(error: Error): void;
}

/** Creates the checker (no thread is started until the first check). */
export function createTextChecker(): TextChecker {
  let worker: Worker | null = null;
  let seq = 0;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error): void => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const started = new Worker(new URL('./text-check-worker.ts', import.meta.url));
    started.unref();
    started.on('message', (message: { seq: number; reason: string | null }) => {
      const entry = pending.get(message.seq);
      pending.delete(message.seq);
      entry?.resolve(message.reason);
      if (pending.size === 0) started.unref();
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      failAll(new Error(`the text checker stopped (exit code ${code})`));
    });
    return started;
  };

  return {
    check(source, documentId) {
      worker ??= start();
      const current = worker;
      current.ref();
      const id = ++seq;
      return new Promise<string | null>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        current.postMessage({ seq: id, source, documentId });
      });
    },
    async close() {
      const current = worker;
      worker = null;
      if (current) await current.terminate();
    },
  };
}
