/**
 * Sync server restart with a crowd: 50 providers edit while the server is down, then all
 * reconnect at once to a new server on the same port and data folder; every client ends
 * with every client's offline edit (bounded wait).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startSyncServer } from '../../../electron/server/sync-server.ts';
import type { SyncServerHandle } from '../../../electron/server/sync-server.ts';
import { connectClient, memoryLog, temporaryDataDir, waitFor, whenSynced } from './sync-test-kit.ts';
import type { TestClient } from './sync-test-kit.ts';

const CLIENTS = 50;

describe('sync server restart with 50 reconnecting clients (Node, real websockets)', () => {
  const data = temporaryDataDir();
  const clients: TestClient[] = [];
  const servers: SyncServerHandle[] = [];

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const server of servers) await server.stop();
    data.remove();
  });

  it('resyncs every client and merges every offline edit', async () => {
    const first = await startSyncServer({ port: 0, dataDir: data.dir, log: () => {} });
    servers.push(first);
    const projectId = first.tokens.createProject('crowd').id;
    const token = first.tokens.createToken({ projectId, label: 'crowd' }).token;
    for (let index = 0; index < CLIENTS; index++) clients.push(connectClient({ url: first.url, projectId, token }));
    await Promise.all(clients.map((client) => whenSynced(client, 15_000)));
    clients[0]?.doc.getMap('m').set('before', 'restart');
    await waitFor(() => clients.every((client) => client.doc.getMap('m').get('before') === 'restart'), 'the first edit everywhere', 10_000);

    await first.stop();
    clients.forEach((client, index) => client.doc.getMap('m').set(`client-${index}`, index));

    const logs = memoryLog();
    const second = await startSyncServer({ port: first.port, dataDir: data.dir, log: logs.log });
    servers.push(second);
    await waitFor(
      () => clients.every((client) => client.doc.getMap('m').size === CLIENTS + 1),
      'every client to hold all 51 edits',
      20_000,
    );
    await Promise.all(clients.map((client) => whenSynced(client, 10_000)));
    expect(logs.entries.filter((entry) => entry.event === 'connect').length).toBeGreaterThanOrEqual(CLIENTS);
    expect(second.health().connections).toBe(CLIENTS);
    const reference = clients[0]?.doc.getMap('m').toJSON();
    for (const client of clients) expect(client.doc.getMap('m').toJSON()).toEqual(reference);
  });
});
