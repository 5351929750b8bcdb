/**
 * Hostile updates from an authenticated member, against a real server on 127.0.0.1:
 * many concurrent inserts at one position (which froze the event loop for seconds), tiny
 * items that cost memory far beyond their bytes, rooms over budget when they are loaded,
 * and updates outside the project layout (a memo passes; a memo's text under another key
 * does not). Each is refused before it is applied, with a
 * close reason and a log line, and the server keeps serving everyone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemberId, ProjectId } from '#shared/model/ids.ts';
import { PROJECT_MEMO } from '#shared/model/memo-subjects.ts';
import { listMemos } from '#shared/model/memo-views.ts';
import { editMemo, startMemo } from '#shared/model/memos.ts';
import { CLOSE_CODES, HEALTH_PATH, REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import type { SyncHealth } from '#shared/sync/protocol.ts';
import { roomForProject } from '#shared/sync/rooms.ts';
import { startSyncServer } from '../../../electron/server/sync-server.ts';
import type { SyncServerHandle, SyncServerOptions } from '../../../electron/server/sync-server.ts';
import { concurrentInsertsUpdate, firstItemId, tinyEntriesUpdate } from '../../helpers/hostile-updates.ts';
import { authenticatedRaw, updateFrame } from './raw-client.ts';
import type { RawSocket } from './raw-client.ts';
import { connectClient, memoryLog, noteText, temporaryDataDir, textOf, waitFor, whenSynced, within } from './sync-test-kit.ts';
import type { TestClient } from './sync-test-kit.ts';

const LIMITS = { maxRoomStructs: 5000, maxTotalStructs: 8000, maxSameOriginSiblings: 64 };


describe('sync server under hostile updates (Node, real websockets)', () => {
  const data = temporaryDataDir();
  const logs = memoryLog();
  const clients: TestClient[] = [];
  const raws: RawSocket[] = [];
  let server: SyncServerHandle;
  let serverOptions: SyncServerOptions;

  const project = () => {
    const projectId = server.tokens.createProject('hostile').id;
    return { projectId, token: server.tokens.createToken({ projectId, label: 'member' }).token };
  };
  const client = (projectId: ProjectId, token: string) => {
    const created = connectClient({ url: server.url, projectId, token });
    clients.push(created);
    return created;
  };
  const raw = async (projectId: ProjectId, token: string) => {
    const opened = await authenticatedRaw(server.url, roomForProject(projectId), token);
    raws.push(opened);
    return opened;
  };
  /** Two teammates of another project who must keep syncing whatever happens. */
  let bystanders: { a: TestClient; b: TestClient };
  const othersStillSync = async (text: string) => {
    noteText(bystanders.a.doc).insert(0, text);
    await waitFor(() => textOf(bystanders.b.doc).startsWith(text), `the other project to sync "${text}"`, 3000);
  };
  const health = async (): Promise<{ health: SyncHealth; ms: number }> => {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${server.port}${HEALTH_PATH}`, { signal: AbortSignal.timeout(2000) });
    return { health: (await response.json()) as SyncHealth, ms: performance.now() - started };
  };

  beforeAll(async () => {
    serverOptions = { port: 0, dataDir: data.dir, log: logs.log, limits: LIMITS };
    server = await startSyncServer(serverOptions);
    const other = project();
    bystanders = { a: client(other.projectId, other.token), b: client(other.projectId, other.token) };
    await Promise.all([whenSynced(bystanders.a), whenSynced(bystanders.b)]);
  });

  afterAll(async () => {
    for (const created of clients) created.destroy();
    for (const opened of raws) opened.socket.terminate();
    await server?.stop();
    data.remove();
  });

  it('refuses thousands of concurrent inserts at one position at once; /health and other projects never stall', async () => {
    const { projectId, token } = project();
    const writer = client(projectId, token);
    await whenSynced(writer);
    noteText(writer.doc).insert(0, 'ab');
    await whenSynced(writer);
    const first = firstItemId(noteText(writer.doc));
    const right = { client: first.client, clock: first.clock + 1 };
    const attacker = await raw(projectId, token);
    const room = roomForProject(projectId);
    const started = performance.now();
    // Two such updates took over 2 s to apply on this machine before the bound existed.
    attacker.socket.send(updateFrame(room, concurrentInsertsUpdate(2000, first, right, 1_000_000)));
    attacker.socket.send(updateFrame(room, concurrentInsertsUpdate(2000, first, right, 2_000_000)));
    const closed = await within(attacker.closed, 3000, 'the attacker to be closed');
    expect(closed).toEqual({ code: CLOSE_CODES.updateRefused, reason: REFUSAL_REASONS.updateRefused });
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await health()).ms).toBeLessThan(500);
    const entry = logs.entries.find((item) => item.event === 'message-rejected' && item.reason === REFUSAL_REASONS.updateRefused);
    expect(entry?.detail).toBe('more than 64 items inserted at one position');
    await othersStillSync('after the insert storm;');
    noteText(writer.doc).insert(1, '-');
    await whenSynced(writer);
    expect(textOf(writer.doc)).toBe('a-b');
  });

  it('refuses an update declaring more structs than one update may hold before reading any of them', async () => {
    const { projectId, token } = project();
    const attacker = await raw(projectId, token);
    logs.entries.length = 0;
    attacker.socket.send(updateFrame(roomForProject(projectId), tinyEntriesUpdate(120_000, 'm', 77_000)));
    const closed = await within(attacker.closed, 3000, 'the attacker to be closed');
    expect(closed).toEqual({ code: CLOSE_CODES.updateRefused, reason: REFUSAL_REASONS.updateRefused });
    // Refused from its header by the front door (the room guard would have read 100,000 structs to say "more than").
    const entry = logs.entries.find((item) => item.event === 'message-rejected' && item.reason === REFUSAL_REASONS.updateRefused);
    expect(entry?.detail).toBe('an update declaring 120000 structs');
    await othersStillSync('after the declared-too-large update;');
  });

  it('refuses a storm of concurrent inserts spread over many small updates', async () => {
    const { projectId, token } = project();
    const writer = client(projectId, token);
    await whenSynced(writer);
    noteText(writer.doc).insert(0, 'ab');
    await whenSynced(writer);
    const first = firstItemId(noteText(writer.doc));
    const right = { client: first.client, clock: first.clock + 1 };
    const attacker = await raw(projectId, token);
    const room = roomForProject(projectId);
    for (let batch = 0; batch < 40 && attacker.socket.readyState === attacker.socket.OPEN; batch++) {
      attacker.socket.send(updateFrame(room, concurrentInsertsUpdate(50, first, right, 3_000_000 + batch * 100)));
    }
    expect(await within(attacker.closed, 3000, 'the attacker to be closed')).toEqual({
      code: CLOSE_CODES.updateRefused,
      reason: REFUSAL_REASONS.updateRefused,
    });
    expect(logs.entries.some((item) => item.detail === 'an insert among more than 64 items at one position')).toBe(true);
    await waitFor(() => textOf(writer.doc).length > 2, 'the accepted inserts to arrive');
    expect(textOf(writer.doc).length).toBeLessThanOrEqual(2 + 3 * 50);
    // Typing in the middle of the note, offline and merged into one update, is not mistaken for a storm.
    noteText(writer.doc).insert(1, 'typed in the middle');
    await whenSynced(writer);
  });

  it('refuses updates outside the project layout, naming what was wrong', async () => {
    const { projectId, token } = project();
    const attacker = await raw(projectId, token);
    const doc = new Y.Doc();
    doc.getArray('bulk').push([1, 2, 3]);
    attacker.socket.send(updateFrame(roomForProject(projectId), Y.encodeStateAsUpdate(doc)));
    expect(await within(attacker.closed, 3000, 'the attacker to be closed')).toEqual({
      code: CLOSE_CODES.updateRefused,
      reason: REFUSAL_REASONS.updateRefused,
    });
    expect(logs.entries.some((item) => item.event === 'message-rejected' && item.detail === 'unknown root "bulk"')).toBe(true);
  });

  it('passes memos between teammates and refuses a memo text under any other key', async () => {
    const { projectId, token } = project();
    const ana = client(projectId, token);
    const bo = client(projectId, token);
    await Promise.all([whenSynced(ana), whenSynced(bo)]);
    const actor = { member: 'ana' as MemberId };
    const memo = startMemo(ana.doc, actor, PROJECT_MEMO, '# Findings');
    editMemo(ana.doc, actor, memo, 10, 0, '\n- one');
    await waitFor(() => listMemos(bo.doc)[0]?.text === '# Findings\n- one', 'the memo to reach the teammate', 3000);

    const attacker = await raw(projectId, token);
    const doc = new Y.Doc();
    doc.getMap('o').set('m', new Y.Map([['s', new Y.Text('x')]]));
    attacker.socket.send(updateFrame(roomForProject(projectId), Y.encodeStateAsUpdate(doc)));
    expect(await within(attacker.closed, 3000, 'the attacker to be closed')).toMatchObject({ code: CLOSE_CODES.updateRefused });
    expect(logs.entries.some((item) => item.event === 'message-rejected' && item.detail === 'a text under the key "s"')).toBe(true);
  });

  it('bounds a room by its structs, not its bytes: tiny items past the room budget are refused', async () => {
    const { projectId, token } = project();
    const attacker = await raw(projectId, token);
    const room = roomForProject(projectId);
    const clientId = 77_000;
    for (let batch = 0; batch < 6; batch++) {
      if (attacker.socket.readyState !== attacker.socket.OPEN) break;
      attacker.socket.send(updateFrame(room, tinyEntriesUpdate(1000, 'm', clientId, batch * 1000)));
    }
    const closed = await within(attacker.closed, 3000, 'the attacker to be closed');
    expect(closed).toEqual({ code: CLOSE_CODES.documentTooLarge, reason: REFUSAL_REASONS.documentTooLarge });
    const { health: figures } = await health();
    expect(figures.structs).toBeLessThanOrEqual(LIMITS.maxTotalStructs);
    const reader = client(projectId, token);
    await whenSynced(reader);
    expect(reader.doc.getMap('m').size).toBeLessThanOrEqual(LIMITS.maxRoomStructs);
    expect(reader.doc.getMap('m').size).toBeGreaterThanOrEqual(4000);
    await othersStillSync('after the tiny items;');
  });

  it('bounds all loaded rooms together: a second heavy room is refused with "server memory limit reached"', async () => {
    const { projectId, token } = project();
    const attacker = await raw(projectId, token);
    const room = roomForProject(projectId);
    for (let batch = 0; batch < 5; batch++) {
      if (attacker.socket.readyState !== attacker.socket.OPEN) break;
      attacker.socket.send(updateFrame(room, tinyEntriesUpdate(1000, 'm', 88_000, batch * 1000)));
    }
    expect(await within(attacker.closed, 3000, 'the attacker to be closed')).toEqual({
      code: CLOSE_CODES.serverFull,
      reason: REFUSAL_REASONS.serverFull,
    });
    expect((await health()).health.structs).toBeLessThanOrEqual(LIMITS.maxTotalStructs);
  });

  it('weighs a stored room before loading it: over budget it is refused with an inspect command, never loaded', async () => {
    const { projectId, token } = project();
    const writer = await raw(projectId, token);
    writer.socket.send(updateFrame(roomForProject(projectId), tinyEntriesUpdate(1500, 'm', 99_000)));
    const loaded = client(projectId, token);
    await waitFor(() => loaded.doc.getMap('m').size === 1500, 'the entries to be stored');
    for (const created of clients) created.destroy();
    for (const opened of raws) opened.socket.terminate();
    await server.stop();

    logs.entries.length = 0;
    server = await startSyncServer({ ...serverOptions, limits: { ...LIMITS, maxRoomStructs: 1000 } });
    const refused = client(projectId, token);
    await waitFor(() => refused.refusals.length > 0, 'the heavy room to be refused');
    expect(refused.refusals[0]).toBe(REFUSAL_REASONS.documentTooLarge);
    const entry = logs.entries.find((item) => item.event === 'room-refused');
    expect(entry?.inspect).toBe(`npm run server -- room inspect --project ${projectId}`);
    expect(server.health().rooms).toBe(0);
    expect(server.health().structs).toBe(0);
    const other = project();
    bystanders = { a: client(other.projectId, other.token), b: client(other.projectId, other.token) };
    await othersStillSync('a new room loads;');
  });
});
