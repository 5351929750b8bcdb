import { describe, expect, it } from 'vitest';
import { coveredLength, intersectionLength, mergeIntervals, type Interval } from '#shared/analysis/agreement-intervals.ts';
import { agreementTable, pairMeasures, poolTables } from '#shared/analysis/agreement-measures.ts';

function tableOf(n: number, a: readonly Interval[], b: readonly Interval[]) {
  const mergedA = mergeIntervals(a);
  const mergedB = mergeIntervals(b);
  return agreementTable(n, coveredLength(mergedA), coveredLength(mergedB), intersectionLength(mergedA, mergedB));
}

describe('coded code points', () => {
  it('merges a coder\'s overlapping and touching highlights into one set', () => {
    expect(mergeIntervals([[50, 80], [0, 10], [5, 20], [20, 30], [60, 70], [90, 90]])).toEqual([[0, 30], [50, 80]]);
  });

  it('counts shared code points of two sets', () => {
    expect(intersectionLength([[0, 10], [20, 30]], [[5, 25]])).toBe(10);
    expect(intersectionLength([[0, 10]], [[10, 20]])).toBe(0);
  });
});

describe('two-coder measures', () => {
  it('gives the known answer: N = 1000, A = [0, 100), B = [50, 150) → Po 0.90, κ 0.444', () => {
    const table = tableOf(1000, [[0, 100]], [[50, 150]]);
    expect(table).toEqual({ n: 1000, a: 100, b: 100, both: 50, neither: 850 });
    const measures = pairMeasures(table);
    expect(measures.agreement).toBeCloseTo(0.9, 10);
    expect(measures.kappa).toBeCloseTo(0.444, 3);
    expect(measures.jaccard).toBeCloseTo(50 / 150, 10);
  });

  it('counts a coder\'s overlapping highlights once', () => {
    expect(pairMeasures(tableOf(1000, [[0, 60], [40, 100]], [[50, 150]]))).toEqual(pairMeasures(tableOf(1000, [[0, 100]], [[50, 150]])));
  });

  it('gives κ = 1 and Jaccard = 1 for identical coding', () => {
    const measures = pairMeasures(tableOf(500, [[10, 40], [100, 130]], [[10, 40], [100, 130]]));
    expect(measures).toEqual({ agreement: 1, kappa: 1, jaccard: 1 });
  });

  it('is symmetric in A and B', () => {
    const ab = pairMeasures(tableOf(800, [[0, 100], [300, 420]], [[50, 320]]));
    const ba = pairMeasures(tableOf(800, [[50, 320]], [[0, 100], [300, 420]]));
    expect(ba).toEqual(ab);
  });

  it('is defined without NaN when nobody coded anything, and when there is no text', () => {
    expect(pairMeasures(tableOf(1000, [], []))).toEqual({ agreement: 1, kappa: null, jaccard: null });
    expect(pairMeasures(tableOf(0, [], []))).toEqual({ agreement: null, kappa: null, jaccard: null });
  });

  it('gives κ = 0 when one coder codes nothing and the other something', () => {
    expect(pairMeasures(tableOf(100, [[0, 10]], [])).kappa).toBe(0);
  });

  it('pools codes cell by cell', () => {
    expect(poolTables([agreementTable(100, 10, 20, 5), agreementTable(100, 0, 4, 0)])).toEqual({ n: 200, a: 10, b: 24, both: 5, neither: 171 });
  });
});
