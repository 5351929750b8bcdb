/**
 * Applies a Yjs update to a room in slices of at most so many structs, yielding to the
 * event loop between slices (docs/architecture.md §9).
 *
 * Yjs integrates an update in one synchronous transaction: a 50,000-struct update (a
 * merged project file, a client's first sync of a large project) or a large stored room
 * being loaded holds the server's event loop for hundreds of milliseconds, and every
 * other room's deliveries wait behind it. Cut by update-slices.ts and applied one slice
 * per turn, the same update ends in the same state while other sockets are served
 * between slices. Each slice is a transaction of its own, so the room's `update` event
 * (the persistence log, the broadcast) fires once per slice.
 */
import * as Y from 'yjs';
import { updateSlices } from '#shared/model/update-slices.ts';

/** Resolves on the next turn of the event loop, after pending I/O. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Applies `update` (V1) to `doc` with `origin`, `structsPerTurn` structs at a time.
 * Before each slice after the first, `keepGoing()` is asked; false stops (returns false).
 */
export async function applyInSlices(
  doc: Y.Doc,
  update: Uint8Array,
  origin: unknown,
  structsPerTurn: number,
  keepGoing: () => boolean = () => true,
): Promise<boolean> {
  let first = true;
  for (const slice of updateSlices(update, structsPerTurn)) {
    if (!first) {
      await nextTurn();
      if (!keepGoing()) return false;
    }
    first = false;
    Y.applyUpdate(doc, slice, origin);
  }
  return true;
}
