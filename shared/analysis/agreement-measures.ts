/**
 * The two-coder measures of one 2×2 table (docs/architecture.md §10): percent agreement,
 * Cohen's κ and the Jaccard index, all counted in code points.
 *
 * κ is the standard one, Pe = pA·pB + (1 − pA)(1 − pB), computed from the integer counts
 * so that identical codings give exactly 1. A measure whose denominator is zero is `null`
 * (shown as "—"), never NaN: κ when Pe = 1 (neither coder varies: both coded nothing, or
 * everything), Jaccard when neither coder coded anything, all three when N = 0.
 */

/**
 * The 2×2 table of one code and two coders A and B over N code points. `a` and `b` are
 * each coder's whole coded set (both included), so A only = a − both, B only = b − both.
 */
export type AgreementTable = {
  /** N: all code points of the selected documents. */
  readonly n: number;
  /** Code points A coded. */
  readonly a: number;
  /** Code points B coded. */
  readonly b: number;
  /** Code points both coded. */
  readonly both: number;
  /** Code points neither coded: n − (a + b − both). */
  readonly neither: number;
};

/** Percent agreement, Cohen's κ and Jaccard of one table; null where undefined. */
export type PairMeasures = {
  /** Po = (both + neither) / N. */
  readonly agreement: number | null;
  /** κ = (Po − Pe) / (1 − Pe), Pe = pA·pB + (1 − pA)(1 − pB). */
  readonly kappa: number | null;
  /** both / (a + b − both): the share of code points either coded that both coded. */
  readonly jaccard: number | null;
};

/** The table of two coded sets over `n` code points, given their sizes and overlap. */
export function agreementTable(n: number, a: number, b: number, both: number): AgreementTable {
  return { n, a, b, both, neither: n - (a + b - both) };
}

/** Adds tables cell by cell (the pooled table of several codes). */
export function poolTables(tables: readonly AgreementTable[]): AgreementTable {
  let n = 0;
  let a = 0;
  let b = 0;
  let both = 0;
  for (const table of tables) {
    n += table.n;
    a += table.a;
    b += table.b;
    both += table.both;
  }
  return agreementTable(n, a, b, both);
}

/** Percent agreement, κ and Jaccard of `table`. */
export function pairMeasures(table: AgreementTable): PairMeasures {
  const { n, a, b, both, neither } = table;
  const union = a + b - both;
  // κ·(a(n − b) + b(n − a)) = n(both + neither) − ab − (n − a)(n − b), all in whole numbers.
  const kappaDenominator = a * (n - b) + b * (n - a);
  const kappaNumerator = n * (both + neither) - a * b - (n - a) * (n - b);
  return {
    agreement: n > 0 ? (both + neither) / n : null,
    kappa: n > 0 && kappaDenominator !== 0 ? kappaNumerator / kappaDenominator : null,
    jaccard: union > 0 ? both / union : null,
  };
}
