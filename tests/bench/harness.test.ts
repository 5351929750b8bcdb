/** The benchmark harness computes the statistics and budget verdicts it reports. */
import { describe, expect, it } from 'vitest';
import { formatTable, median, quantile, toRows } from '../../bench/harness.ts';

describe('bench harness', () => {
  it('computes medians and nearest-rank quantiles', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(hundred, 0.95)).toBe(95);
    expect(quantile(hundred, 0.99)).toBe(99);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('compares the chosen statistic with the budget and resolves same-run baselines', () => {
    const rows = toRows('reader', [
      { name: 'open empty', unit: 'ms', samples: [10, 12, 11] },
      { name: 'open 2k', unit: 'ms', samples: [14, 16, 15], baseline: 'open empty', budget: { statistic: 'ratio', max: 1.5, text: '≤ 1.5×' } },
      { name: 'paint', unit: 'ms', samples: [1, 2, 30], budget: { statistic: 'p95', max: 16, text: 'p95 ≤ 16 ms' } },
    ]);
    expect(rows[1]!.ratio).toBeCloseTo(15 / 11);
    expect(rows[1]!.within).toBe(true);
    expect(rows[2]!.compared).toBe(30);
    expect(rows[2]!.within).toBe(false);
    expect(rows[0]!.within).toBeNull();
    const table = formatTable(rows);
    expect(table).toContain('within?');
    expect(table).toMatch(/paint.*NO/);
  });
});

describe('bundle bench', () => {
  it('counts module scripts and preloads from index.html, not external URLs', async () => {
    const { initialScripts } = await import('../../bench/bundle.bench.ts');
    const html = '<script type="module" crossorigin src="./assets/index-a.js"></script><link rel="modulepreload" crossorigin href="./assets/vendor-b.js"><link rel="stylesheet" href="./assets/x.css"><script src="https://cdn.example/x.js"></script>';
    expect(initialScripts(html)).toEqual(['./assets/index-a.js', './assets/vendor-b.js']);
  });
});
