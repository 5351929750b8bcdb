/**
 * Margin layout: each note wants to sit level with its highlight; when notes crowd they
 * stack downwards without overlapping. One pass: sort by wanted top (ties by id for
 * stability), then push each note below the previous one's bottom plus a gap. The focused
 * note may instead be pinned to its highlight, pushing earlier notes up (Hypothesis-style)
 * so the note the person is looking at is never displaced.
 */

/** A note to place: where it would like to be and how tall it is. */
export interface MarginItem {
  readonly id: string;
  /** Top of the highlight, in margin coordinates (px). */
  readonly anchorTop: number;
  readonly height: number;
}

/** Gap between stacked notes (px). */
export const MARGIN_GAP = 8;

/** Tops (px) for each item id; no two items overlap, and none is above `minTop`. */
export function layoutMargin(items: readonly MarginItem[], options: { readonly focusedId?: string | null; readonly gap?: number; readonly minTop?: number } = {}): Map<string, number> {
  const gap = options.gap ?? MARGIN_GAP;
  const minTop = options.minTop ?? 0;
  const sorted = [...items].sort((a, b) => a.anchorTop - b.anchorTop || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tops = new Array<number>(sorted.length);
  let bottom = minTop - gap;
  sorted.forEach((item, index) => {
    tops[index] = Math.max(item.anchorTop, bottom + gap);
    bottom = (tops[index] as number) + item.height;
  });
  const focusIndex = options.focusedId == null ? -1 : sorted.findIndex((item) => item.id === options.focusedId);
  if (focusIndex >= 0) {
    const focused = sorted[focusIndex] as MarginItem;
    const pinned = Math.max(minTop, focused.anchorTop);
    if ((tops[focusIndex] as number) > pinned) {
      tops[focusIndex] = pinned;
      // Walk upwards, pushing earlier notes above the pinned one.
      let limit = pinned;
      for (let index = focusIndex - 1; index >= 0; index -= 1) {
        const item = sorted[index] as MarginItem;
        const top = Math.min(tops[index] as number, limit - gap - item.height);
        tops[index] = top;
        limit = top;
      }
      // Downwards, re-stack below the pinned note.
      let below = pinned + focused.height;
      for (let index = focusIndex + 1; index < sorted.length; index += 1) {
        const item = sorted[index] as MarginItem;
        tops[index] = Math.max(item.anchorTop, below + gap);
        below = (tops[index] as number) + item.height;
      }
    }
  }
  return new Map(sorted.map((item, index) => [item.id, tops[index] as number]));
}
