/**
 * Seeded update fuzzer against a real server on 127.0.0.1: an authenticated member sends
 * random, valid-looking Yjs updates — random roots, shared types, keys, values, positions
 * (origins picked among items the room really holds), storms of concurrent inserts and
 * tiny items, bytes flipped in valid updates, plain noise. Whatever the server refuses, it
 * stays up, /health answers, another project keeps syncing and the loaded rooms stay
 * within the memory budget. MARGINALIA_FUZZ_SEED=N reruns one seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HEALTH_PATH } from '#shared/sync/protocol.ts';
import type { SyncHealth } from '#shared/sync/protocol.ts';
import { roomForProject } from '#shared/sync/rooms.ts';
import { seededRandom } from '#shared/sample/seeded-random.ts';
import { startSyncServer } from '../../../electron/server/sync-server.ts';
import type { SyncServerHandle } from '../../../electron/server/sync-server.ts';
import { concurrentInsertsUpdate, tinyEntriesUpdate } from '../../helpers/hostile-updates.ts';
import type { ItemId } from '../../helpers/hostile-updates.ts';
import { authenticatedRaw, updateFrame } from './raw-client.ts';
import type { RawSocket } from './raw-client.ts';
import { connectClient, memoryLog, noteText, temporaryDataDir, textOf, waitFor, whenSynced } from './sync-test-kit.ts';
import type { TestClient } from './sync-test-kit.ts';

const SEED = Number(process.env.MARGINALIA_FUZZ_SEED ?? 20261202);
const UPDATES = 240;
const LIMITS = {
  maxRoomStructs: 4000,
  maxTotalStructs: 6000,
  maxUpdateStructs: 1500,
  connectionBurst: 10_000,
  tokenBurst: 10_000,
  maxUnauthenticatedPerAddress: 64,
};
const ROOTS = ['p', 'm', 'c', 't', 'h', 'n', 'x', 'bulk', 'notes', ''];

/** A random update, built by one of several strategies. */
function randomUpdate(random: () => number, known: readonly ItemId[]): Uint8Array {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const strategy = int(6);
  if (strategy === 0 && known.length > 1) {
    const origin = pick(known);
    return concurrentInsertsUpdate(1 + int(150), origin, random() < 0.5 ? pick(known) : null, 10_000_000 + int(1_000_000_000));
  }
  if (strategy === 1) return tinyEntriesUpdate(1 + int(1200), pick(ROOTS), 10_000_000 + int(1_000_000_000));
  const doc = new Y.Doc();
  doc.clientID = 10_000_000 + int(1_000_000_000);
  const root = doc.getMap(pick(ROOTS));
  for (let op = 0, ops = 1 + int(6); op < ops; op++) {
    const key = pick(['t', 'n', 's', 'x', 'r', `k${int(50)}`]);
    const choice = int(8);
    if (choice === 0) root.set(key, int(1000));
    else if (choice === 1) root.set(key, { d: 'doc', p: [int(100), int(100)], q: ['a', 'b', 'c'] });
    else if (choice === 2) root.set(key, new Y.Map([['n', 'nested'], ['t', new Y.Text('note text')]]));
    else if (choice === 3) root.set(key, new Y.Text('loose text'));
    else if (choice === 4) root.set(key, new Y.Array());
    else if (choice === 5) root.set(key, new Y.XmlFragment());
    else if (choice === 6) doc.getText(`${pick(ROOTS)}-text`).insert(0, 'x'.repeat(1 + int(20)));
    else root.delete(key);
  }
  const update = Y.encodeStateAsUpdate(doc);
  if (strategy === 2) {
    for (let flip = 0, flips = 1 + int(3); flip < flips; flip++) update[int(update.length)] = int(256);
  }
  if (strategy === 3) return Uint8Array.from({ length: 1 + int(80) }, () => int(256));
  return update;
}

describe(`sync server update fuzzer (seed ${SEED}; MARGINALIA_FUZZ_SEED=N reruns one)`, () => {
  const data = temporaryDataDir();
  const logs = memoryLog();
  const clients: TestClient[] = [];
  const raws: RawSocket[] = [];
  let server: SyncServerHandle;

  afterAll(async () => {
    for (const created of clients) created.destroy();
    for (const raw of raws) raw.socket.terminate();
    await server?.stop();
    data.remove();
  });

  beforeAll(async () => {
    server = await startSyncServer({ port: 0, dataDir: data.dir, log: logs.log, limits: LIMITS });
  });

  it('stays up, keeps other projects syncing and stays within the memory budget', async () => {
    const random = seededRandom(SEED);
    const attacked = server.tokens.createProject('fuzzed').id;
    const attackedToken = server.tokens.createToken({ projectId: attacked, label: 'fuzzer' }).token;
    const other = server.tokens.createProject('bystanders').id;
    const otherToken = server.tokens.createToken({ projectId: other, label: 'team' }).token;
    const [observer, a, b] = [
      connectClient({ url: server.url, projectId: attacked, token: attackedToken }),
      connectClient({ url: server.url, projectId: other, token: otherToken }),
      connectClient({ url: server.url, projectId: other, token: otherToken }),
    ] as [TestClient, TestClient, TestClient];
    clients.push(observer, a, b);
    await Promise.all(clients.map((client) => whenSynced(client)));
    noteText(observer.doc).insert(0, 'seed text for positions');
    await whenSynced(observer);

    const room = roomForProject(attacked);
    let socket = await authenticatedRaw(server.url, room, attackedToken);
    raws.push(socket);
    for (let index = 0; index < UPDATES; index++) {
      if (socket.socket.readyState !== socket.socket.OPEN) {
        socket = await authenticatedRaw(server.url, room, attackedToken);
        raws.push(socket);
      }
      const known: ItemId[] = [];
      for (const [client, structs] of observer.doc.store.clients) {
        for (const struct of structs.slice(-20)) known.push({ client, clock: struct.id.clock + struct.length - 1 });
      }
      socket.socket.send(updateFrame(room, randomUpdate(random, known)));
      if (index % 40 === 39) {
        const response = await fetch(`http://127.0.0.1:${server.port}${HEALTH_PATH}`, { signal: AbortSignal.timeout(1500) });
        const health = (await response.json()) as SyncHealth;
        expect(health.ok).toBe(true);
        expect(health.structs).toBeLessThanOrEqual(LIMITS.maxTotalStructs);
        const text = `round ${index};`;
        noteText(a.doc).insert(0, text);
        await waitFor(() => textOf(b.doc).startsWith(text), `the other project to sync "${text}"`, 3000);
      }
    }
    expect(logs.entries.filter((entry) => entry.event === 'message-rejected').length).toBeGreaterThan(0);
    expect(server.health().structs).toBeLessThanOrEqual(LIMITS.maxTotalStructs);
    for (const structs of observer.doc.store.clients.values()) expect(structs.length).toBeLessThanOrEqual(LIMITS.maxRoomStructs);
  });
});
