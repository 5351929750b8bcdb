/**
 * The list of benchmark suites, loaded lazily so `npm run bench -- NAME` only imports what
 * it runs. Each suite's file says what it measures and against which docs/architecture.md budget.
 */
import type { BenchSuite } from './harness.ts';

/** Every suite, in the order the table shows them. */
export const SUITES: Array<{ name: string; load: () => Promise<BenchSuite> }> = [
  { name: 'bundle', load: async () => (await import('./bundle.bench.ts')).suite },
  { name: 'export', load: async () => (await import('./export.bench.ts')).suite },
  { name: 'model', load: async () => (await import('./model.bench.ts')).suite },
  { name: 'reader', load: async () => (await import('./reader.bench.ts')).suite },
  { name: 'sync', load: async () => (await import('./sync.bench.ts')).suite },
];
