/**
 * Krippendorff's unitizing alpha (αU) for two or more coders, as defined in Krippendorff,
 * *Content Analysis* (2nd ed., 2004, §12.3) and implemented by DKPro Statistics'
 * KrippendorffAlphaUnitizingAgreement; written here from the formulas because no npm
 * package computes it (README, decision log).
 *
 * Per category (a code), each coder's coding cuts the continuum into segments: their units
 * (merged runs of coded code points) and the gaps between them. A document is a stretch of
 * the continuum of its own, so no segment crosses from one document into the next; L is
 * the length of all selected documents together, m the number of coders.
 *
 * - Observed disagreement: over every pair of coders and every pair of their segments that
 *   overlap, δ = (b₁ − b₂)² + (e₁ − e₂)² for two units, the unit's length² for a unit lying
 *   wholly inside the other coder's gap, 0 otherwise; Dₒ = 2·Σδ / (m(m − 1)·L²).
 * - Expected disagreement, over the N units of the category (all coders) and all gaps g:
 *   Dₑ = (2/L)·Σᵤ[(N − 1)(2l³ − 3l² + l)/3 + l²·Σ_{g ≥ l}(g − l + 1)] / (mL(mL − 1) − Σᵤ l(l − 1)).
 * - αU = 1 − Dₒ/Dₑ; over several categories, 1 − ΣDₒ/ΣDₑ (DKPro's overall figure: the
 *   ratio of the category means). With no unit at all Dₑ = 0 and αU is null ("—").
 */
import type { Interval } from './agreement-intervals.ts';

/** One coder's merged units of one category, per document (offsets within the document). */
export type CoderUnits = readonly (readonly Interval[])[];

/** Observed and expected disagreement of one category. */
export type UnitizingDisagreement = { readonly observed: number; readonly expected: number };

type Segment = { readonly start: number; readonly end: number; readonly unit: boolean };

/** The units and the gaps between them, covering [0, length). */
function segmentsOf(units: readonly Interval[], length: number): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of units) {
    if (start > at) segments.push({ start: at, end: start, unit: false });
    segments.push({ start, end, unit: true });
    at = end;
  }
  if (at < length) segments.push({ start: at, end: length, unit: false });
  return segments;
}

/** δ of two overlapping segments of two coders. */
function distance(first: Segment, second: Segment): number {
  if (first.unit && second.unit) return (first.start - second.start) ** 2 + (first.end - second.end) ** 2;
  if (first.unit && second.start <= first.start && first.end <= second.end) return (first.end - first.start) ** 2;
  if (second.unit && first.start <= second.start && second.end <= first.end) return (second.end - second.start) ** 2;
  return 0;
}

/** Σδ over every overlapping pair of segments of two segmentations of one document. */
function pairDistance(first: readonly Segment[], second: readonly Segment[]): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < first.length && j < second.length) {
    const x = first[i] as Segment;
    const y = second[j] as Segment;
    total += distance(x, y);
    if (x.end <= y.end) i++;
    if (y.end <= x.end) j++;
  }
  return total;
}

/** Σ_{g ≥ l}(g − l + 1) for every unit length l asked, over gaps sorted ascending. */
function gapSums(gaps: readonly number[]): (length: number) => number {
  const suffix = new Array<number>(gaps.length + 1).fill(0);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = (suffix[k + 1] as number) + (gaps[k] as number);
  return (length) => {
    let low = 0;
    let high = gaps.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((gaps[middle] as number) < length) low = middle + 1;
      else high = middle;
    }
    return (suffix[low] as number) - (gaps.length - low) * (length - 1);
  };
}

/**
 * Dₒ and Dₑ of one category over documents of `lengths` code points, from each coder's
 * units (`coders[c][d]`: coder c's merged units in document d). Both are 0 with fewer than
 * two coders, no text, or no unit.
 */
export function unitizingDisagreement(lengths: readonly number[], coders: readonly CoderUnits[]): UnitizingDisagreement {
  const m = coders.length;
  const total = lengths.reduce((sum, length) => sum + length, 0);
  if (m < 2 || total === 0) return { observed: 0, expected: 0 };
  const segmentations = coders.map((units) => lengths.map((length, d) => segmentsOf(units[d] ?? [], length)));
  let observedSum = 0;
  for (let first = 0; first < m; first++) {
    for (let second = first + 1; second < m; second++) {
      lengths.forEach((_, d) => {
        observedSum += pairDistance(segmentations[first]?.[d] ?? [], segmentations[second]?.[d] ?? []);
      });
    }
  }
  const units: number[] = [];
  const gaps: number[] = [];
  for (const documents of segmentations) {
    for (const segments of documents) for (const segment of segments) (segment.unit ? units : gaps).push(segment.end - segment.start);
  }
  if (units.length === 0) return { observed: 0, expected: 0 };
  gaps.sort((x, y) => x - y);
  const fitting = gapSums(gaps);
  let expectedSum = 0;
  let squaredLengths = 0;
  for (const l of units) {
    expectedSum += ((units.length - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l ** 2 * fitting(l);
    squaredLengths += l * (l - 1);
  }
  return {
    observed: (2 * observedSum) / (m * (m - 1) * total ** 2),
    expected: ((2 / total) * expectedSum) / (m * total * (m * total - 1) - squaredLengths),
  };
}

/** αU = 1 − ΣDₒ/ΣDₑ over the given categories (one for a code's own α); null when ΣDₑ = 0. */
export function unitizingAlpha(disagreements: readonly UnitizingDisagreement[]): number | null {
  let observed = 0;
  let expected = 0;
  for (const disagreement of disagreements) {
    observed += disagreement.observed;
    expected += disagreement.expected;
  }
  return expected > 0 ? 1 - observed / expected : null;
}
