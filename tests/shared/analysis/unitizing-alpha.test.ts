import { describe, expect, it } from 'vitest';
import type { Interval } from '#shared/analysis/agreement-intervals.ts';
import { unitizingAlpha, unitizingDisagreement, type CoderUnits } from '#shared/analysis/unitizing-alpha.ts';

/** Krippendorff (2004, p. 254): a continuum of 300 from 150; two observers, categories c and k. Offsets here start at 0. */
const L = 300;
const at = (begin: number, length: number): Interval => [begin - 150, begin - 150 + length];
const c: CoderUnits[] = [[[at(225, 70), at(370, 30)]], [[at(220, 80), at(355, 20), at(400, 20)]]];
const k: CoderUnits[] = [[[at(180, 60), at(300, 50)]], [[at(180, 60), at(300, 50)]]];

describe('Krippendorff\'s unitizing alpha', () => {
  it('reproduces Krippendorff\'s (2004) worked example to 4 places', () => {
    const dc = unitizingDisagreement([L], c);
    const dk = unitizingDisagreement([L], k);
    expect(dc.observed).toBeCloseTo(0.0144, 4);
    expect(dc.expected).toBeCloseTo(0.0532, 4);
    expect(unitizingAlpha([dc])).toBeCloseTo(0.7286, 4);
    expect(dk.observed).toBe(0);
    expect(dk.expected).toBeCloseTo(0.049, 4);
    expect(unitizingAlpha([dk])).toBe(1);
    // The book's overall 0.8591 divides its rounded disagreements (0.0072 / 0.0511); unrounded it is 0.8587.
    expect(unitizingAlpha([dc, dk])).toBeCloseTo(0.8591, 3);
  });

  it('is 1 for identical coding by two or more coders', () => {
    const same: CoderUnits = [[[10, 40], [100, 130]], [[0, 5]]];
    expect(unitizingAlpha([unitizingDisagreement([500, 50], [same, same])])).toBe(1);
    expect(unitizingAlpha([unitizingDisagreement([500, 50], [same, same, same])])).toBe(1);
  });

  it('is symmetric in the coders', () => {
    const a: CoderUnits = [[[0, 100], [300, 420]]];
    const b: CoderUnits = [[[50, 320]]];
    expect(unitizingDisagreement([800], [b, a])).toEqual(unitizingDisagreement([800], [a, b]));
  });

  it('is null, not NaN, without any unit, with one coder, or without text', () => {
    expect(unitizingAlpha([unitizingDisagreement([1000], [[[]], [[]]])])).toBeNull();
    expect(unitizingAlpha([unitizingDisagreement([1000], [[[[0, 10]]]])])).toBeNull();
    expect(unitizingAlpha([unitizingDisagreement([], [[], []])])).toBeNull();
    expect(unitizingAlpha([])).toBeNull();
  });

  it('keeps documents apart: a gap never runs on into the next document', () => {
    const a: CoderUnits = [[[0, 10]], [[0, 10]]];
    const b: CoderUnits = [[[0, 10]], []];
    const apart = unitizingDisagreement([100, 100], [a, b]);
    expect(apart.observed).toBeCloseTo((2 * 100) / (2 * 200 ** 2), 12);
    expect(unitizingAlpha([apart])).toBeLessThan(1);
  });
});
