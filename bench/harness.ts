/**
 * The benchmark harness: suites produce metrics from repeated samples; the runner reports
 * medians (and p95 where a budget is a percentile), ratios against baselines measured in
 * the same run, and whether each is within its docs/architecture.md §8 budget. Nothing here asserts:
 * timings vary with machine load, so numbers are reported, not enforced.
 */

/** How a metric is compared with its budget. */
export type BudgetStatistic = 'median' | 'p95' | 'p99' | 'max' | 'ratio';

/** The budget a metric is compared with (from docs/architecture.md §8). */
export interface Budget {
  /** Which statistic of the samples the budget applies to. */
  statistic: BudgetStatistic;
  /** The largest value that is within budget, in the metric's unit (or a ratio). */
  max: number;
  /** The budget as docs/architecture.md states it, for the table. */
  text: string;
}

/** One measured quantity. */
export interface Metric {
  name: string;
  unit: string;
  samples: number[];
  budget?: Budget;
  /** Name of another metric in the same run this one is divided by, for `ratio` budgets. */
  baseline?: string;
  /** Free text shown after the table (e.g. "0 lost"). */
  note?: string;
}

/** A named group of metrics; `run` may take a while and should log progress sparingly. */
export interface BenchSuite {
  name: string;
  run(): Promise<Metric[]>;
}

/** A computed row of the report. */
export interface MetricRow {
  suite: string;
  name: string;
  unit: string;
  runs: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
  ratio: number | null;
  budget: string | null;
  compared: number | null;
  within: boolean | null;
  note?: string;
}

/** The q-quantile (0..1) of the samples by nearest rank; NaN when there are none. */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** The median of the samples (mean of the middle two for an even count). */
export function median(samples: number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Turns a suite's metrics into report rows, resolving baselines within the suite. */
export function toRows(suite: string, metrics: Metric[]): MetricRow[] {
  const byName = new Map(metrics.map((metric) => [metric.name, metric]));
  return metrics.map((metric) => {
    const base = metric.baseline ? byName.get(metric.baseline) : undefined;
    const med = median(metric.samples);
    const ratio = base ? med / median(base.samples) : null;
    const stats = { median: med, p95: quantile(metric.samples, 0.95), p99: quantile(metric.samples, 0.99), max: Math.max(...metric.samples) };
    const compared = metric.budget ? (metric.budget.statistic === 'ratio' ? ratio : stats[metric.budget.statistic]) : null;
    return {
      suite,
      name: metric.name,
      unit: metric.unit,
      runs: metric.samples.length,
      ...stats,
      ratio,
      budget: metric.budget?.text ?? null,
      compared,
      within: metric.budget && compared !== null ? compared <= metric.budget.max : null,
      ...(metric.note ? { note: metric.note } : {}),
    };
  });
}

const fmt = (value: number | null): string =>
  value === null || Number.isNaN(value) ? '—' : Math.abs(value) >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);

/** Formats rows as a plain-text table: metric, median, p95, ratio, budget, within? */
export function formatTable(rows: MetricRow[]): string {
  const header = ['suite', 'metric', 'median', 'p95', 'unit', 'ratio', 'budget', 'within?'];
  const lines = rows.map((row) => [
    row.suite,
    row.name,
    fmt(row.median),
    fmt(row.p95),
    row.unit,
    row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`,
    row.budget ?? '—',
    row.within === null ? '—' : row.within ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const render = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [render(header), render(widths.map((width) => '-'.repeat(width))), ...lines.map(render)].join('\n');
}

/** Times `fn` once in milliseconds (high-resolution clock). */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs `fn` `runs` times after `warmup` unrecorded runs; returns the millisecond samples. */
export async function sampleMs(runs: number, fn: () => unknown, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timeMs(fn));
  return samples;
}
