/**
 * Server load (docs/architecture.md §8: 500 clients, 50 projects, 200 updates/s on loopback →
 * p99 delivery ≤ 20 ms, 0 lost, server RSS ≤ 300 MB).
 *
 * The server runs as a child process (`node electron/server/cli.ts serve`) so its own RSS
 * can be read from /proc; its projects and tokens are created beforehand in the same
 * SQLite file. This process plays 500 clients (10 per project, one websocket each, the
 * Hocuspocus provider over `ws`). For `MARGINALIA_SYNC_LOAD_SECONDS` seconds (default 60;
 * 10 with `MARGINALIA_BENCH_QUICK=1`) a scheduler sends 200 updates per second round-robin
 * across clients; each update writes `{ seq, sentAt }` into a Y.Map, and each of the 9
 * teammates in that project records its arrival time. After a drain period, deliveries
 * not seen are counted as dropped. Latency includes this process's own event loop (it
 * plays all 500 clients on a shared 2-core machine), so it is an upper bound.
 */
import { readFileSync } from 'node:fs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openServerDatabase } from '../electron/server/server-database.ts';
import { createTokenStore } from '../electron/server/token-store.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import { roomForProject } from '#shared/sync/rooms.ts';
import { startChildServer, temporaryDataDir, waitUntil } from '../tests/helpers/sync-server.ts';
import { quantile, type Metric } from './harness.ts';

const PROJECTS = 50;
const CLIENTS_PER_PROJECT = 10;
const UPDATES_PER_SECOND = 200;
const DRAIN_MS = 3_000;

/** Load duration in seconds: MARGINALIA_SYNC_LOAD_SECONDS, else 10 when quick, else 60. */
export function loadSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const explicit = Number(env.MARGINALIA_SYNC_LOAD_SECONDS);
  if (Number.isFinite(explicit) && explicit > 0) return Math.min(explicit, 600);
  return env.MARGINALIA_BENCH_QUICK === '1' ? 10 : 60;
}

interface LoadClient {
  readonly project: number;
  readonly doc: Y.Doc;
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Runs the load benchmark. */
export async function measureServerLoad(): Promise<Metric[]> {
  const seconds = loadSeconds();
  const data = temporaryDataDir('marginalia-load-');
  const db = openServerDatabase(data.dir);
  const tokens = createTokenStore(db);
  const projects: Array<{ id: ProjectId; token: string }> = [];
  for (let index = 0; index < PROJECTS; index++) {
    const project = tokens.createProject(`load ${index}`);
    projects.push({ id: project.id, token: tokens.createToken({ projectId: project.id, label: 'load' }).token });
  }
  db.close();
  // 500 clients stand for many machines: all of them may wait to authenticate at once.
  const server = await startChildServer({ dataDir: data.dir, args: ['--max-unauthenticated', '1000', '--max-unauthenticated-per-address', '1000'] });
  const pid = server.child.pid as number;
  const clients: LoadClient[] = [];
  const latencies: number[] = [];
  const received = new Map<number, number>();
  const rss: number[] = [];
  try {
    for (let project = 0; project < PROJECTS; project++) {
      const { id, token } = projects[project] as { id: ProjectId; token: string };
      for (let member = 0; member < CLIENTS_PER_PROJECT; member++) {
        const doc = new Y.Doc();
        const socket = new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 50, maxDelay: 1000 });
        const provider = new HocuspocusProvider({ websocketProvider: socket, name: roomForProject(id), document: doc, token });
        provider.attach();
        doc.getMap<{ seq: number; sentAt: number }>('m').observe((event) => {
          if (event.transaction.local) return;
          const now = performance.timeOrigin + performance.now();
          for (const key of event.keysChanged) {
            const value = doc.getMap<{ seq: number; sentAt: number }>('m').get(key);
            if (value === undefined) continue;
            latencies.push(now - value.sentAt);
            received.set(value.seq, (received.get(value.seq) ?? 0) + 1);
          }
        });
        clients.push({ project, doc, socket, provider });
      }
    }
    await waitUntil(() => clients.every((client) => client.provider.isSynced), 'all 500 clients synced', 120_000);
    const idleRss = rssMegabytes(pid);

    const total = seconds * UPDATES_PER_SECOND;
    const started = performance.now();
    let sent = 0;
    const rssTimer = setInterval(() => rss.push(rssMegabytes(pid)), 1000);
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * UPDATES_PER_SECOND));
      for (; sent < due; sent++) {
        const client = clients[(sent * 7) % clients.length] as LoadClient;
        client.doc.getMap('m').set(`u${sent % 64}`, { seq: sent, sentAt: performance.timeOrigin + performance.now() });
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const expected = total * (CLIENTS_PER_PROJECT - 1);
    const deadline = performance.now() + DRAIN_MS;
    while (performance.now() < deadline && latencies.length < expected) await new Promise((resolve) => setTimeout(resolve, 20));
    clearInterval(rssTimer);
    rss.push(rssMegabytes(pid));
    const dropped = expected - latencies.length;
    const elapsed = (performance.now() - started) / 1000;
    return [
      {
        name: `delivery latency (${PROJECTS * CLIENTS_PER_PROJECT} clients, ${PROJECTS} projects, ${UPDATES_PER_SECOND} updates/s, ${seconds} s)`,
        unit: 'ms',
        samples: latencies,
        budget: { statistic: 'p99', max: 20, text: 'p99 ≤ 20 ms' },
        note: `p99 = ${quantile(latencies, 0.99).toFixed(1)} ms (the budgeted figure; the table shows median and p95); ${total.toLocaleString('en')} updates sent in ${elapsed.toFixed(1)} s, ${latencies.length.toLocaleString('en')} of ${expected.toLocaleString('en')} deliveries seen`,
      },
      { name: 'dropped deliveries', unit: 'count', samples: [dropped], budget: { statistic: 'max', max: 0, text: '0 lost' } },
      {
        name: 'server RSS under load',
        unit: 'MB',
        samples: rss,
        budget: { statistic: 'max', max: 300, text: 'RSS ≤ 300 MB' },
        note: `RSS with 500 idle clients: ${idleRss.toFixed(0)} MB; sampled once a second under load`,
      },
    ];
  } finally {
    for (const client of clients) {
      client.provider.destroy();
      client.socket.destroy();
    }
    await server.kill('SIGTERM');
    data.remove();
  }
}
