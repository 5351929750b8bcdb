/**
 * A walk a few milliseconds a step: at least one item per step, no more once the budget is
 * spent by the given clock, `done` once at the end, and nothing after it.
 */
import { describe, expect, it } from 'vitest';
import { budgetedWalk } from '#shared/model/budgeted-walk.ts';

describe('budgetedWalk', () => {
  it('visits items until the budget is spent, at least one a step, and says when all are visited', () => {
    let clock = 0;
    const visited: number[] = [];
    let done = 0;
    // Each visit takes 3 ms on the fake clock.
    const step = budgetedWalk([1, 2, 3, 4, 5][Symbol.iterator](), (item) => {
      visited.push(item);
      clock += 3;
    }, { now: () => clock, done: () => void (done += 1) });
    expect(step(5)).toBe(false); // 3 ms, then 6 ms ≥ 5: two items
    expect(visited).toEqual([1, 2]);
    expect(step(0)).toBe(false); // a budget of 0 still visits one
    expect(visited).toEqual([1, 2, 3]);
    expect(done).toBe(0);
    expect(step(100)).toBe(true);
    expect(visited).toEqual([1, 2, 3, 4, 5]);
    expect(step(100)).toBe(true);
    expect(done).toBe(1);
  });
});
