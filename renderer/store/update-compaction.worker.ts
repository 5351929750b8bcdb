/**
 * The compaction worker: receives a project's stored updates, answers with the same state
 * as causal slices (update-compaction.ts), their buffers transferred rather than copied,
 * or with the reason it could not.
 */
import { compactInThread } from './update-compaction.ts';

/** The parts of a worker's global scope used here (the renderer's types are the page's). */
type WorkerScope = {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const updates = (event.data as { updates?: unknown } | null)?.updates;
  if (!Array.isArray(updates) || !updates.every((update) => update instanceof Uint8Array)) {
    scope.postMessage({ error: 'the request was not understood' });
    return;
  }
  try {
    const slices = compactInThread(updates as Uint8Array[]).map((slice) => slice.slice());
    scope.postMessage({ slices }, slices.map((slice) => slice.buffer as ArrayBuffer));
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
