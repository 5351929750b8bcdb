/**
 * Loading a project's stored updates into its doc without holding the page: the work is
 * cut into small steps — applying a small stored update whole, planning a large one's
 * causal slices a few hundred structs at a time (causal-slices.ts), applying one slice —
 * and the steps run in turns of at most a time budget each, one transaction per turn,
 * with the caller's `pause` between turns (a macrotask in the app), so input, painting and
 * a progress bar get the main thread between them.
 *
 * Small updates within the first {@link WARM_UP_BYTES} are cut finer too, while the code is cold.
 *
 * The updates may come in batches that are still being read (`loadBatchesInSlices`): the
 * load applies each batch as soon as it has arrived and waits only when it reaches one that
 * has not, so reading the store and applying what it read overlap instead of following
 * each other.
 *
 * The doc ends exactly as applying every stored update in order leaves it (a CRDT; the
 * causal order leaves no structs pending between slices). Observers see one transaction
 * per turn, all with the caller's origin (the app uses `persistenceOrigin`, which undo
 * never tracks).
 */
import * as Y from 'yjs';
import { planCausalSlices } from './causal-slices.ts';
import { applyUpdateQuickly } from './quick-update-decoder.ts';

/** Stored updates up to this size are applied whole: one of them stays well within a turn. */
export const WHOLE_UPDATE_BYTES = 64 * 1024;

/** Structs per slice of a large stored update (about 40 KB of the sample project, so a compacted slice is applied whole). */
export const LOAD_SLICE_STRUCTS = 500;

/** Structs a planning step reads before it lets the turn check its budget. */
const PLAN_STEP_STRUCTS = 500;

/**
 * Bytes at the start of a load whose small updates are cut into slices of
 * {@link WARM_UP_SLICE_STRUCTS} rather than applied whole: the first turns run
 * Yjs's decoder before the engine has optimised it, and one compacted slice of the 10k
 * project (~40 KB, 500 structs) applied whole there took 30–46 ms, a frame over 50 ms with
 * whatever else the restarted page was doing.
 */
export const WARM_UP_BYTES = 256 * 1024;

/** Structs per slice while warming up. */
export const WARM_UP_SLICE_STRUCTS = 100;

/** How to load. */
export type LoadOptions = {
  /** Transaction origin of the load. */
  readonly origin: unknown;
  /** Awaited between two turns (the app yields to the event loop). */
  readonly pause: () => Promise<void>;
  /** Longest a turn keeps going once a step is done (ms). */
  readonly budgetMs: number;
  /** Called after each turn with the bytes loaded so far and in all. */
  readonly onProgress?: (loaded: number, total: number) => void;
  /** Clock in ms (the app passes `performance.now`; default `Date.now`). */
  readonly now?: () => number;
};

/** What a load came to. */
export type LoadOutcome = {
  /** Turns taken (1 when everything fitted in one). */
  readonly turns: number;
  /** Stored updates that were too large to apply whole and were cut into more than one slice. */
  readonly cut: number;
};

/** A batch of stored updates, oldest first: read already, or still being read. */
export type UpdateBatch = readonly Uint8Array[] | Promise<readonly Uint8Array[]>;

/** The batches as they arrive: each one's updates once it has, and the bytes of those that have. */
type Arrivals = { readonly updates: Array<readonly Uint8Array[] | undefined>; bytes: number; count: number };

/** Follows `batches` as they arrive (a batch that fails is awaited, and so fails, by the load itself). */
function followArrivals(batches: readonly UpdateBatch[]): Arrivals {
  const arrivals: Arrivals = { updates: [], bytes: 0, count: 0 };
  const arrive = (index: number, updates: readonly Uint8Array[]): void => {
    arrivals.updates[index] = updates;
    arrivals.bytes += updates.reduce((sum, update) => sum + update.length, 0);
    arrivals.count += 1;
  };
  batches.forEach((batch, index) => {
    arrivals.updates.push(undefined);
    if (batch instanceof Promise) batch.then((updates) => arrive(index, updates), () => undefined);
    else arrive(index, batch);
  });
  return arrivals;
}

