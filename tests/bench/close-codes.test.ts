/** How the attack benchmark tallies and words what happened to each hostile socket. */
import { describe, expect, it } from 'vitest';
import { countOutcomes, describeOutcomes } from '../../bench/close-codes.ts';

describe('hostile socket outcomes', () => {
  it('counts each outcome, the most frequent first, ties by code', () => {
    expect(countOutcomes([4429, 'HTTP 503', 4422, 4429, 'HTTP 503', 4429, 4408])).toEqual([
      { outcome: 4429, count: 3 },
      { outcome: 'HTTP 503', count: 2 },
      { outcome: 4408, count: 1 },
      { outcome: 4422, count: 1 },
    ]);
    expect(countOutcomes([])).toEqual([]);
  });

  it('names the server close codes and leaves unknown ones as numbers', () => {
    expect(describeOutcomes([4429, 4429, 4422, 4413, 'HTTP 503', 4999])).toBe(
      '2 × 4429 too many messages, 1 × 4413 document size limit exceeded, 1 × 4422 update refused, 1 × 4999, 1 × HTTP 503 at the upgrade',
    );
    expect(describeOutcomes(['open at the end', 1006])).toBe('1 × 1006 cut without a close frame, 1 × open at the end');
    expect(describeOutcomes([])).toBe('none');
  });
});
