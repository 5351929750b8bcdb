/**
 * The list of benchmark suites, loaded lazily so `npm run bench -- NAME` only imports what
 * it runs. Each suite's file says what it measures and against which docs/architecture.md budget.
 * Suites that drive the app in Chromium serve the test build (out/renderer-test, with the
 * page test hook); run.ts builds it first when one of them is chosen.
 */
import type { BenchSuite } from './harness.ts';

/** One suite: its name, its loader, and whether it serves the test build in Chromium. */
export interface SuiteEntry {
  readonly name: string;
  readonly load: () => Promise<BenchSuite>;
  readonly servesTestBuild?: true;
}

/** Every suite, in the order the table shows them. */
export const SUITES: SuiteEntry[] = [
  { name: 'bundle', load: async () => (await import('./bundle.bench.ts')).suite },
  { name: 'export', load: async () => (await import('./export.bench.ts')).suite },
  { name: 'documents', load: async () => (await import('./documents.bench.ts')).suite },
  { name: 'model', load: async () => (await import('./model.bench.ts')).suite },
  { name: 'reader', load: async () => (await import('./reader.bench.ts')).suite, servesTestBuild: true },
  { name: 'added', load: async () => (await import('./added-document.bench.ts')).suite, servesTestBuild: true },
  { name: 'interaction', load: async () => (await import('./interaction.bench.ts')).suite, servesTestBuild: true },
  { name: 'sync', load: async () => (await import('./sync.bench.ts')).suite, servesTestBuild: true },
  { name: 'texts', load: async () => (await import('./texts.bench.ts')).suite },
  { name: 'scale', load: async () => (await import('./sync.bench.ts')).scaleSuite },
];
