/**
 * `npm run bench`: runs every benchmark suite (or those named: `npm run bench -- model sync`),
 * prints one table (metric, median, p95, ratio to the same-run baseline, budget, within?)
 * and writes the figures as JSON to bench/results/latest.json. Suites that serve the app in
 * Chromium get a fresh test build first (out/renderer-test; MARGINALIA_SKIP_BUILD=1 reuses it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildRenderer } from '../scripts/build.ts';
import { formatTable, toRows, type MetricRow } from './harness.ts';
import { SUITES, type SuiteEntry } from './suites.ts';

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const chosen: SuiteEntry[] = wanted.length ? SUITES.filter((suite) => wanted.includes(suite.name)) : SUITES;
if (wanted.length && chosen.length !== wanted.length) {
  console.error(`unknown suite; available: ${SUITES.map((suite) => suite.name).join(', ')}`);
  process.exit(2);
}

if (chosen.some((suite) => suite.servesTestBuild) && process.env.MARGINALIA_SKIP_BUILD !== '1') {
  console.log('bench: building the test build (out/renderer-test)…');
  await buildRenderer('test');
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
