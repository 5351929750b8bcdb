/**
 * Margin layout: notes sit level with their highlights and stack without overlapping.
 */
import { describe, expect, it } from 'vitest';
import { FIRST_CARDS, MOST_CARDS_ABOVE, MOST_CARDS_BELOW, cardsNear, layoutMargin } from '../../../renderer/margin/margin-layout.ts';

function overlaps(tops: Map<string, number>, heights: Record<string, number>): boolean {
  const boxes = [...tops].map(([id, top]) => [top, top + (heights[id] ?? 0)] as const).sort((a, b) => a[0] - b[0]);
  return boxes.some((box, index) => index > 0 && box[0] < (boxes[index - 1] as readonly [number, number])[1]);
}

describe('layoutMargin', () => {
  it('places uncrowded notes exactly at their anchors', () => {
    const tops = layoutMargin([{ id: 'a', anchorTop: 100, height: 50 }, { id: 'b', anchorTop: 300, height: 50 }]);
    expect(tops.get('a')).toBe(100);
    expect(tops.get('b')).toBe(300);
  });

  it('pushes crowded notes down in anchor order without overlap', () => {
    const heights = { a: 80, b: 60, c: 40 };
    const tops = layoutMargin([
      { id: 'c', anchorTop: 110, height: heights.c },
      { id: 'a', anchorTop: 100, height: heights.a },
      { id: 'b', anchorTop: 105, height: heights.b },
    ], { gap: 8 });
    expect(tops.get('a')).toBe(100);
    expect(tops.get('b')).toBe(188);
    expect(tops.get('c')).toBe(256);
    expect(overlaps(tops, heights)).toBe(false);
  });

  it('pins the focused note to its highlight and moves earlier notes up', () => {
    const heights = { a: 80, b: 60, c: 40 };
    const items = [
      { id: 'a', anchorTop: 100, height: heights.a },
      { id: 'b', anchorTop: 105, height: heights.b },
      { id: 'c', anchorTop: 110, height: heights.c },
    ];
    const tops = layoutMargin(items, { focusedId: 'c', gap: 8 });
    expect(tops.get('c')).toBe(110);
    expect(overlaps(tops, heights)).toBe(false);
    expect(tops.get('b')).toBeLessThan(110);
  });
});

describe('cardsNear', () => {
  const span = (id: string, from: number, to = from + 10) => ({ id, from, to });

  it('gives every noted highlight on and near the screen a card when there are few', () => {
    const spans = [span('far-above', 0), span('above', 350), span('on', 600), span('below', 900), span('far-below', 2000)];
    expect(cardsNear(spans, 500, 800, 300)).toEqual(['above', 'on', 'below']);
  });

  it('keeps the first cards from the top of the screen down, and the nearest few above it, when a screen is crowded', () => {
    const crowded = Array.from({ length: 200 }, (_, index) => span(`h${index}`, index * 10));
    const ids = cardsNear(crowded, 500, 1500, 1000);
    expect(ids).toHaveLength(MOST_CARDS_ABOVE + MOST_CARDS_BELOW);
    // Above: the nearest first (h49 starts at 490, just above the top at 500).
    expect(ids.slice(0, MOST_CARDS_ABOVE)).toEqual(['h49', 'h48', 'h47', 'h46']);
    // Below: in text order from the top of the screen.
    expect(ids.slice(MOST_CARDS_ABOVE)).toEqual(Array.from({ length: MOST_CARDS_BELOW }, (_, index) => `h${50 + index}`));
  });

  it('gives an empty margin only the first cards from the top of the screen down', () => {
    const crowded = Array.from({ length: 200 }, (_, index) => span(`h${index}`, index * 10));
    expect(cardsNear(crowded, 500, 1500, 1000, FIRST_CARDS)).toEqual(Array.from({ length: FIRST_CARDS.below }, (_, index) => `h${50 + index}`));
    expect(FIRST_CARDS.below).toBeLessThan(MOST_CARDS_BELOW);
  });

  it('counts a highlight that starts above the screen and runs into it as above', () => {
    expect(cardsNear([span('long', 100, 900), span('on', 400)], 300, 600, 50)).toEqual(['long', 'on']);
  });
});
