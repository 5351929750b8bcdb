/**
 * Applying a large update to a live doc without holding the page: the update arrives cut
 * into small slices (causal-slices.ts), and each task applies as many of them as fit in a
 * time budget (8 ms by default) in one transaction, then the caller's `pause` runs (a
 * macrotask in the app), so input, painting and observers interleave with the merge
 * instead of waiting for one long task. Slices are sized by time, not by count: the
 * budget adapts to what each task really cost, observers and the update event included.
 *
 * While slices are being applied to a doc, `slicesInProgress(doc)` says so (with their
 * origin), and `afterSlices(doc, listener)` runs `listener` once they are all in: readers
 * that rebuild from the whole doc (the library's counts, the project summary) wait for the
 * end instead of rebuilding after every task.
 *
 * The doc ends exactly as one `Y.applyUpdate` of the whole update leaves it (a CRDT: an
 * item whose origin lies in a later slice waits in Yjs's pending structs until it arrives).
 * Observers see the tasks one by one; each sees only what its slices changed.
 */
import * as Y from 'yjs';
import { applyUpdateQuickly } from './quick-update-decoder.ts';

/** How to apply the slices. */
export type SliceApplyOptions = {
  /** Transaction origin of every slice (the app uses `importOrigin`). */
  readonly origin: unknown;
  /** Awaited between two tasks (the app yields to the event loop). */
  readonly pause: () => Promise<void>;
  /** Called after each task with how many slices are applied and how many there are. */
  readonly onProgress?: (applied: number, total: number) => void;
  /** Longest a task should take, observers included (ms; default 8). */
  readonly budgetMs?: number;
  /** The clock in ms (default `performance.now`). */
  readonly now?: () => number;
};

/** Slices being applied to a doc: their origin and who waits for the end. */
type InProgress = { readonly origin: unknown; readonly waiting: Set<() => void>; runs: number };

const inProgress = new WeakMap<Y.Doc, InProgress>();

/** `performance.now()` where there is one (browsers, Node), else the wall clock. */
function monotonicNow(): number {
  const clock = (globalThis as { performance?: { now(): number } }).performance;
  return clock === undefined ? Date.now() : clock.now();
}

/** The origin of the slices being applied to `doc` right now, or undefined when none are. */
export function slicesInProgress(doc: Y.Doc): { readonly origin: unknown } | undefined {
  return inProgress.get(doc);
}

/** Calls `listener` once the slices being applied to `doc` are all in (at once when none are). */
export function afterSlices(doc: Y.Doc, listener: () => void): void {
  const current = inProgress.get(doc);
  if (current === undefined) listener();
  else current.waiting.add(listener);
}

/**
 * Applies `slices` to `doc` in order, as many per task as fit the budget, pausing between tasks.
 *
 * @example await applyInSlices(doc, slices, { origin: importOrigin, pause: nextTask })
 */
export async function applyInSlices(doc: Y.Doc, slices: readonly Uint8Array[], options: SliceApplyOptions): Promise<void> {
  const now = options.now ?? monotonicNow;
  const budget = options.budgetMs ?? 8;
  let current = inProgress.get(doc);
  if (current === undefined) {
    current = { origin: options.origin, waiting: new Set(), runs: 0 };
    inProgress.set(doc, current);
  }
  current.runs++;
  // Time spent applying per task; the rest of a task is observers and the update event.
  let applyBudget = budget / 2;
  let index = 0;
  try {
    while (index < slices.length) {
      if (index > 0) await options.pause();
      const started = now();
      let applyEnded = started;
      // Not local, as `Y.applyUpdate` (and so `applyUpdateQuickly`) marks its own transactions.
      Y.transact(doc, () => {
        do {
          applyUpdateQuickly(doc, slices[index] as Uint8Array, options.origin);
          index++;
          applyEnded = now();
        } while (index < slices.length && applyEnded - started < applyBudget);
      }, options.origin, false);
      const spent = Math.max(now() - started, 0.001);
      applyBudget = Math.min(budget, Math.max(0.5, (budget * (applyEnded - started)) / spent));
      options.onProgress?.(index, slices.length);
    }
  } finally {
    current.runs--;
    if (current.runs === 0) {
      inProgress.delete(doc);
      for (const listener of current.waiting) listener();
    }
  }
}
