/**
 * Margin layout: notes sit level with their highlights and stack without overlapping.
 */
import { describe, expect, it } from 'vitest';
import { layoutMargin } from '../../../renderer/margin/margin-layout.ts';

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
