/**
 * `npm run bench`: runs every benchmark suite (or those named: `npm run bench -- model sync`),
 * prints one table (metric, median, p95, ratio to the same-run baseline, budget, within?)
 * and writes the figures as JSON to bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { formatTable, toRows, type BenchSuite, type MetricRow } from './harness.ts';
import { SUITES } from './suites.ts';

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const chosen: Array<{ name: string; load: () => Promise<BenchSuite> }> = wanted.length ? SUITES.filter((suite) => wanted.includes(suite.name)) : SUITES;
if (wanted.length && chosen.length !== wanted.length) {
  console.error(`unknown suite; available: ${SUITES.map((suite) => suite.name).join(', ')}`);
  process.exit(2);
}

const rows: MetricRow[] = [];
for (const entry of chosen) {
  console.log(`bench: ${entry.name}…`);
  const suite = await entry.load();
  rows.push(...toRows(suite.name, await suite.run()));
}
console.log(`\n${formatTable(rows)}`);
for (const row of rows.filter((row) => row.note)) console.log(`note: ${row.suite}/${row.name}: ${row.note}`);
const out = new URL('./results/', import.meta.url);
mkdirSync(out, { recursive: true });
const file = new URL('latest.json', out);
writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`);
console.log(`\nfigures written to bench/results/latest.json`);
