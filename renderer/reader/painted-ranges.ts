/**
 * Painted ranges: which stretches of an article already carry their highlight decorations.
 *
 * A densely coded article (~2,000 overlapping highlights, ~2,700 segments) cannot be
 * painted in the frame that opens it within docs/architecture.md §8's budget: ProseMirror creates one
 * wrapper per segment and adds its classes one at a time (~100 ms measured in Chromium).
 * So the highlights plugin paints the visible part first and the rest in later chunks
 * (progressive-paint.ts); these pure helpers keep the ranges that are done, sorted and
 * merged, and pick the next chunk nearest to what the reader looks at.
 */

/** A half-open stretch [from, to) of ProseMirror positions. */
export type PositionRange = readonly [from: number, to: number];

/** Sorts and merges overlapping or touching ranges, dropping empty ones. */
export function mergeRanges(ranges: Iterable<PositionRange>): PositionRange[] {
  const sorted = [...ranges].filter(([from, to]) => to > from).sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = out.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** The parts of `range` inside the merged ranges `within`, in order. */
export function intersectRanges(range: PositionRange, within: readonly PositionRange[]): PositionRange[] {
  const out: PositionRange[] = [];
  for (const [from, to] of within) {
    const low = Math.max(from, range[0]);
    const high = Math.min(to, range[1]);
    if (high > low) out.push([low, high]);
  }
  return out;
}

/** True if the merged ranges cover [0, size]. */
export function coversAll(painted: readonly PositionRange[], size: number): boolean {
  const [first] = painted;
  return size <= 0 || (painted.length === 1 && first !== undefined && first[0] <= 0 && first[1] >= size);
}

/**
 * The next stretch to paint: at most `chunk` positions of the unpainted gap nearest to
 * `around` (the middle of what is on screen), taken from that gap's side facing `around`.
 * Null when everything in [0, size] is painted.
 */
export function nextChunk(painted: readonly PositionRange[], size: number, around: number, chunk: number): PositionRange | null {
  let best: { gap: PositionRange; distance: number } | null = null;
  let cursor = 0;
  const consider = (from: number, to: number): void => {
    if (to <= from) return;
    const distance = around < from ? from - around : around > to ? around - to : 0;
    // On a tie the later gap wins: text below the viewport is read next.
    if (best === null || distance <= best.distance) best = { gap: [from, to], distance };
  };
  for (const [from, to] of painted) {
    consider(cursor, Math.min(from, size));
    cursor = Math.max(cursor, to);
  }
  consider(cursor, size);
  if (best === null) return null;
  const [from, to] = (best as { gap: PositionRange }).gap;
  if (around >= to) return [Math.max(from, to - chunk), to];
  const start = Math.max(from, Math.min(around, to - chunk));
  return [start, Math.min(to, start + chunk)];
}

/** The parts of `range` outside the merged ranges `painted`, in order. */
export function unpaintedParts(range: PositionRange, painted: readonly PositionRange[]): PositionRange[] {
  const out: PositionRange[] = [];
  let cursor = range[0];
  for (const [from, to] of painted) {
    if (to <= cursor) continue;
    if (from >= range[1]) break;
    if (from > cursor) out.push([cursor, from]);
    cursor = Math.max(cursor, to);
  }
  if (cursor < range[1]) out.push([cursor, range[1]]);
  return out;
}
