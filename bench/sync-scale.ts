/**
 * Scale-out (docs/architecture.md §6, budgets in §8): two sync server instances over one
 * PostgreSQL and one Redis (real engines, tests/helpers), clients of each project split
 * between them, a steady update rate; beside it, in the same run, the same workload on one
 * SQLite instance as the baseline.
 *
 * Each update writes `{ seq, sentAt }` into a Y.Map; every other client of the project
 * records its arrival, split into deliveries across instances (sender on one, receiver on
 * the other: Redis in the path) and within one. After a drain period, deliveries not seen
 * are counted as lost. Instances run as child processes so their RSS can be read; the
 * PostgreSQL commit latency is read from each instance's `GET /metrics`. Everything listens
 * on 127.0.0.1 and stops itself. Quick mode (MARGINALIA_BENCH_QUICK=1): 10 projects × 4
 * clients, 100 updates/s, 10 s; otherwise 25 × 4, 200 updates/s, 30 s.
 */
import { readFileSync } from 'node:fs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { ProjectId } from '#shared/model/ids.ts';
import { roomForProject } from '#shared/sync/rooms.ts';
import { migrate, openPostgresPool } from '../electron/server/postgres-database.ts';
import { createPostgresTokenStore } from '../electron/server/postgres-token-store.ts';
import { openServerDatabase } from '../electron/server/server-database.ts';
import { createTokenStore } from '../electron/server/token-store.ts';
import { startPostgres } from '../tests/helpers/postgres-server.ts';
import { startRedis } from '../tests/helpers/redis-server.ts';
import { startChildServer, temporaryDataDir, waitUntil } from '../tests/helpers/sync-server.ts';
import { startInstance } from '../tests/helpers/sync-instances.ts';
import { quantile, type Metric } from './harness.ts';

const QUICK = process.env.MARGINALIA_BENCH_QUICK === '1';
const PROJECTS = QUICK ? 10 : 25;
const CLIENTS_PER_PROJECT = 4;
const UPDATES_PER_SECOND = QUICK ? 100 : 200;
const SECONDS = QUICK ? 10 : 30;
const DRAIN_MS = 5_000;

type Access = { id: ProjectId; token: string };

interface Outcome {
  readonly across: number[];
  readonly within: number[];
  readonly lost: number;
  readonly rss: Map<number, number[]>;
}

function rssMegabytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Runs the workload with client `member` of each project on `urls[member % urls.length]`. */
async function runWorkload(projects: readonly Access[], urls: readonly string[], pids: readonly number[]): Promise<Outcome> {
  const clients: Array<{ doc: Y.Doc; socket: HocuspocusProviderWebsocket; provider: HocuspocusProvider }> = [];
  const across: number[] = [];
  const within: number[] = [];
  const rss = new Map<number, number[]>(pids.map((pid) => [pid, []]));
  const now = () => performance.timeOrigin + performance.now();
  try {
    for (const project of projects) {
      for (let member = 0; member < CLIENTS_PER_PROJECT; member++) {
        const side = member % urls.length;
        const doc = new Y.Doc();
        const socket = new HocuspocusProviderWebsocket({ url: urls[side] as string, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 50, maxDelay: 1000 });
        const provider = new HocuspocusProvider({ websocketProvider: socket, name: roomForProject(project.id), document: doc, token: project.token });
        provider.attach();
        const map = doc.getMap<{ seq: number; sentAt: number; side: number }>('m');
        map.observe((event) => {
          if (event.transaction.local) return;
          const at = now();
          for (const key of event.keysChanged) {
            const value = map.get(key);
            if (value !== undefined) (value.side === side ? within : across).push(at - value.sentAt);
          }
        });
        clients.push({ doc, socket, provider });
      }
    }
    await waitUntil(() => clients.every((client) => client.provider.isSynced), 'every client synced', 60_000);
    const total = SECONDS * UPDATES_PER_SECOND;
    const started = performance.now();
    const rssTimer = setInterval(() => {
      for (const pid of pids) rss.get(pid)?.push(rssMegabytes(pid));
    }, 1000);
    let sent = 0;
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * UPDATES_PER_SECOND));
      for (; sent < due; sent++) {
        const index = (sent * 7) % clients.length;
        (clients[index] as { doc: Y.Doc }).doc.getMap('m').set(`u${sent % 64}`, { seq: sent, sentAt: now(), side: (index % CLIENTS_PER_PROJECT) % urls.length });
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const expected = total * (CLIENTS_PER_PROJECT - 1);
    const deadline = performance.now() + DRAIN_MS;
    while (performance.now() < deadline && across.length + within.length < expected) await new Promise((resolve) => setTimeout(resolve, 20));
    clearInterval(rssTimer);
    return { across, within, lost: expected - across.length - within.length, rss };
  } finally {
    for (const client of clients) {
      client.provider.destroy();
      client.socket.destroy();
    }
  }
}