/** The load's steps; each yields the bytes it finished, or a batch it must wait for. */
function* loadSteps(doc: Y.Doc, batches: readonly UpdateBatch[], arrivals: Arrivals, origin: unknown, counts: { cut: number }): Generator<number | Promise<unknown>, void, undefined> {
  let seen = 0;
  for (let index = 0; index < batches.length; index += 1) {
    while (arrivals.updates[index] === undefined) yield batches[index] as Promise<unknown>;
    const updates = arrivals.updates[index] as readonly Uint8Array[];
    yield* updateSteps(doc, updates, seen, origin, counts);
    seen += updates.reduce((sum, update) => sum + update.length, 0);
  }
}

/** The steps of one batch's `updates`, `seen` bytes into the load. */
function* updateSteps(doc: Y.Doc, updates: readonly Uint8Array[], seenBefore: number, origin: unknown, counts: { cut: number }): Generator<number, void, undefined> {
  let seen = seenBefore;
  for (const update of updates) {
    // A large update is cut in any case; cutting all of it finer would only add applies.
    const warming = seen < WARM_UP_BYTES && update.length <= WHOLE_UPDATE_BYTES;
    seen += update.length;
    if (update.length <= WHOLE_UPDATE_BYTES && !warming) {
      applyUpdateQuickly(doc, update, origin);
      yield update.length;
      continue;
    }
    const plan = planCausalSlices(update, warming ? WARM_UP_SLICE_STRUCTS : LOAD_SLICE_STRUCTS, PLAN_STEP_STRUCTS);
    let step = plan.next();
    while (step.done !== true) {
      yield 0;
      step = plan.next();
    }
    // Only a large update cut counts (it asks for the store to be compacted); a warm-up cut does not.
    if (update.length > WHOLE_UPDATE_BYTES && step.value.length > 1) counts.cut += 1;
    let left = update.length;
    for (const slice of step.value) {
      applyUpdateQuickly(doc, slice, origin);
      const done = Math.min(left, slice.length);
      left -= done;
      yield done;
    }
    if (left > 0) yield left;
  }
}

/**
 * Applies `updates` (a project's stored updates, oldest first) to `doc` in turns of at
 * most `budgetMs` (one step may overrun it), pausing between turns.
 *
 * @example await loadInSlices(doc, stored, { origin: persistenceOrigin, pause: nextTask, budgetMs: 8 })
 */
export function loadInSlices(doc: Y.Doc, updates: readonly Uint8Array[], options: LoadOptions): Promise<LoadOutcome> {
  return loadBatchesInSlices(doc, [updates], options);
}

/**
 * {@link loadInSlices} over `batches` of updates (oldest first) that may still be being
 * read: each is applied as soon as it has arrived. Until every batch has, the total given
 * to `onProgress` is an estimate (the bytes arrived per batch so far, times the batches),
 * and before the first has, there is no progress to report.
 * A batch that fails fails the load, with what came before it applied.
 *
 * @example await loadBatchesInSlices(doc, stored.batches, { origin: persistenceOrigin, pause: nextTask, budgetMs: 8 })
 */
export async function loadBatchesInSlices(doc: Y.Doc, batches: readonly UpdateBatch[], options: LoadOptions): Promise<LoadOutcome> {
  const now = options.now ?? Date.now;
  const arrivals = followArrivals(batches);
  const counts = { cut: 0 };
  const steps = loadSteps(doc, batches, arrivals, options.origin, counts);
  let loaded = 0;
  let turns = 0;
  let done = false;
  let waitFor: Promise<unknown> | null = null;
  while (!done) {
    if (waitFor !== null) await waitFor;
    waitFor = null;
    if (turns > 0) await options.pause();
    turns += 1;
    const start = now();
    doc.transact(() => {
      do {
        const step = steps.next();
        if (step.done === true) done = true;
        else if (typeof step.value === 'number') loaded += step.value;
        else waitFor = step.value;
      } while (!done && waitFor === null && now() - start < options.budgetMs);
    }, options.origin);
    // Before any batch has arrived there is no total to give.
    if (arrivals.count === 0 && batches.length > 0) continue;
    const total = arrivals.count === batches.length ? arrivals.bytes : (arrivals.bytes / arrivals.count) * batches.length;
    options.onProgress?.(loaded, total);
  }
  return { turns, cut: counts.cut };
}
