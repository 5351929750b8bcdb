/**
 * Painted ranges: merging, intersecting, the parts still unpainted, and the next chunk
 * nearest the viewport — which must always make progress and end with everything painted.
 */
import { describe, expect, it } from 'vitest';
import { coversAll, intersectRanges, mergeRanges, nextChunk, unpaintedParts, type PositionRange } from '../../../renderer/reader/painted-ranges.ts';

describe('painted ranges', () => {
  it('merges overlapping and touching ranges and drops empty ones', () => {
    expect(mergeRanges([[30, 40], [0, 10], [10, 20], [35, 50], [60, 60]])).toEqual([[0, 20], [30, 50]]);
  });

  it('intersects and subtracts', () => {
    const painted: PositionRange[] = [[0, 20], [30, 50]];
    expect(intersectRanges([10, 40], painted)).toEqual([[10, 20], [30, 40]]);
    expect(unpaintedParts([10, 60], painted)).toEqual([[20, 30], [50, 60]]);
    expect(unpaintedParts([0, 20], painted)).toEqual([]);
    expect(coversAll(painted, 50)).toBe(false);
    expect(coversAll([[0, 50]], 50)).toBe(true);
  });

  it('paints the gap nearest the viewport first, from the side facing it', () => {
    const painted: PositionRange[] = [[400, 600]];
    expect(nextChunk(painted, 1000, 500, 100)).toEqual([600, 700]);
    expect(nextChunk([[400, 1000]], 1000, 500, 100)).toEqual([300, 400]);
    expect(nextChunk([[0, 1000]], 1000, 500, 100)).toBeNull();
    expect(nextChunk([], 1000, 500, 100)).toEqual([500, 600]);
  });

  it('always terminates with everything painted', () => {
    let painted: PositionRange[] = [[700, 720]];
    let chunks = 0;
    for (let chunk = nextChunk(painted, 5000, 710, 333); chunk !== null; chunk = nextChunk(painted, 5000, 710, 333)) {
      expect(unpaintedParts(chunk, painted)).toEqual([chunk]);
      painted = mergeRanges([...painted, chunk]);
      chunks += 1;
    }
    expect(coversAll(painted, 5000)).toBe(true);
    expect(chunks).toBeLessThanOrEqual(Math.ceil(5000 / 333) + 2);
  });
});
