/**
 * Compacting a project's stored updates: many updates (or one large one) become the same
 * state as causal slices (shared/model/causal-slices.ts) of at most `LOAD_SLICE_STRUCTS`
 * structs, each small enough to apply whole when the project next loads, in an order
 * that leaves nothing pending. Merging a large project's updates takes long, so it runs
 * in a module worker (update-compaction.worker.ts) and the page only writes the result;
 * where no worker can start (tests, a failed load) it runs here instead: slower to the
 * eye, never wrong.
 */
import * as Y from 'yjs';
import { causalSlices } from '#shared/model/causal-slices.ts';
import { LOAD_SLICE_STRUCTS } from '#shared/model/load-in-slices.ts';

/** The state of `updates` (oldest first) as causal slices. */
export function compactInThread(updates: readonly Uint8Array[]): Uint8Array[] {
  const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates([...updates]);
  return causalSlices(merged, LOAD_SLICE_STRUCTS);
}

/** Compacts in a worker when one can start; each call starts its own and ends it after the answer. */
export function compactUpdates(updates: readonly Uint8Array[]): Promise<Uint8Array[]> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./update-compaction.worker.ts', import.meta.url), { type: 'module', name: 'update-compaction' });
  } catch {
    return Promise.resolve().then(() => compactInThread(updates));
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent) => {
      worker.terminate();
      const data = event.data as { slices?: unknown; error?: unknown };
      if (Array.isArray(data.slices) && data.slices.every((slice) => slice instanceof Uint8Array)) resolve(data.slices as Uint8Array[]);
      else reject(new Error(typeof data.error === 'string' ? data.error : 'compaction failed'));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(Promise.resolve().then(() => compactInThread(updates)));
    };
    worker.postMessage({ updates });
  });
}
