/**
 * Delivery under attack (docs/architecture.md §8: p99 delivery under attack ≤ 3× the same
 * run's p99 without attack, 0 lost, server RSS ≤ 300 MB).
 *
 * One server as a child process (its RSS read from /proc), its own default limits. Honest
 * team traffic — 10 projects × 5 clients (Hocuspocus provider over `ws`), 100 updates/s
 * round-robin, each teammate timing the arrival of `{ seq, sentAt }` — runs twice for
 * `loadSeconds()` each (one key per update, so no write overwrites another unseen): first alone (the baseline), then while the hostile clients of
 * sync-attackers.ts (child processes: a message flood from one token, insert storms and
 * tiny-item floods from another, unauthenticated sockets) work against the same server.
 * Deliveries not seen after a drain period count as lost. The attackers share the machine's
 * two cores with the server and the honest clients, so the latency under attack includes
 * that contention; the CPU each side used in each phase (server, honest clients, attackers)
 * is reported with the figures, to tell the server's cost from the machine's.
 */
import { readFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { openServerDatabase } from '../electron/server/server-database.ts';
import { createTokenStore } from '../electron/server/token-store.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import { roomForProject } from '#shared/sync/rooms.ts';
import { startChildServer, temporaryDataDir, waitUntil } from '../tests/helpers/sync-server.ts';
import { describeOutcomes } from './close-codes.ts';
import { quantile, type Metric } from './harness.ts';
import type { AttackerReport, AttackerRole, AttackPlan } from './sync-attackers.ts';
import { loadSeconds } from './sync-load.ts';

const PROJECTS = 10;
const CLIENTS_PER_PROJECT = 5;
const UPDATES_PER_SECOND = 100;
const DRAIN_MS = 3_000;

type Stamp = { seq: number; sentAt: number };

interface HonestClient {
  readonly doc: Y.Doc;
  readonly socket: HocuspocusProviderWebsocket;
  readonly provider: HocuspocusProvider;
}

/** One phase's deliveries, filled by the clients' observers, and the CPU each process used. */
interface PhaseRecord {
  readonly latencies: number[];
  readonly rss: number[];
  lost: number;
  /** CPU time of the server process and of this one (the honest clients) in the phase, in ms. */
  serverCpuMs: number;
  honestCpuMs: number;
  wallMs: number;
}

const newRecord = (): PhaseRecord => ({ latencies: [], rss: [], lost: 0, serverCpuMs: 0, honestCpuMs: 0, wallMs: 0 });

/** CPU time (user + system) of process `pid` so far, in ms, from /proc (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMegabytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

const now = () => performance.timeOrigin + performance.now();

/** Sends `seconds` of honest traffic, then waits for every delivery (or the drain period). */
async function runPhase(clients: HonestClient[], record: PhaseRecord, seconds: number, pid: number, firstSeq: number): Promise<void> {
  const total = seconds * UPDATES_PER_SECOND;
  const started = performance.now();
  const serverCpuBefore = cpuMsOf(pid);
  const honestCpuBefore = process.cpuUsage();
  const rssTimer = setInterval(() => record.rss.push(rssMegabytes(pid)), 1000);
  for (let sent = 0; sent < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * UPDATES_PER_SECOND));
    for (; sent < due; sent++) {
      const client = clients[(sent * 7) % clients.length] as HonestClient;
      client.doc.getMap<Stamp>('m').set(`s${firstSeq + sent}`, { seq: firstSeq + sent, sentAt: now() });
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const expected = total * (CLIENTS_PER_PROJECT - 1);
  const deadline = performance.now() + DRAIN_MS;
  while (performance.now() < deadline && record.latencies.length < expected) await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(rssTimer);
  record.rss.push(rssMegabytes(pid));
  record.lost = expected - record.latencies.length;
  const honestCpu = process.cpuUsage(honestCpuBefore);
  record.serverCpuMs = cpuMsOf(pid) - serverCpuBefore;
  record.honestCpuMs = (honestCpu.user + honestCpu.system) / 1000;
  record.wallMs = performance.now() - started;
}

/** How each hostile client did, by role. */
type AttackReport = Record<AttackerRole, AttackerReport>;

function runAttacker(plan: AttackPlan): Promise<AttackerReport> {
  const child = fork(new URL('./sync-attackers.ts', import.meta.url), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  child.send(plan);
  return new Promise<AttackerReport>((resolve, reject) => {
    child.once('message', (message: AttackerReport | { error: string }) => {
      child.kill();
      if ('error' in message) reject(new Error(`the ${plan.role} attacker failed: ${message.error}`));
      else resolve(message);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the ${plan.role} attacker exited (${code}) before reporting`)));
  });
}

async function runAttackers(plan: Omit<AttackPlan, 'role'>): Promise<AttackReport> {
  const [flood, updates, unauthenticated] = await Promise.all(
    (['flood', 'updates', 'unauthenticated'] as const).map((role) => runAttacker({ ...plan, role })),
  );
  return { flood: flood as AttackerReport, updates: updates as AttackerReport, unauthenticated: unauthenticated as AttackerReport };
}

/** Runs the baseline phase, then the attack phase, on one server. */
export async function measureDeliveryUnderAttack(): Promise<Metric[]> {
  const seconds = loadSeconds();
  const data = temporaryDataDir('marginalia-attack-');
  const db = openServerDatabase(data.dir);
  const tokens = createTokenStore(db);
  const honest: Array<{ id: ProjectId; token: string }> = [];
  for (let index = 0; index < PROJECTS; index++) {
    const project = tokens.createProject(`team ${index}`);
    honest.push({ id: project.id, token: tokens.createToken({ projectId: project.id, label: 'member' }).token });
  }
  const hostile = tokens.createProject('hostile').id;
  const floodToken = tokens.createToken({ projectId: hostile, label: 'flood' }).token;
  const updateToken = tokens.createToken({ projectId: hostile, label: 'updates' }).token;
  db.close();
  const server = await startChildServer({ dataDir: data.dir });
  const pid = server.child.pid as number;
  const clients: HonestClient[] = [];
  let record: PhaseRecord = newRecord();
  try {
    for (const { id, token } of honest) {
      for (let member = 0; member < CLIENTS_PER_PROJECT; member++) {
        const doc = new Y.Doc();
        const socket = new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 50, maxDelay: 1000 });
        const provider = new HocuspocusProvider({ websocketProvider: socket, name: roomForProject(id), document: doc, token });
        provider.attach();
        const stamps = doc.getMap<Stamp>('m');
        stamps.observe((event) => {
          if (event.transaction.local) return;
          const arrived = now();
          for (const key of event.keysChanged) {
            const value = stamps.get(key);
            if (value !== undefined) record.latencies.push(arrived - value.sentAt);
          }
        });
        clients.push({ doc, socket, provider });
      }
    }
    await waitUntil(() => clients.every((client) => client.provider.isSynced), `all ${clients.length} honest clients synced`, 60_000);

    // One unrecorded second first, so the baseline does not time the server's warm-up.
    await runPhase(clients, record, 1, pid, 2_000_000);
    const baseline = newRecord();
    record = baseline;
    await runPhase(clients, baseline, seconds, pid, 0);
    const underAttack = newRecord();
    record = underAttack;
    const attackers = runAttackers({ url: server.url, room: roomForProject(hostile), floodToken, updateToken, seconds });
    await runPhase(clients, underAttack, seconds, pid, 1_000_000);
    const report = await attackers;
    return attackMetrics(baseline, underAttack, report, seconds);
  } finally {
    for (const client of clients) {
      client.provider.destroy();
      client.socket.destroy();
    }
    await server.kill('SIGTERM');
    data.remove();
  }
}

function attackMetrics(baseline: PhaseRecord, underAttack: PhaseRecord, report: AttackReport, seconds: number): Metric[] {
  const workload = `${PROJECTS} projects × ${CLIENTS_PER_PROJECT} clients, ${UPDATES_PER_SECOND} updates/s, ${seconds} s`;
  const baselineName = `delivery latency without attack (${workload})`;
  const baseP99 = quantile(baseline.latencies, 0.99);
  const attackP99 = quantile(underAttack.latencies, 0.99);
  const attackerCpuMs = report.flood.cpuMs + report.updates.cpuMs + report.unauthenticated.cpuMs;
  const hostileSockets = report.flood.outcomes.length + report.updates.outcomes.length + report.unauthenticated.outcomes.length;
  return [
    {
      name: baselineName,
      unit: 'ms',
      samples: baseline.latencies,
      note: `p99 = ${baseP99.toFixed(1)} ms; ${baseline.lost} lost`,
    },
    {
      name: `delivery latency under attack (${workload})`,
      unit: 'ms',
      samples: underAttack.latencies,
      baseline: baselineName,
      budget: { statistic: 'p99', max: 3 * baseP99, text: 'p99 ≤ 3× without' },
      note:
        `p50 = ${quantile(underAttack.latencies, 0.5).toFixed(1)} ms, p95 = ${quantile(underAttack.latencies, 0.95).toFixed(1)} ms, ` +
        `p99 = ${attackP99.toFixed(1)} ms = ${(attackP99 / baseP99).toFixed(2)}× the p99 without attack (${baseP99.toFixed(1)} ms); the ratio column compares medians`,
    },
    { name: 'lost deliveries under attack', unit: 'count', samples: [underAttack.lost], budget: { statistic: 'max', max: 0, text: '0 lost' } },
    {
      name: 'server RSS under attack',
      unit: 'MB',
      samples: underAttack.rss,
      budget: { statistic: 'max', max: 300, text: 'RSS ≤ 300 MB' },
      note: `sampled once a second; without attack at most ${Math.max(...baseline.rss).toFixed(0)} MB`,
    },
    {
      name: 'server CPU under attack',
      unit: '% of a core',
      samples: [percentOfCore(underAttack.serverCpuMs, underAttack.wallMs)],
      note:
        `server ${percentOfCore(underAttack.serverCpuMs, underAttack.wallMs).toFixed(0)} % of a core under attack, ${percentOfCore(baseline.serverCpuMs, baseline.wallMs).toFixed(0)} % without; ` +
        `on the same 2 cores the attackers used ${percentOfCore(attackerCpuMs, underAttack.wallMs).toFixed(0)} % (flood ${percentOfCore(report.flood.cpuMs, underAttack.wallMs).toFixed(0)}, ` +
        `updates ${percentOfCore(report.updates.cpuMs, underAttack.wallMs).toFixed(0)}, unauthenticated ${percentOfCore(report.unauthenticated.cpuMs, underAttack.wallMs).toFixed(0)}) ` +
        `and the honest clients ${percentOfCore(underAttack.honestCpuMs, underAttack.wallMs).toFixed(0)} % (${percentOfCore(baseline.honestCpuMs, baseline.wallMs).toFixed(0)} % without)`,
    },
    {
      name: 'attackers CPU (their own processes)',
      unit: '% of a core',
      samples: [percentOfCore(attackerCpuMs, underAttack.wallMs)],
    },
    {
      name: 'hostile sockets ended by the server',
      unit: 'count',
      samples: [hostileSockets - countOpenAtEnd(report)],
      note:
        `of ${hostileSockets}. Flood from one token (${report.flood.sent.toLocaleString('en')} messages): ${describeOutcomes(report.flood.outcomes)}. ` +
        `Hostile updates (${report.updates.sent} sent): ${describeOutcomes(report.updates.outcomes)}. ` +
        `Unauthenticated: ${describeOutcomes(report.unauthenticated.outcomes)}`,
    },
  ];
}

const percentOfCore = (cpuMs: number, wallMs: number): number => (wallMs > 0 ? (100 * cpuMs) / wallMs : 0);

function countOpenAtEnd(report: AttackReport): number {
  return [report.flood, report.updates, report.unauthenticated].flatMap((attacker) => attacker.outcomes).filter((outcome) => outcome === 'open at the end').length;
}
