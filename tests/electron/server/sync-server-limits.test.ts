/**
 * Sync server under bad input: garbage, text frames, malformed Yjs payloads, oversized
 * messages and a room growing past the document limit each close only the offending
 * socket, with a logged reason; the server stays healthy and other clients keep syncing.
 */
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ProjectId } from '#shared/model/ids.ts';
import { CLOSE_CODES, HEALTH_PATH, REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import type { SyncHealth } from '#shared/sync/protocol.ts';
import { roomForProject } from '#shared/sync/rooms.ts';
import { startSyncServer } from '../../../electron/server/sync-server.ts';
import type { SyncServerHandle } from '../../../electron/server/sync-server.ts';
import { connectClient, noteText, memoryLog, temporaryDataDir, textOf, waitFor, whenSynced, within } from './sync-test-kit.ts';
import type { TestClient } from './sync-test-kit.ts';

const MAX_MESSAGE = 64 * 1024;
const MAX_DOCUMENT = 256 * 1024;

interface RawSocket {
  readonly socket: WebSocket;
  readonly received: Uint8Array[];
  readonly closed: Promise<{ code: number; reason: string }>;
}

async function openRaw(url: string): Promise<RawSocket> {
  const socket = new WebSocket(url);
  const received: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, received, closed };
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function authFrame(room: string, token: string): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarString(encoder, room);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarString(encoder, token);
  });
}

function updateFrame(room: string, update: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarString(encoder, room);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, update);
  });
}


describe('sync server limits and malformed input (Node, real websockets)', () => {
  const data = temporaryDataDir();
  const logs = memoryLog();
  const clients: TestClient[] = [];
  const raws: RawSocket[] = [];
  let server: SyncServerHandle;
  let projectId: ProjectId;
  let token: string;
  let ana: TestClient;
  let ben: TestClient;

  const raw = async () => {
    const opened = await openRaw(server.url);
    raws.push(opened);
    return opened;
  };

  const healthy = async (): Promise<SyncHealth> => {
    const response = await fetch(`http://127.0.0.1:${server.port}${HEALTH_PATH}`);
    expect(response.status).toBe(200);
    return (await response.json()) as SyncHealth;
  };

  const stillSyncing = async (text: string) => {
    noteText(ana.doc).insert(0, text);
    await waitFor(() => textOf(ben.doc).startsWith(text), `ben to receive "${text}"`);
  };

  beforeAll(async () => {
    server = await startSyncServer({
      port: 0,
      dataDir: data.dir,
      log: logs.log,
      maxMessageBytes: MAX_MESSAGE,
      maxDocumentBytes: MAX_DOCUMENT,
    });
    projectId = server.tokens.createProject('limits').id;
    token = server.tokens.createToken({ projectId, label: 'tester' }).token;
    ana = connectClient({ url: server.url, projectId, token });
    ben = connectClient({ url: server.url, projectId, token });
    clients.push(ana, ben);
    await Promise.all([whenSynced(ana), whenSynced(ben)]);
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    for (const opened of raws) opened.socket.terminate();
    await server?.stop();
    data.remove();
  });

  it('answers GET /health with ok, uptime, rooms and connections; 404 elsewhere', async () => {
    const health = await healthy();
    expect(health.ok).toBe(true);
    expect(health.uptime).toBeGreaterThanOrEqual(0);
    expect(health.rooms).toBe(1);
    expect(health.connections).toBe(2);
    expect((await fetch(`http://127.0.0.1:${server.port}/nothing`)).status).toBe(404);
  });

  it('closes a socket that sends random garbage, and only that socket', async () => {
    const garbage = await raw();
    garbage.socket.send(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x02]));
    const closed = await within(garbage.closed, 3000, 'garbage socket to close');
    expect(closed).toEqual({ code: CLOSE_CODES.malformedMessage, reason: REFUSAL_REASONS.malformedMessage });
    await healthy();
    await stillSyncing('after garbage;');
  });

  it('closes a socket that sends a text frame', async () => {
    const texter = await raw();
    texter.socket.send('hello server');
    expect((await within(texter.closed, 3000, 'text socket to close')).code).toBe(CLOSE_CODES.malformedMessage);
  });

  it('closes an authenticated socket that sends a truncated Yjs update', async () => {
    const room = roomForProject(projectId);
    const sender = await raw();
    sender.socket.send(authFrame(room, token));
    await waitFor(() => sender.received.length > 0, 'the authentication answer');
    const local = new Y.Doc();
    noteText(local).insert(0, 'x'.repeat(100));
    const update = Y.encodeStateAsUpdate(local);
    sender.socket.send(updateFrame(room, update.slice(0, update.length - 20)));
    const closed = await within(sender.closed, 3000, 'truncated-update socket to close');
    expect(closed.code).toBe(CLOSE_CODES.malformedMessage);
    const entry = logs.entries.findLast((item) => item.event === 'message-rejected');
    expect(entry?.reason).toBe(REFUSAL_REASONS.malformedMessage);
    expect(textOf(ana.doc)).not.toContain('xxxx');
    await stillSyncing('after truncated update;');
  });

  it('closes a socket whose message exceeds the message size limit (1009)', async () => {
    const big = await raw();
    big.socket.send(new Uint8Array(MAX_MESSAGE + 1024));
    const closed = await within(big.closed, 3000, 'oversized socket to close');
    expect(closed.code).toBe(CLOSE_CODES.messageTooLarge);
    expect(logs.entries.some((item) => item.event === 'message-rejected' && item.reason === REFUSAL_REASONS.messageTooLarge)).toBe(true);
    await healthy();
    await stillSyncing('after oversized;');
  });

  it('refuses updates that would grow a room past the document limit, closing that socket', async () => {
    const room = roomForProject(projectId);
    const grower = await raw();
    grower.socket.send(authFrame(room, token));
    await waitFor(() => grower.received.length > 0, 'the authentication answer');
    const local = new Y.Doc();
    const chunk = 'y'.repeat(40 * 1024);
    let sent = 0;
    local.on('update', (update: Uint8Array) => {
      if (grower.socket.readyState === WebSocket.OPEN) grower.socket.send(updateFrame(room, update));
      sent++;
    });
    for (let index = 0; index < 10; index++) noteText(local, 'bulk').insert(0, chunk);
    const closed = await within(grower.closed, 3000, 'the growing socket to close');
    expect(sent).toBe(12); // the note and its text, then ten chunks
    expect(closed).toEqual({ code: CLOSE_CODES.documentTooLarge, reason: REFUSAL_REASONS.documentTooLarge });
    // Everything that was accepted is within the limit, and the room still works.
    await waitFor(() => textOf(ana.doc, 'bulk').length > 0, 'accepted bulk text at ana');
    expect(textOf(ana.doc, 'bulk').length).toBeLessThanOrEqual(MAX_DOCUMENT);
    expect(textOf(ana.doc, 'bulk').length).toBeGreaterThanOrEqual(4 * chunk.length);
    await stillSyncing('after the limit;');
    await healthy();
  });
});
