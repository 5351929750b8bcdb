/**
 * Renderer initial JavaScript, gzipped (docs/architecture.md §8: ≤ 350 KB): every script and
 * modulepreload that out/renderer/index.html loads before the app can start. Builds the
 * renderer first so the figure is always of the current code. Sizes do not vary between
 * runs, so one sample is the median.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { ROOT } from '../scripts/run.ts';
import type { BenchSuite, Metric } from './harness.ts';

/** Paths of the scripts index.html loads up front (module scripts and preloads). */
export function initialScripts(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) found.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) found.add(match[1]!);
  return [...found].filter((src) => !/^[a-z]+:/i.test(src));
}

export const suite: BenchSuite = {
  name: 'bundle',
  async run(): Promise<Metric[]> {
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'error' });
    const dir = join(ROOT, 'out', 'renderer');
    const scripts = initialScripts(readFileSync(join(dir, 'index.html'), 'utf8'));
    let raw = 0;
    let gzipped = 0;
    for (const src of scripts) {
      const bytes = readFileSync(join(dir, src));
      raw += bytes.length;
      gzipped += gzipSync(bytes, { level: 9 }).length;
    }
    return [
      {
        name: 'renderer initial JS (gzip)',
        unit: 'KB',
        samples: [gzipped / 1024],
        budget: { statistic: 'median', max: 350, text: '≤ 350 KB' },
        note: `${scripts.length} file(s), ${(raw / 1024).toFixed(0)} KB before compression`,
      },
    ];
  },
};
