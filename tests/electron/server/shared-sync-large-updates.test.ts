/**
 * Large updates on instances over a real PostgreSQL and a real Redis (child processes,
 * `--structs-per-turn 50`): an update of several hundred structs, applied by the room
 * guard in slices, is committed whole to PostgreSQL before it is acknowledged — `kill -9`
 * right after the acknowledgement loses none of it; it reaches a client on another
 * instance through Redis, whole; and when PostgreSQL cannot commit it, its sender is closed with
 * 4504 and nothing of it reaches the room.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ProjectId } from '#shared/model/ids.ts';
import { CLOSE_CODES, REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { roomForProject } from '#shared/sync/rooms.ts';
import { createPostgresDocumentStore } from '../../../electron/server/postgres-document-store.ts';
import { createPostgresTokenStore } from '../../../electron/server/postgres-token-store.ts';
import { migrate, openPostgresPool } from '../../../electron/server/postgres-database.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres-server.ts';
import { startRedis, type TestRedis } from '../../helpers/redis-server.ts';
import { startInstance, type ChildInstance } from '../../helpers/sync-instances.ts';
import { connectClient, waitFor, whenSynced, type TestClient } from './sync-test-kit.ts';

const ARGS = ['--structs-per-turn', '50'];
const ENTRIES = 600;

let postgres: TestPostgres;
let redis: TestRedis;
let pool: pg.Pool;
let alpha: ChildInstance;
let beta: ChildInstance;
const clients: TestClient[] = [];

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const store = await postgres.createDatabase('large');
  pool = openPostgresPool(store);
  await migrate(pool);
  [alpha, beta] = await Promise.all([
    startInstance({ store, redis: redis.url, name: 'alpha', args: ARGS }),
    startInstance({ store, redis: redis.url, name: 'beta', args: ARGS }),
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

/** Writes `ENTRIES` map entries in one transaction: one update of that many structs. */
function writeEntries(doc: Y.Doc): void {
  doc.transact(() => {
    const map = doc.getMap('m');
    for (let index = 0; index < ENTRIES; index++) map.set(`k${index}`, index);
  });
}

/** The room as PostgreSQL holds it, read directly through the store. */
async function storedEntries(projectId: ProjectId): Promise<number> {
  const stored = await createPostgresDocumentStore(pool).load(roomForProject(projectId));
  const doc = new Y.Doc();
  if (stored) Y.applyUpdate(doc, stored);
  return doc.getMap('m').size;
}

describe('large updates on instances over PostgreSQL and Redis (child processes)', () => {
  it('commits a large update whole before it is acknowledged: kill -9 right after loses none of it', async () => {
    const access = await project('large then killed');
    const writer = client(alpha.url, access);
    await whenSynced(writer, 15_000);
    let killed: Promise<void> | null = null;
    writer.provider.on('unsyncedChanges', () => {
      if (writer.provider.unsyncedChanges === 0 && killed === null) killed = alpha.kill('SIGKILL');
    });
    writeEntries(writer.doc);
    await waitFor(() => killed !== null, 'the large update to be acknowledged', 15_000);
    await killed;
    writer.destroy();
    // The guard applied it in slices and Hocuspocus saw zeroed bytes: PostgreSQL must hold it all.
    expect(await storedEntries(access.projectId)).toBe(ENTRIES);
    await alpha.restart();
    // A restarted instance loads the room from PostgreSQL (in slices).
    const reader = client(alpha.url, access);
    await whenSynced(reader, 15_000);
    expect(reader.doc.getMap('m').size).toBe(ENTRIES);
  });

  it('delivers a large update, applied in slices, to a client on another instance through Redis', async () => {
    const access = await project('large across instances');
    const writer = client(alpha.url, access);
    const reader = client(beta.url, access);
    await Promise.all([whenSynced(writer, 15_000), whenSynced(reader, 15_000)]);
    writeEntries(writer.doc);
    await whenSynced(writer, 15_000);
    // Every slice changes alpha's room and announces its state vector through Redis; how many
    // round trips beta needs depends on timing (one when the slices all land before beta asks),
    // so the test reads the outcome: every entry, in the same state as the writer's.
    await waitFor(() => reader.doc.getMap('m').size === ENTRIES, 'the other instance\'s client to hold every entry', 15_000);
    expect(Buffer.from(Y.encodeStateAsUpdate(reader.doc)).equals(Buffer.from(Y.encodeStateAsUpdate(writer.doc)))).toBe(true);
    expect(await storedEntries(access.projectId)).toBe(ENTRIES);
  });

  it('closes the sender with 4504 and applies nothing of a large update PostgreSQL cannot commit', async () => {
    const access = await project('large while the store is down');
    const writer = client(alpha.url, access);
    const sameInstance = client(alpha.url, access);
    const otherInstance = client(beta.url, access);
    await Promise.all([writer, sameInstance, otherInstance].map((each) => whenSynced(each, 15_000)));
    const closes: Array<{ code: number; reason: string }> = [];
    writer.provider.configuration.websocketProvider.on('close', ({ event }: { event: { code: number; reason: string } }) => closes.push({ code: event.code, reason: event.reason }));
    await postgres.kill();
    try {
      writeEntries(writer.doc);
      await waitFor(() => closes.some((close) => close.code === CLOSE_CODES.storeUnavailable), 'the large update to be refused', 15_000);
      // The writer stops here: it would resend its unacknowledged update once PostgreSQL is back.
      writer.destroy();
      expect(closes.find((close) => close.code === CLOSE_CODES.storeUnavailable)?.reason).toBe(REFUSAL_REASONS.storeUnavailable);
      expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
      expect(alpha.lines.some((line) => line.event === 'store-failed')).toBe(true);
    } finally {
      await postgres.restart();
    }
    // Clients that join after the refusal see the room as it is: on alpha (the room still loaded,
    // where slices would have been applied) and on beta.
    for (const instance of [alpha, beta]) {
      const fresh = client(instance.url, access);
      await whenSynced(fresh, 20_000);
      expect(fresh.doc.getMap('m').size, instance.name).toBe(0);
    }
    expect(sameInstance.doc.getMap('m').size).toBe(0);
    expect(otherInstance.doc.getMap('m').size).toBe(0);
    expect(await storedEntries(access.projectId)).toBe(0);
  });
});
