/**
 * Live highlights kept in text order (document, then start, end, id) as they come, change
 * and go, without sorting the whole list again. The ids recomputed are noted (`touch`);
 * `settle` takes out the ones that were listed, sorts the current items of all of them
 * among themselves and adds that as a sorted run. Runs are merged as they pile up, each
 * one merged into the run below it once it is at least half as long — a stack of runs
 * halving in length, so every item is merged O(log n) times and no settle costs more than
 * a few linear merges. A first build of 50,000 highlights read a slice at a time thus
 * costs a little per slice, where sorting them all when a reader asked took ~90 ms.
 */

/** Where a highlight sits in its document. */
export type Placed = {
  readonly id: string;
  readonly documentId: string;
  readonly position: { readonly start: number; readonly end: number };
};

/** Text order: document id, then start, end and id. */
export function byPosition(a: Placed, b: Placed): number {
  return (
    (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0) ||
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** An incrementally kept text order of live items. */
export interface TextOrder<T> {
  /** Notes that `id`'s item may have come, changed or gone; `listed`: whether an item of it is in the order now. */
  touch(id: string, listed: boolean): void;
  /** True when touched ids wait to be settled. */
  unsettled(): boolean;
  /** Applies the touched ids: `live(id)` gives the item now live under `id`, or undefined. */
  settle(live: (id: string) => T | undefined): void;
  /** The live items in text order as of the last `settle`. */
  items(): readonly T[];
}

/** An empty text order of items placed by `placeOf`. */
export function createTextOrder<T>(placeOf: (item: T) => Placed): TextOrder<T> {
  const compare = (a: T, b: T): number => byPosition(placeOf(a), placeOf(b));
  /** Sorted runs, each less than half as long as the one below it. */
  let runs: T[][] = [];
  let touched = new Set<string>();
  let anyListed = false;
  const mergeTop = (): void => {
    const top = runs.pop() as T[];
    const below = runs.pop() as T[];
    runs.push(mergeSorted(below, top, compare));
  };
  return {
    touch(id, listed) {
      touched.add(id);
      if (listed) anyListed = true;
    },
    unsettled: () => touched.size > 0,
    settle(live) {
      if (touched.size === 0) return;
      const changed = touched;
      touched = new Set();
      if (anyListed) runs = runs.map((run) => run.filter((item) => !changed.has(placeOf(item).id))).filter((run) => run.length > 0);
      anyListed = false;
      const added: T[] = [];
      for (const id of changed) {
        const item = live(id);
        if (item !== undefined) added.push(item);
      }
      if (added.length === 0) return;
      runs.push(added.sort(compare));
      while (runs.length > 1 && (runs[runs.length - 1] as T[]).length * 2 >= (runs[runs.length - 2] as T[]).length) mergeTop();
    },
    items() {
      while (runs.length > 1) mergeTop();
      return runs[0] ?? [];
    },
  };
}

/** Merges two lists, each sorted by `compare`, into one. */
function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const out: T[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(a[i] as T, b[j] as T) <= 0 ? (a[i++] as T) : (b[j++] as T);
  while (i < a.length) out[k++] = a[i++] as T;
  while (j < b.length) out[k++] = b[j++] as T;
  return out;
}
