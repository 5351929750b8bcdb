/**
 * Failover of team sync between two instances of one deployment (Node, the real provider
 * over `ws`, two sync server instances as child processes over a real PostgreSQL and a
 * real Redis): the invite lists both; the instance in use is killed with SIGKILL in the
 * middle of a burst of edits; the sync moves to the other on its own, the status names
 * the server it is on and the one it left, and every edit is on the server at the end.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { MemberId, ProjectId } from '#shared/model/ids.ts';
import { localOrigin } from '#shared/model/origins.ts';
import { migrate, openPostgresPool } from '../../../electron/server/postgres-database.ts';
import { createPostgresTokenStore } from '../../../electron/server/postgres-token-store.ts';
import { describeSyncStatus } from '../../../renderer/sync/sync-status.ts';
import { startTeamSync, type TeamSync } from '../../../renderer/sync/team-sync.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres-server.ts';
import { startRedis, type TestRedis } from '../../helpers/redis-server.ts';
import { waitUntil } from '../../helpers/sync-server.ts';
import { startInstance, type ChildInstance } from '../../helpers/sync-instances.ts';
import { connectClient, noteText, textOf, whenSynced } from '../../electron/server/sync-test-kit.ts';

const FAST = { delay: 50, factor: 1.5, minDelay: 20, maxDelay: 300 };

let postgres: TestPostgres;
let redis: TestRedis;
let pool: pg.Pool;
let alpha: ChildInstance;
let beta: ChildInstance;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const store = await postgres.createDatabase('failover');
  pool = openPostgresPool(store);
  await migrate(pool);
  [alpha, beta] = await Promise.all([
    startInstance({ store, redis: redis.url, name: 'alpha' }),
    startInstance({ store, redis: redis.url, name: 'beta' }),
  ]);
}, 60_000);

afterAll(async () => {
  await alpha?.kill('SIGTERM');
  await beta?.kill('SIGTERM');
  await pool?.end();
  await redis?.stop();
  await postgres?.stop();
});

describe('team sync failover between instances', () => {
  it('moves to the next server of the invite when the one in use dies mid-burst, losing nothing', async () => {
    const tokens = createPostgresTokenStore(pool);
    const projectId: ProjectId = (await tokens.createProject('failover')).id;
    const { token } = await tokens.createToken({ projectId, label: 'ana' });
    const doc = new Y.Doc();
    const sync: TeamSync = startTeamSync({
      credentials: { serverUrl: alpha.url, serverUrls: [alpha.url, beta.url], projectId, token },
      target: { projectId, doc, whenLoaded: Promise.resolve() },
      member: { id: 'member-ana' as MemberId, name: 'Ana', colour: '#00798c' },
      WebSocketPolyfill: WebSocket,
      timing: FAST,
      socketScope: 'failover',
    });
    try {
      await waitUntil(() => sync.status().phase === 'synced', 'synced on alpha');
      expect(sync.serverUrl).toBe(alpha.url);
      const write = (index: number) => doc.transact(() => noteText(doc, 'f').insert(noteText(doc, 'f').length, `|${index}`), localOrigin('member-ana' as MemberId));
      for (let index = 0; index < 300; index++) {
        write(index);
        if (index === 150) await alpha.kill('SIGKILL');
        if (index % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await waitUntil(() => sync.status().phase === 'synced' && sync.serverUrl === beta.url, 'synced again, on beta', 15_000);
      expect(sync.status().switchedFrom).toBe(alpha.url);
      expect(describeSyncStatus(sync.status()).tooltip).toContain(`Server: ${beta.url} (switched from ${alpha.url}`);
    } finally {
      sync.destroy();
    }
    const reader = connectClient({ url: beta.url, projectId, token });
    try {
      await whenSynced(reader);
      // A client joining while the instance is still unloading the room may first be served
      // the room as it was loaded and get the rest about a second later (the Redis
      // extension's unload delay): wait for it, bounded.
      const markers = () => textOf(reader.doc, 'f').split('|').filter(Boolean);
      await waitUntil(() => markers().length >= 300, 'the reader to hold every edit', 5000).catch(() => undefined);
      const got = markers();
      expect(got).toEqual(Array.from({ length: 300 }, (_, index) => String(index)));
    } finally {
      reader.destroy();
    }
  });
});
