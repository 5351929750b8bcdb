/**
 * The project-file worker: receives requests from the page, checks each one
 * (file-jobs-protocol.ts), runs it through the handler (file-jobs-handler.ts) and posts the
 * reply, the slices' buffers transferred rather than copied.
 */
import { createFileJobHandler } from './file-jobs-handler.ts';
import { readJobRequest } from './file-jobs-protocol.ts';

/** The parts of a worker's global scope used here (the renderer's types are the page's). */
type WorkerScope = {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

const scope = globalThis as unknown as WorkerScope;
const handler = createFileJobHandler();

scope.onmessage = (event) => {
  const request = readJobRequest(event.data);
  if (request === null) {
    const job = (event.data as { job?: unknown } | null)?.job;
    if (Number.isSafeInteger(job)) scope.postMessage({ kind: 'failed', job, error: 'the request was not understood' });
    return;
  }
  const reply = handler.handle(request);
  if (reply === null) return;
  const transfer = reply.kind === 'prepared' ? [...new Set(reply.slices.map((slice) => slice.buffer as ArrayBuffer))] : [];
  scope.postMessage(reply, transfer);
};
