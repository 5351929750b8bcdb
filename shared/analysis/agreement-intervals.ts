/**
 * Sets of coded code points as sorted, disjoint half-open intervals [start, end).
 *
 * Agreement counts code points, not highlights (docs/architecture.md §10): a coder's
 * overlapping or touching highlights with one code cover one set, so they are merged first
 * and every measure works on the merged runs. Sizes and intersections are then linear
 * sweeps over two sorted lists, never a bitmap of the text.
 */

/** A half-open interval [start, end) of code points. */
export type Interval = readonly [start: number, end: number];

/**
 * Sorts `intervals` and merges those that overlap or touch; empty ones are dropped. The
 * result covers exactly the same code points, as maximal runs.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter(([start, end]) => end > start).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Number of code points in merged intervals. */
export function coveredLength(merged: readonly Interval[]): number {
  let total = 0;
  for (const [start, end] of merged) total += end - start;
  return total;
}

/** Number of code points two merged interval lists share. */
export function intersectionLength(first: readonly Interval[], second: readonly Interval[]): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    const [startA, endA] = first[i] as Interval;
    const [startB, endB] = second[j] as Interval;
    const overlap = Math.min(endA, endB) - Math.max(startA, startB);
    if (overlap > 0) total += overlap;
    if (endA <= endB) i++;
    else j++;
  }
  return total;
}
