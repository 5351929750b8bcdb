/**
 * `GET /metrics`: the server's figures in Prometheus's text format (version 0.0.4), and
 * the store probe behind the `store` field of `GET /health`.
 *
 * Counted here: updates applied to rooms (clients' and, with several instances, those
 * relayed through Redis), the store's round trip (a `SELECT 1` a second) and, where the
 * store reports them, the latencies of its recent commits. Rates (updates/s) are what
 * Prometheus's `rate()` makes of the counters; the instance adds its Redis and peer lines
 * (shared-sync-server.ts).
 */
import type { Extension } from '@hocuspocus/server';
import type { SyncHealth } from '#shared/sync/protocol.ts';
import type { ServerStore } from './server-store.ts';

/** Path of the metrics endpoint. */
export const METRICS_PATH = '/metrics';

/** The metrics kept for one server. */
export interface ServerMetrics {
  /** Counts applied updates (`onChange`). */
  readonly extension: Extension;
  /** Whether the store answered its last probe. */
  storeOk(): boolean;
  /** The last probe's round trip in ms, or null before the first / after a failure. */
  storeLatencyMs(): number | null;
  /** Probes the store every `everyMs`; returns a function that stops. */
  probe(everyMs: number): () => void;
  /** The text of `GET /metrics`. */
  render(health: SyncHealth, extra: readonly string[]): string;
}

/** The `q` quantile of `values` (0 for none). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** One Prometheus metric: HELP, TYPE and its sample lines. */
export function metric(name: string, type: 'counter' | 'gauge', help: string, value: number | ReadonlyArray<readonly [string, number]>): string[] {
  const samples = typeof value === 'number' ? [`${name} ${value}`] : value.map(([labels, sample]) => `${name}{${labels}} ${sample}`);
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples];
}

/** Creates the metrics of a server over its store. */
export function createServerMetrics(store: ServerStore): ServerMetrics {
  let updates = 0;
  let ok = true;
  let latency: number | null = null;
  const commitLatencies = (store.documents as { appendLatencies?: number[] }).appendLatencies;
  return {
    extension: {
      extensionName: 'marginalia-metrics',
      async onChange() {
        updates++;
      },
    },
    storeOk: () => ok,
    storeLatencyMs: () => latency,
    probe(everyMs) {
      let busy = false;
      const timer = setInterval(() => {
        if (busy) return;
        busy = true;
        store.ping().then(
          (ms) => {
            ok = true;
            latency = Math.round(ms * 100) / 100;
            busy = false;
          },
          () => {
            ok = false;
            latency = null;
            busy = false;
          },
        );
      }, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    render(health, extra) {
      const lines = [
        ...metric('marginalia_connections', 'gauge', 'Open websocket connections.', health.connections),
        ...metric('marginalia_rooms', 'gauge', 'Rooms (projects) loaded in memory.', health.rooms),
        ...metric('marginalia_structs', 'gauge', 'Yjs structs held by the loaded rooms.', health.structs),
        ...metric('marginalia_updates_total', 'counter', 'Updates applied to rooms since start.', updates),
        ...metric('marginalia_store_up', 'gauge', 'Whether the store answered its last probe.', ok ? 1 : 0),
        ...metric('marginalia_store_latency_ms', 'gauge', 'Round trip of the last store probe.', latency ?? -1),
      ];
      if (commitLatencies) {
        lines.push(...metric('marginalia_store_commit_ms', 'gauge', 'Commit latency of recent updates (last 1024).', [
          ['quantile="0.5"', Math.round(quantile(commitLatencies, 0.5) * 100) / 100],
          ['quantile="0.99"', Math.round(quantile(commitLatencies, 0.99) * 100) / 100],
        ]));
      }
      return `${[...lines, ...extra].join('\n')}\n`;
    },
  };
}
