/**
 * The export worker: collects the excerpts the page sends for a job and renders the file
 * when asked (render-jobs.ts), posting the bytes back transferred rather than copied.
 */
import { createRenderHandler, type RenderRequest } from './render-jobs.ts';

/** The parts of a worker's global scope used here (the renderer's types are the page's). */
type WorkerScope = {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

const scope = globalThis as unknown as WorkerScope;
const handler = createRenderHandler();

scope.onmessage = (event) => {
  void handler.handle(event.data as RenderRequest).then((reply) => {
    if (reply === null) return;
    scope.postMessage(reply, reply.kind === 'rendered' ? [reply.data.buffer as ArrayBuffer] : []);
  });
};
