/**
 * The hostile clients of the attack benchmark (sync-attack.ts), each run in its own child
 * process (`plan.role`) so that its busy loop neither sits on the event loop that times the
 * honest clients' deliveries nor delays another attacker's view of how its sockets ended,
 * and so that the CPU the attack itself burns is measured apart from the server's.
 * For `seconds` seconds, against one server on 127.0.0.1, at the same time:
 * - a flooder: authenticates with its own token and sends query-awareness messages (the
 *   cheapest valid message) as fast as the socket drains, reconnecting whenever it is cut;
 * - an update attacker with another token: insert storms (2,000 items at one position),
 *   one update over the struct bound, updates outside the layout (a root array), and tiny
 *   map entries in 20,000-struct updates until the room budget refuses them;
 * - an opener: unauthenticated sockets, about 200 a second, half of them sending junk
 *   before authenticating and half silent.
 * Each attacker connects from its own loopback address (127.0.0.2–4), as from its own machine.
 * Every socket's end is posted back: the close code, "HTTP 503" for a refused upgrade, or
 * "open at the end" for one the attacker cut when the time was up.
 */
import * as Y from 'yjs';
import { concurrentInsertsUpdate, tinyEntriesUpdate } from '../tests/helpers/hostile-updates.ts';
import { authFrame, openRaw, queryAwarenessFrame, updateFrame, type RawSocket } from '../tests/electron/server/raw-client.ts';
import type { SocketOutcome } from './close-codes.ts';

/** Which hostile client an attacker process plays. */
export type AttackerRole = 'flood' | 'updates' | 'unauthenticated';

/** What an attacker process is given. */
export interface AttackPlan {
  readonly role: AttackerRole;
  readonly url: string;
  readonly room: string;
  readonly floodToken: string;
  readonly updateToken: string;
  readonly seconds: number;
}

/** What an attacker sends back when done: how each of its sockets ended, what it sent, its CPU time. */
export interface AttackerReport {
  readonly outcomes: SocketOutcome[];
  readonly sent: number;
  /** CPU time (user + system) the attacker's process used, in ms. */
  readonly cpuMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const END_GRACE_MS = 1000;

/** Where each attacker connects from: other machines, so one's per-address limit is its own. */
const FROM = { flood: '127.0.0.2', updates: '127.0.0.3', unauthenticated: '127.0.0.4' } as const;

/** Opens a socket, or says how the upgrade was refused. */
async function tryOpen(url: string, from: string): Promise<RawSocket | SocketOutcome> {
  try {
    return await openRaw(url, undefined, from);
  } catch (error) {
    const status = /HTTP (\d+)/.exec(String(error));
    return status ? `HTTP ${status[1]}` : 'connection failed';
  }
}

/** Waits briefly for the server to close `raw`; otherwise cuts it and says so. */
async function finish(raw: RawSocket): Promise<SocketOutcome> {
  const closed = await Promise.race([raw.closed, sleep(END_GRACE_MS).then(() => null)]);
  if (closed) return closed.code;
  raw.socket.terminate();
  return 'open at the end';
}

async function flood(plan: AttackPlan, until: number, outcomes: SocketOutcome[]): Promise<number> {
  const message = queryAwarenessFrame(plan.room);
  let sent = 0;
  while (Date.now() < until) {
    const raw = await tryOpen(plan.url, FROM.flood);
    if (typeof raw !== 'object') {
      outcomes.push(raw);
      await sleep(20);
      continue;
    }
    raw.socket.send(authFrame(plan.room, plan.floodToken));
    while (raw.socket.readyState === raw.socket.OPEN && Date.now() < until) {
      while (raw.socket.readyState === raw.socket.OPEN && raw.socket.bufferedAmount < 256 * 1024) {
        raw.socket.send(message);
        sent++;
      }
      await nextTurn();
    }
    outcomes.push(await finish(raw));
  }
  return sent;
}

function foreignRootUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getArray('bulk').push([1, 2, 3]);
  return Y.encodeStateAsUpdate(doc);
}

async function hostileUpdates(plan: AttackPlan, until: number, outcomes: SocketOutcome[]): Promise<number> {
  const storm = (round: number) => concurrentInsertsUpdate(2000, { client: 1, clock: 0 }, { client: 1, clock: 1 }, 1_000_000 + round * 2000);
  let sent = 0;
  for (let round = 0; Date.now() < until; round++) {
    const raw = await tryOpen(plan.url, FROM.updates);
    if (typeof raw !== 'object') {
      outcomes.push(raw);
      await sleep(20);
      continue;
    }
    raw.socket.send(authFrame(plan.room, plan.updateToken));
    const kind = round % 4;
    if (kind === 0) raw.socket.send(updateFrame(plan.room, storm(round)));
    if (kind === 1) raw.socket.send(updateFrame(plan.room, tinyEntriesUpdate(120_000, 'm', 50_000_000 + round)));
    if (kind === 2) raw.socket.send(updateFrame(plan.room, foreignRootUpdate()));
    // Accepted tiny entries grow the room, 20,000 structs at a time, until its budget refuses them.
    for (let batch = 0; kind === 3 && batch < 40 && raw.socket.readyState === raw.socket.OPEN && Date.now() < until; batch++) {
      raw.socket.send(updateFrame(plan.room, tinyEntriesUpdate(20_000, 'm', 60_000_000 + round, batch * 20_000)));
      sent++;
      await sleep(50);
    }
    if (kind !== 3) sent++;
    outcomes.push(await finish(raw));
  }
  return sent;
}

async function unauthenticated(plan: AttackPlan, until: number, outcomes: SocketOutcome[]): Promise<void> {
  const junk = queryAwarenessFrame(plan.room);
  const pending: Array<Promise<void>> = [];
  for (let wave = 0; Date.now() < until; wave++) {
    for (let index = 0; index < 20; index++) {
      pending.push(
        tryOpen(plan.url, FROM.unauthenticated).then(async (raw) => {
          if (typeof raw !== 'object') return void outcomes.push(raw);
          if (index % 2 === 0) for (let count = 0; count < 20; count++) raw.socket.send(junk);
          const closed = await Promise.race([raw.closed, sleep(Math.max(0, until - Date.now())).then(() => null)]);
          outcomes.push(closed ? closed.code : await finish(raw));
        }),
      );
    }
    await sleep(100);
  }
  await Promise.all(pending);
}

async function attack(plan: AttackPlan): Promise<Omit<AttackerReport, 'cpuMs'>> {
  const until = Date.now() + plan.seconds * 1000;
  const outcomes: SocketOutcome[] = [];
  if (plan.role === 'flood') return { outcomes, sent: await flood(plan, until, outcomes) };
  if (plan.role === 'updates') return { outcomes, sent: await hostileUpdates(plan, until, outcomes) };
  await unauthenticated(plan, until, outcomes);
  return { outcomes, sent: outcomes.length };
}

/** Run as a child process (sync-attack.ts forks it): the plan arrives as the first message. */
if (process.send) {
  process.once('message', (plan: AttackPlan) => {
    const send = (message: AttackerReport | { error: string }) => process.send?.(message);
    attack(plan).then(
      (report) => {
        const cpu = process.cpuUsage();
        send({ ...report, cpuMs: (cpu.user + cpu.system) / 1000 });
      },
      (error: unknown) => send({ error: String(error) }),
    );
  });
}
