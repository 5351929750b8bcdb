/**
 * Two instances as child processes over a real PostgreSQL and a real Redis, under
 * failure: `kill -9` right after an acknowledgement loses nothing (the commit came
 * first); seeded random edits on both instances converge with a random instance killed
 * and restarted, every edit present at the end; Redis restarted while clients are connected, rooms
 * reconverge; PostgreSQL restarted, writes are refused with a reason, not lost, and resume.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectId } from '#shared/model/ids.ts';
import { CLOSE_CODES, REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { createPostgresTokenStore } from '../../../electron/server/postgres-token-store.ts';
import { migrate, openPostgresPool } from '../../../electron/server/postgres-database.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres-server.ts';
import { startRedis, type TestRedis } from '../../helpers/redis-server.ts';
import { startInstance, type ChildInstance } from '../../helpers/sync-instances.ts';
import { connectClient, noteText, textOf, waitFor, whenSynced, type TestClient } from './sync-test-kit.ts';

let postgres: TestPostgres;
let redis: TestRedis;
let store: string;
let pool: pg.Pool;
let alpha: ChildInstance;
let beta: ChildInstance;
const clients: TestClient[] = [];

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  store = await postgres.createDatabase('crash');
  pool = openPostgresPool(store);
  await migrate(pool);
  [alpha, beta] = await Promise.all([
    startInstance({ store, redis: redis.url, name: 'alpha' }),
    startInstance({ store, redis: redis.url, name: 'beta' }),
  ]);
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.destroy();
  await alpha?.kill('SIGTERM');
  await beta?.kill('SIGTERM');
  await pool?.end();
  await redis?.stop();
  await postgres?.stop();
});

async function project(name: string): Promise<{ projectId: ProjectId; token: string }> {
  const tokens = createPostgresTokenStore(pool);
  const created = await tokens.createProject(name);
  return { projectId: created.id, token: (await tokens.createToken({ projectId: created.id, label: name })).token };
}

function client(url: string, access: { projectId: ProjectId; token: string }): TestClient {
  const connected = connectClient({ url, ...access });
  clients.push(connected);
  return connected;
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const markers = (text: string) => text.split('|').filter((part) => part !== '');

describe('two instances under failure (child processes, kill -9)', () => {
  it('loses nothing acknowledged when an instance is killed right after the acknowledgement', async () => {
    const access = await project('killed after ack');
    const writer = client(alpha.url, access);
    await whenSynced(writer);
    // The instance dies the moment the client sees its last update acknowledged.
    let killed: Promise<void> | null = null;
    writer.provider.on('unsyncedChanges', () => {
      if (writer.provider.unsyncedChanges === 0 && killed === null) killed = alpha.kill('SIGKILL');
    });
    for (let index = 0; index < 200; index++) {
      writer.doc.transact(() => noteText(writer.doc, 'w').insert(noteText(writer.doc, 'w').length, `|${index}`));
    }
    await waitFor(() => killed !== null, 'the burst to be acknowledged', 10_000);
    await killed;
    writer.destroy();
    // beta never held this room: what it serves comes from PostgreSQL alone.
    const reader = client(beta.url, access);
    await whenSynced(reader);
    expect(markers(textOf(reader.doc, 'w'))).toHaveLength(200);
    await alpha.restart();
  });

  it('converges seeded random edits on both instances with a random instance killed and restarted', async () => {
    const seed = Number(process.env.MARGINALIA_SCALE_SEED ?? Date.now() % 100_000);
    const next = random(seed);
    const access = await project(`random ${seed}`);
    const onAlpha = client(alpha.url, access);
    const onBeta = client(beta.url, access);
    await Promise.all([whenSynced(onAlpha), whenSynced(onBeta)]);
    const written = { a: 0, b: 0 };
    const victim = next() < 0.5 ? alpha : beta;
    const killAt = 20 + Math.floor(next() * 40);
    for (let step = 0; step < 80; step++) {
      const side = next() < 0.5 ? 'a' : 'b';
      const doc = side === 'a' ? onAlpha.doc : onBeta.doc;
      const text = noteText(doc, side);
      text.insert(text.length, `|${side}${written[side]++}`);
      if (step === killAt) await victim.kill('SIGKILL');
      if (step === killAt + 10) await victim.restart();
      if (next() < 0.3) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (!victim.running()) await victim.restart();
    await Promise.all([whenSynced(onAlpha, 20_000), whenSynced(onBeta, 20_000)]);
    const expected = (side: 'a' | 'b') => Array.from({ length: written[side] }, (_, index) => `${side}${index}`);
    await waitFor(
      () => ['a', 'b'].every((side) => textOf(onAlpha.doc, side) === textOf(onBeta.doc, side)),
      `the two clients to converge (seed ${seed})`,
      15_000,
    );
    // A fresh client on each instance sees every edit: all were acknowledged and stored.
    for (const instance of [alpha, beta]) {
      const fresh = client(instance.url, access);
      await whenSynced(fresh);
      expect(markers(textOf(fresh.doc, 'a')), `seed ${seed}`).toEqual(expected('a'));
      expect(markers(textOf(fresh.doc, 'b')), `seed ${seed}`).toEqual(expected('b'));
    }
  });

  it('reconverges rooms after Redis restarts while clients are connected', async () => {
    const access = await project('redis restart');
    const onAlpha = client(alpha.url, access);
    const onBeta = client(beta.url, access);
    await Promise.all([whenSynced(onAlpha, 15_000), whenSynced(onBeta, 15_000)]);
    noteText(onAlpha.doc, 'r').insert(0, 'before');
    await waitFor(() => textOf(onBeta.doc, 'r') === 'before', 'the edit before the outage to cross');
    await redis.kill();
    // Both sides keep writing (each instance stores its own clients' edits) while Redis is down.
    noteText(onAlpha.doc, 'r').insert(0, 'alpha|');
    noteText(onBeta.doc, 'r2').insert(0, 'beta|');
    await Promise.all([whenSynced(onAlpha), whenSynced(onBeta)]);
    const restarted = Date.now();
    await redis.restart();
    await waitFor(
      () => textOf(onBeta.doc, 'r') === 'alpha|before' && textOf(onAlpha.doc, 'r2') === 'beta|',
      'rooms to reconverge after Redis came back',
      15_000,
    );
    const delay = Date.now() - restarted;
    expect(delay).toBeLessThan(15_000);
    await waitFor(() => alpha.lines.some((line) => line.event === 'redis-reconnected'), 'alpha to log its reconnection');
  });

  it('refuses writes with a reason while PostgreSQL is down, loses none, and resumes', async () => {
    const access = await project('postgres restart');
    const writer = client(alpha.url, access);
    await whenSynced(writer, 15_000);
    const closes: Array<{ code: number; reason: string }> = [];
    writer.provider.configuration.websocketProvider.on('close', ({ event }: { event: { code: number; reason: string } }) => closes.push({ code: event.code, reason: event.reason }));
    await postgres.kill();
    noteText(writer.doc, 'p').insert(0, 'written while the store was down');
    await waitFor(() => closes.some((close) => close.code === CLOSE_CODES.storeUnavailable), 'the write to be refused', 10_000);
    expect(closes.find((close) => close.code === CLOSE_CODES.storeUnavailable)?.reason).toBe(REFUSAL_REASONS.storeUnavailable);
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(alpha.lines.some((line) => line.event === 'store-failed')).toBe(true);
    await postgres.restart();
    await whenSynced(writer, 20_000);
    const reader = client(beta.url, access);
    await whenSynced(reader);
    expect(textOf(reader.doc, 'p')).toBe('written while the store was down');
  });
});
