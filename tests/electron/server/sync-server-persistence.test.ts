/**
 * Sync server durability: restart on the same data folder keeps everything, `kill -9`
 * loses nothing the server acknowledged, SIGTERM compacts and closes SQLite cleanly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectId } from '#shared/model/ids.ts';
import { openServerDatabase } from '../../../electron/server/server-database.ts';
import { createTokenStore } from '../../../electron/server/token-store.ts';
import { startSyncServer } from '../../../electron/server/sync-server.ts';
import type { SyncServerHandle } from '../../../electron/server/sync-server.ts';
import {
  connectClient,
  noteText,
  memoryLog,
  startChildServer,
  temporaryDataDir,
  textOf,
  waitFor,
  whenSynced,
} from './sync-test-kit.ts';
import type { ChildServer, TestClient } from './sync-test-kit.ts';

/** Creates a project and a token directly in a data folder's database (as the CLI does). */
function provision(dataDir: string): { projectId: ProjectId; token: string } {
  const db = openServerDatabase(dataDir);
  try {
    const tokens = createTokenStore(db);
    const projectId = tokens.createProject('persistence').id;
    return { projectId, token: tokens.createToken({ projectId, label: 'tester' }).token };
  } finally {
    db.close();
  }
}

function roomRows(dataDir: string): { logRows: number; snapshots: number } {
  const db = openServerDatabase(dataDir);
  try {
    const logRows = (db.prepare('SELECT COUNT(*) AS n FROM updates').get() as { n: number }).n;
    const snapshots = (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
    return { logRows, snapshots };
  } finally {
    db.close();
  }
}

describe('sync server persistence (Node, real websockets, child processes)', () => {
  const folders: Array<{ remove: () => void }> = [];
  const clients: TestClient[] = [];
  const servers: SyncServerHandle[] = [];
  const children: ChildServer[] = [];

  const track = <T extends TestClient>(client: T): T => {
    clients.push(client);
    return client;
  };

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const server of servers) await server.stop();
    for (const child of children) if (child.child.exitCode === null) child.child.kill('SIGKILL');
    await Promise.all(children.map((child) => child.exited));
    for (const folder of folders) folder.remove();
  });

  it('keeps a project across a stop and a new server on the same data folder, compacted', async () => {
    const data = temporaryDataDir();
    folders.push(data);
    const { projectId, token } = provision(data.dir);
    const logs = memoryLog();
    const first = await startSyncServer({ port: 0, dataDir: data.dir, log: logs.log });
    servers.push(first);
    const writer = track(connectClient({ url: first.url, projectId, token }));
    await whenSynced(writer);
    noteText(writer.doc).insert(0, 'survives a restart');
    writer.doc.getMap('t').set('t1', 'economy');
    await whenSynced(writer);
    writer.destroy();
    await first.stop();
    expect(logs.entries.some((entry) => entry.event === 'store')).toBe(true);
    expect(roomRows(data.dir)).toEqual({ logRows: 0, snapshots: 1 });

    const second = await startSyncServer({ port: 0, dataDir: data.dir, log: () => {} });
    servers.push(second);
    const reader = track(connectClient({ url: second.url, projectId, token }));
    await whenSynced(reader);
    expect(textOf(reader.doc)).toBe('survives a restart');
    expect(reader.doc.getMap('t').get('t1')).toBe('economy');
  });

  it('loses nothing acknowledged when the server process is killed with SIGKILL', async () => {
    const data = temporaryDataDir();
    folders.push(data);
    const { projectId, token } = provision(data.dir);
    const first = await startChildServer(data.dir);
    children.push(first);
    const writer = track(connectClient({ url: first.url, projectId, token }));
    await whenSynced(writer);
    const notes = noteText(writer.doc);
    for (let index = 0; index < 200; index++) notes.insert(notes.length, `${index};`);
    await whenSynced(writer, 10_000);
    const acknowledged = textOf(writer.doc);

    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    writer.destroy();
    // Killed before its debounced store: only the synchronous update log holds the edits.
    expect(first.lines.some((line) => line.event === 'store')).toBe(false);
    expect(roomRows(data.dir).logRows).toBeGreaterThan(0);

    const second = await startChildServer(data.dir);
    children.push(second);
    const reader = track(connectClient({ url: second.url, projectId, token }));
    await whenSynced(reader);
    expect(textOf(reader.doc)).toBe(acknowledged);
    expect(acknowledged.split(';')).toHaveLength(201);
    second.child.kill('SIGKILL');
    await second.exited;
  });

  it('on SIGTERM stores and compacts every room, closes SQLite and exits 0', async () => {
    const data = temporaryDataDir();
    folders.push(data);
    const { projectId, token } = provision(data.dir);
    const server = await startChildServer(data.dir);
    children.push(server);
    const writer = track(connectClient({ url: server.url, projectId, token }));
    await whenSynced(writer);
    noteText(writer.doc).insert(0, 'flushed on SIGTERM');
    await whenSynced(writer);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.lines.map((line) => line.event)).toEqual(
      expect.arrayContaining(['listening', 'connect', 'shutdown', 'disconnect', 'store', 'stopped']),
    );
    const store = server.lines.find((line) => line.event === 'store');
    expect(Number(store?.bytes)).toBeGreaterThan(0);
    expect(roomRows(data.dir)).toEqual({ logRows: 0, snapshots: 1 });
    writer.destroy();

    const restarted = await startSyncServer({ port: 0, dataDir: data.dir, log: () => {} });
    servers.push(restarted);
    const reader = track(connectClient({ url: restarted.url, projectId, token }));
    await waitFor(() => textOf(reader.doc) === 'flushed on SIGTERM', 'the flushed text after restart');
  });
});