async function commitP99(url: string): Promise<number> {
  const text = await (await fetch(`${url.replace('ws://', 'http://')}/metrics`)).text();
  const match = /marginalia_store_commit_ms\{quantile="0.99"\} ([\d.]+)/.exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

/** Runs the scale-out benchmark and its single-instance baseline. */
export async function measureScaleOut(): Promise<Metric[]> {
  const label = `${PROJECTS} projects × ${CLIENTS_PER_PROJECT} clients, ${UPDATES_PER_SECOND} updates/s, ${SECONDS} s`;
  // Baseline: the same workload on one SQLite instance.
  const data = temporaryDataDir('marginalia-scale-');
  const db = openServerDatabase(data.dir);
  const sqliteTokens = createTokenStore(db);
  const baselineProjects = Array.from({ length: PROJECTS }, (_, index) => {
    const id = sqliteTokens.createProject(`baseline ${index}`).id;
    return { id, token: sqliteTokens.createToken({ projectId: id, label: 'bench' }).token };
  });
  db.close();
  const single = await startChildServer({ dataDir: data.dir });
  let baseline: Outcome;
  try {
    baseline = await runWorkload(baselineProjects, [single.url], [single.child.pid as number]);
  } finally {
    await single.kill('SIGTERM');
    data.remove();
  }

  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  let pool: pg.Pool | null = null;
  const instances: Array<Awaited<ReturnType<typeof startInstance>>> = [];
  try {
    const store = await postgres.createDatabase('bench');
    pool = openPostgresPool(store);
    await migrate(pool);
    const tokens = createPostgresTokenStore(pool);
    const projects: Access[] = [];
    for (let index = 0; index < PROJECTS; index++) {
      const id = (await tokens.createProject(`scale ${index}`)).id;
      projects.push({ id, token: (await tokens.createToken({ projectId: id, label: 'bench' })).token });
    }
    instances.push(...(await Promise.all(['alpha', 'beta'].map((name) => startInstance({ store, redis: redis.url, name })))));
    const outcome = await runWorkload(projects, instances.map((instance) => instance.url), instances.map((instance) => instance.pid()));
    const commits = await Promise.all(instances.map((instance) => commitP99(instance.url)));
    const rssOf = (index: number) => outcome.rss.get(instances[index]?.pid() ?? -1) ?? [];
    return [
      {
        name: `delivery latency, one SQLite instance (${label})`,
        unit: 'ms',
        samples: [...baseline.within],
        note: `p99 = ${quantile(baseline.within, 0.99).toFixed(1)} ms; ${baseline.lost} lost`,
      },
      {
        name: `delivery latency across instances (2 instances, ${label})`,
        unit: 'ms',
        samples: outcome.across,
        budget: { statistic: 'p99', max: 50, text: 'p99 ≤ 50 ms' },
        baseline: `delivery latency, one SQLite instance (${label})`,
        note: `p99 = ${quantile(outcome.across, 0.99).toFixed(1)} ms across, ${quantile(outcome.within, 0.99).toFixed(1)} ms within one instance; baseline p99 ${quantile(baseline.within, 0.99).toFixed(1)} ms`,
      },
      { name: 'lost deliveries, 2 instances', unit: 'count', samples: [outcome.lost], budget: { statistic: 'max', max: 0, text: '0 lost' } },
      { name: 'instance RSS (alpha)', unit: 'MB', samples: rssOf(0), budget: { statistic: 'max', max: 300, text: 'RSS ≤ 300 MB' } },
      { name: 'instance RSS (beta)', unit: 'MB', samples: rssOf(1), budget: { statistic: 'max', max: 300, text: 'RSS ≤ 300 MB' } },
      {
        name: 'PostgreSQL commit latency p99 (per instance)',
        unit: 'ms',
        samples: commits,
        budget: { statistic: 'max', max: 10, text: 'p99 ≤ 10 ms' },
        note: `from GET /metrics of each instance, over its last 1,024 commits: ${commits.map((value) => value.toFixed(2)).join(' / ')} ms`,
      },
    ];
  } finally {
    for (const instance of instances) await instance.kill('SIGTERM');
    await pool?.end();
    await redis.stop();
    await postgres.stop();
  }
}
