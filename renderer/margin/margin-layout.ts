/**
 * Margin layout: each note wants to sit level with its highlight; when notes crowd they
 * stack downwards without overlapping. One pass: sort by wanted top (ties by id for
 * stability), then push each note below the previous one's bottom plus a gap. The focused
 * note may instead be pinned to its highlight, pushing earlier notes up (Hypothesis-style)
 * so the note the person is looking at is never displaced.
 *
 * Which noted highlights get a card at all (`cardsNear`): a screen of a densely coded
 * article holds dozens of noted highlights, and since cards stack downwards, all but the
 * first couple of dozen below the screen's top would sit below the column's end, unseen,
 * costing only their rendering and layout (235 cards, 3,000 elements, were 90 ms of one frame).
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

/** A noted highlight's place in the text (document positions). */
export interface NotedSpan<Id extends string = string> {
  readonly id: Id;
  readonly from: number;
  readonly to: number;
}

/** Most cards for highlights starting on screen or below it: more than a column of the shortest cards (~60 px) shows. */
export const MOST_CARDS_BELOW = 30;
/** Most cards for highlights starting above the screen, so a short scroll up finds its cards in place. */
export const MOST_CARDS_ABOVE = 4;

/** How many cards at most, for highlights starting above the screen and on or below it. */
export interface CardLimits {
  readonly above: number;
  readonly below: number;
}

/** The margin's usual limits: a column of cards and a few above. */
export const NEAR_CARDS: CardLimits = { above: MOST_CARDS_ABOVE, below: MOST_CARDS_BELOW };

/**
 * The first cards an empty margin gets (an article just opened, its highlights just
 * arrived): those of the highlights starting on screen, about a screen's worth; the rest
 * follow a frame later, so the first render and layout of cards is split in two.
 */
export const FIRST_CARDS: CardLimits = { above: 0, below: 12 };

/**
 * The noted highlights that get a card while positions [`top`, `bottom`] are on screen: in
 * text order, the first `limits.below` ({@link MOST_CARDS_BELOW}) starting at `top` or later (up to `reach`
 * positions below the screen), and the `limits.above` ({@link MOST_CARDS_ABOVE}) nearest starting before
 * `top` and ending no more than `reach` positions above it.
 *
 * @example cardsNear(spans, 120, 900, 780) // ids, nearest above first
 */
export function cardsNear<Id extends string>(spans: Iterable<NotedSpan<Id>>, top: number, bottom: number, reach: number, limits: CardLimits = NEAR_CARDS): Id[] {
  const above: NotedSpan<Id>[] = [];
  const below: NotedSpan<Id>[] = [];
  for (const span of spans) {
    if (span.from >= top) {
      if (span.from <= bottom + reach) below.push(span);
    } else if (span.to >= top - reach) {
      above.push(span);
    }
  }
  above.sort((a, b) => b.from - a.from);
  below.sort((a, b) => a.from - b.from);
  return [...above.slice(0, limits.above), ...below.slice(0, limits.below)].map((span) => span.id);
}
