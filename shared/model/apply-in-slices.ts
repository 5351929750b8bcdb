/**
 * Applying a large update to a live doc without holding the page: the update arrives cut
 * into slices (update-slices.ts), each slice is applied in its own transaction, and the
 * caller's `pause` runs between them (a macrotask in the app), so input, painting and
 * observers interleave with the merge instead of waiting for one long task.
 *
 * The doc ends exactly as one `Y.applyUpdate` of the whole update leaves it (a CRDT: an
 * item whose origin lies in a later slice waits in Yjs's pending structs until it arrives).
 * Observers see the slices one by one; each sees only what its slice changed.
 */
import * as Y from 'yjs';

/** How to apply the slices. */
export type SliceApplyOptions = {
  /** Transaction origin of every slice (the app uses `importOrigin`). */
  readonly origin: unknown;
  /** Awaited between two slices (the app yields to the event loop). */
  readonly pause: () => Promise<void>;
  /** Called after each slice with how many are applied and how many there are. */
  readonly onProgress?: (applied: number, total: number) => void;
};

/**
 * Applies `slices` to `doc` in order, pausing between them.
 *
 * @example await applyInSlices(doc, [...updateSlices(update, 2000)], { origin: importOrigin, pause: nextTask })
 */
export async function applyInSlices(doc: Y.Doc, slices: readonly Uint8Array[], options: SliceApplyOptions): Promise<void> {
  for (let index = 0; index < slices.length; index++) {
    if (index > 0) await options.pause();
    Y.applyUpdate(doc, slices[index] as Uint8Array, options.origin);
    options.onProgress?.(index + 1, slices.length);
  }
}
