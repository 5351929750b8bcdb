/**
 * A raw websocket client for hostile-client tests: frames written by hand (auth, update,
 * awareness), what the server sent, and how the socket closed. Also a client that
 * completes the websocket handshake over a bare TCP socket and then ignores everything
 * the server sends — the close frame included — to test that the server cuts it itself.
 */
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

/** An open raw socket. */
export interface RawSocket {
  readonly socket: WebSocket;
  readonly received: Uint8Array[];
  readonly closed: Promise<{ code: number; reason: string }>;
}

/**
 * Opens a websocket to `url` (with `origin`, if given; from `localAddress`, if given — any
 * 127.x.y.z stands for another machine on loopback) and resolves once it is open.
 */
export async function openRaw(url: string, origin?: string, localAddress?: string): Promise<RawSocket> {
  const socket = new WebSocket(url, { ...(origin === undefined ? {} : { origin }), ...(localAddress === undefined ? {} : { localAddress }) });
  const received: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
  return { socket, received, closed };
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** An authentication message for `room`. */
export function authFrame(room: string, token: string): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarString(encoder, room);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarString(encoder, token);
  });
}

/** A sync update message carrying `update` for `room`. */
export function updateFrame(room: string, update: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarString(encoder, room);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/** A query-awareness message: the cheapest valid message, for floods. */
export function queryAwarenessFrame(room: string): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarString(encoder, room);
    encoding.writeVarUint(encoder, 3);
  });
}

/** Opens a raw socket and authenticates it for `room`; resolves once the server answered. */
export async function authenticatedRaw(url: string, room: string, token: string): Promise<RawSocket> {
  const raw = await openRaw(url);
  raw.socket.send(authFrame(room, token));
  const deadline = Date.now() + 5000;
  while (raw.received.length === 0) {
    if (Date.now() > deadline) throw new Error('no answer to authentication within 5000 ms');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return raw;
}

/** A websocket client over bare TCP that never answers (not even a close frame). */
export interface DeafSocket {
  /** Sends one masked binary frame. */
  send(payload: Uint8Array): void;
  /** Bytes received so far (frames undecoded). */
  readonly received: () => number;
  /** Resolves when the server ends the TCP connection. */
  readonly ended: Promise<void>;
  destroy(): void;
}

/** Opens a websocket by hand on 127.0.0.1:`port` and resolves once the server switched protocols. */
export async function openDeaf(port: number): Promise<DeafSocket> {
  const socket: Socket = connect({ host: '127.0.0.1', port });
  let receivedBytes = 0;
  let upgraded = false;
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.write(
        `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: Buffer) => {
      receivedBytes += chunk.length;
      if (!upgraded && chunk.toString('latin1').startsWith('HTTP/1.1 101')) {
        upgraded = true;
        resolve();
      }
    });
  });
  return {
    send(payload) {
      const mask = randomBytes(4);
      const length = payload.length;
      const header = length < 126 ? Buffer.from([0x82, 0x80 | length]) : Buffer.from([0x82, 0x80 | 126, length >> 8, length & 0xff]);
      const body = Buffer.from(payload.map((byte, index) => byte ^ (mask[index % 4] as number)));
      socket.write(Buffer.concat([header, mask, body]));
    },
    received: () => receivedBytes,
    ended,
    destroy: () => socket.destroy(),
  };
}
