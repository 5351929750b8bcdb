/**
 * Team sync benchmarks (docs/architecture.md §8), four parts:
 * - teammate visibility: A's action → painted at B, two Chromium pages, with the raw
 *   websocket round trip on the same loopback as the baseline (sync-visibility.ts);
 * - 5 clients × 2,000 offline edits → reconnect → converged, nothing lost (sync-offline.ts);
 * - server load: 500 clients, 50 projects, 200 updates/s, server as a child process for its
 *   RSS (sync-load.ts; duration from MARGINALIA_SYNC_LOAD_SECONDS, default 60 s, 10 s with
 *   MARGINALIA_BENCH_QUICK=1);
 * - delivery under attack: 10 projects × 5 clients, first alone, then while hostile clients
 *   flood, send refused updates and hold unauthenticated sockets (sync-attack.ts; each
 *   phase as long as the load test).
 * - scale-out: two instances over PostgreSQL and Redis beside one SQLite instance, the same
 *   workload (sync-scale.ts; also alone as `npm run bench -- scale`).
 * Everything listens on 127.0.0.1, loops are bounded, and every server stops itself.
 * The visibility part serves the test build (out/renderer-test, built by run.ts first).
 */
import type { BenchSuite, Metric } from './harness.ts';
import { measureDeliveryUnderAttack } from './sync-attack.ts';
import { measureServerLoad } from './sync-load.ts';
import { measureOfflineConvergence } from './sync-offline.ts';
import { measureScaleOut } from './sync-scale.ts';
import { measureVisibility } from './sync-visibility.ts';

/** The sync suite. */
export const suite: BenchSuite = {
  name: 'sync',
  async run(): Promise<Metric[]> {
    const metrics: Metric[] = [];
    metrics.push(...(await measureVisibility()));
    metrics.push(...(await measureOfflineConvergence()));
    metrics.push(...(await measureServerLoad()));
    metrics.push(...(await measureDeliveryUnderAttack()));
    metrics.push(...(await measureScaleOut()));
    return metrics;
  },
};

/** The scale-out part alone (`npm run bench -- scale`). */
export const scaleSuite: BenchSuite = {
  name: 'scale',
  run: measureScaleOut,
};
