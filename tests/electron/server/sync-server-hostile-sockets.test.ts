/**
 * Hostile sockets against a real server on 127.0.0.1: web pages from foreign origins,
 * piles of sockets that never authenticate, chatter before authentication, floods from
 * a token holder, and a revoked client that ignores the close. Each is turned away or
 * cut with a reason and a log line, and other projects keep syncing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectId } from '#shared/model/ids.ts';
import { CLOSE_CODES, REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { roomForProject } from '#shared/sync/rooms.ts';
import { UPGRADE_REFUSAL_LINES_PER_SECOND } from '../../../electron/server/front-door.ts';
import { startSyncServer } from '../../../electron/server/sync-server.ts';
import type { SyncServerHandle } from '../../../electron/server/sync-server.ts';
import { authenticatedRaw, authFrame, openDeaf, openRaw, queryAwarenessFrame, updateFrame } from './raw-client.ts';
import type { DeafSocket, RawSocket } from './raw-client.ts';
import { connectClient, memoryLog, noteText, temporaryDataDir, textOf, waitFor, whenSynced, within } from './sync-test-kit.ts';
import type { TestClient } from './sync-test-kit.ts';
import * as Y from 'yjs';
import { tinyEntriesUpdate } from '../../helpers/hostile-updates.ts';

const LIMITS = {
  maxUnauthenticatedSockets: 6,
  maxUnauthenticatedPerAddress: 4,
  authTimeoutMs: 400,
  maxUnauthenticatedMessages: 8,
  connectionMessagesPerSecond: 20,
  connectionBurst: 60,
  tokenMessagesPerSecond: 30,
  tokenBurst: 100,
  tokenStructsPerSecond: 500,
  tokenStructBurst: 2000,
  revocationGraceMs: 200,
  allowedOrigins: ['https://team.example.org', 'http://127.0.0.1:*'],
};


describe('sync server under hostile sockets (Node, real websockets)', () => {
  const data = temporaryDataDir();
  const logs = memoryLog();
  const clients: TestClient[] = [];
  const raws: RawSocket[] = [];
  const deaf: DeafSocket[] = [];
  let server: SyncServerHandle;
  let bystanders: { a: TestClient; b: TestClient };

  const project = () => {
    const projectId = server.tokens.createProject('hostile sockets').id;
    const created = server.tokens.createToken({ projectId, label: 'member' });
    return { projectId, token: created.token, tokenId: created.record.id };
  };
  const client = (projectId: ProjectId, token: string) => {
    const created = connectClient({ url: server.url, projectId, token });
    clients.push(created);
    return created;
  };
  const track = <T extends RawSocket>(raw: T): T => {
    raws.push(raw);
    return raw;
  };
  const othersStillSync = async (text: string) => {
    noteText(bystanders.a.doc).insert(0, text);
    await waitFor(() => textOf(bystanders.b.doc).startsWith(text), `the other project to sync "${text}"`, 3000);
  };
  const logged = (event: string, field: string, value: unknown) =>
    logs.entries.some((entry) => entry.event === event && entry[field] === value);

  beforeAll(async () => {
    server = await startSyncServer({ port: 0, dataDir: data.dir, log: logs.log, limits: LIMITS });
    const other = project();
    bystanders = { a: client(other.projectId, other.token), b: client(other.projectId, other.token) };
    await Promise.all([whenSynced(bystanders.a), whenSynced(bystanders.b)]);
  });

  afterAll(async () => {
    for (const created of clients) created.destroy();
    for (const opened of raws) opened.socket.terminate();
    for (const socket of deaf) socket.destroy();
    await server?.stop();
    data.remove();
  });

  it('refuses a web page from a foreign origin (403); allows the app, listed origins and native clients', async () => {
    await expect(openRaw(server.url, 'https://evil.example')).rejects.toThrow('HTTP 403');
    expect(logged('upgrade-refused', 'origin', 'https://evil.example')).toBe(true);
    for (const origin of ['app://marginalia', 'https://team.example.org', 'http://127.0.0.1:5178', undefined]) {
      const opened = track(await openRaw(server.url, origin));
      opened.socket.close();
      await opened.closed;
    }
  });

  it('caps sockets that have not authenticated, per address and in total (503), with a log line', async () => {
    const waiting = await Promise.all(Array.from({ length: LIMITS.maxUnauthenticatedPerAddress }, () => openRaw(server.url)));
    waiting.forEach(track);
    await expect(openRaw(server.url)).rejects.toThrow('HTTP 503');
    expect(logs.entries.some((entry) => entry.event === 'upgrade-refused' && entry.status === 503)).toBe(true);
    for (const opened of waiting) opened.socket.terminate();
    await Promise.all(waiting.map((opened) => opened.closed));
    await othersStillSync('after the pile of sockets;');
  });

  it('writes at most a few upgrade-refused lines a second however many upgrades it refuses, and counts the rest', async () => {
    const pile = async () => {
      const opened = await Promise.all(Array.from({ length: LIMITS.maxUnauthenticatedPerAddress }, () => openRaw(server.url)));
      opened.forEach(track);
      return opened;
    };
    const waiting = await pile();
    const refusedLines = () => logs.entries.filter((entry) => entry.event === 'upgrade-refused');
    const before = refusedLines().length;
    const started = Date.now();
    const attempts = 40;
    const tries = await Promise.allSettled(Array.from({ length: attempts }, () => openRaw(server.url)));
    expect(tries.map((attempt) => (attempt.status === 'rejected' ? String(attempt.reason).includes('HTTP 503') : false))).toEqual(Array(attempts).fill(true));
    const seconds = Math.floor((Date.now() - started) / 1000) + 1;
    const logged = refusedLines().length - before;
    expect(logged).toBeGreaterThanOrEqual(1);
    expect(logged).toBeLessThanOrEqual(Math.min(attempts, UPGRADE_REFUSAL_LINES_PER_SECOND * (seconds + 1)));
    // A second later, the next refusal is logged, with the count of those that were not.
    await waitFor(() => Date.now() - started > seconds * 1000 + 1000, 'a second to pass');
    // (the first pile has timed out meanwhile: authTimeoutMs)
    waiting.push(...(await pile()));
    await expect(openRaw(server.url)).rejects.toThrow('HTTP 503');
    const lines = refusedLines().slice(before);
    expect(lines).toHaveLength(logged + 1);
    expect(lines.reduce((sum, entry) => sum + Number(entry.notLogged ?? 0), 0)).toBe(attempts - logged);
    for (const opened of waiting) opened.socket.terminate();
    await Promise.all(waiting.map((opened) => opened.closed));
  });

  it('closes a socket that does not authenticate in time (4408)', async () => {
    const idle = track(await openRaw(server.url));
    expect(await within(idle.closed, 3000, 'the idle socket to be closed')).toEqual({
      code: CLOSE_CODES.authenticationTimeout,
      reason: REFUSAL_REASONS.authenticationTimeout,
    });
  });

  it('closes a socket that sends more than a few messages before authenticating, creating no room state', async () => {
    const chatter = track(await openRaw(server.url));
    for (let index = 0; index < 40; index++) {
      const room = roomForProject(server.tokens.createProject(`never ${index}`).id);
      if (chatter.socket.readyState === chatter.socket.OPEN) chatter.socket.send(queryAwarenessFrame(room));
    }
    expect(await within(chatter.closed, 3000, 'the chatty socket to be closed')).toEqual({
      code: CLOSE_CODES.rateLimited,
      reason: REFUSAL_REASONS.rateLimited,
    });
    expect(logged('message-rejected', 'detail', `more than ${LIMITS.maxUnauthenticatedMessages} messages before authentication`)).toBe(true);
    expect(server.health().rooms).toBe(1);
  });

  it('closes a token holder who floods the server (4429); other projects keep syncing', async () => {
    const { projectId, token } = project();
    const flooder = track(await authenticatedRaw(server.url, roomForProject(projectId), token));
    const frame = queryAwarenessFrame(roomForProject(projectId));
    for (let index = 0; index < 5000 && flooder.socket.readyState === flooder.socket.OPEN; index++) flooder.socket.send(frame);
    expect(await within(flooder.closed, 3000, 'the flooder to be closed')).toEqual({ code: CLOSE_CODES.rateLimited, reason: REFUSAL_REASONS.rateLimited });
    expect(logs.entries.some((entry) => entry.event === 'message-rejected' && String(entry.detail).includes('on one connection'))).toBe(true);
    await othersStillSync('after the flood;');
  });

  it('limits the structs a token may send (tiny items cost memory and work, not messages): 4429, others keep syncing', async () => {
    const { projectId, token, tokenId } = project();
    const room = roomForProject(projectId);
    const sender = track(await authenticatedRaw(server.url, room, token));
    // Few messages (well within the message rates), each 900 tiny entries: over the token's struct burst (2000) by the third.
    for (let index = 0; index < 6 && sender.socket.readyState === sender.socket.OPEN; index++) {
      sender.socket.send(updateFrame(room, tinyEntriesUpdate(900, 'm', 7_000_000, index * 900)));
    }
    expect(await within(sender.closed, 3000, 'the sender to be closed')).toEqual({ code: CLOSE_CODES.rateLimited, reason: REFUSAL_REASONS.rateLimited });
    expect(logs.entries.some((entry) => entry.event === 'message-rejected' && String(entry.detail).includes(`structs/s`) && String(entry.detail).includes(`token ${tokenId}`))).toBe(true);
    await othersStillSync('after the tiny items;');
  });

  it('limits a token across its connections', async () => {
    const { projectId, token, tokenId } = project();
    const room = roomForProject(projectId);
    const sockets = [track(await authenticatedRaw(server.url, room, token)), track(await authenticatedRaw(server.url, room, token))];
    // 55 each stays within one connection's burst (60); 110 together exceed the token's (100).
    for (let index = 0; index < 55; index++) for (const opened of sockets) opened.socket.send(queryAwarenessFrame(room));
    await within(Promise.race(sockets.map((opened) => opened.closed)), 3000, 'a socket of the token to be closed');
    expect(logs.entries.some((entry) => entry.event === 'message-rejected' && String(entry.detail).includes(`for token ${tokenId}`))).toBe(true);
  });

  it('applies nothing a revoked socket sends after the revocation, and cuts a socket that ignores the close', async () => {
    const { projectId, token, tokenId } = project();
    const room = roomForProject(projectId);
    const ana = client(projectId, token);
    await whenSynced(ana);
    const revoked = track(await authenticatedRaw(server.url, room, token));
    const deafSocket = await openDeaf(server.port);
    deaf.push(deafSocket);
    deafSocket.send(authFrame(room, token));
    await waitFor(() => deafSocket.received() > 130, 'the deaf socket to be authenticated and synced');

    const doc = new Y.Doc();
    noteText(doc).insert(0, 'after revocation');
    const late = Y.encodeStateAsUpdate(doc);
    server.revokeToken(tokenId);
    revoked.socket.send(updateFrame(room, late));
    deafSocket.send(updateFrame(room, late));
    expect((await within(revoked.closed, 3000, 'the revoked socket to close')).code).toBe(CLOSE_CODES.tokenRevoked);
    await within(deafSocket.ended, 2000, 'the server to cut the deaf socket');
    expect(logged('token-revoked', 'tokenId', tokenId)).toBe(true);
    const witness = client(projectId, server.tokens.createToken({ projectId, label: 'witness' }).token);
    await whenSynced(witness);
    expect(textOf(witness.doc)).toBe('');
  });
});
