/**
 * The team sync server's running core: Hocuspocus over our own HTTP + websocket front
 * door, over one store (server-store.ts: SQLite by default, PostgreSQL for scale-out).
 *
 * One Hocuspocus document ("room") per project (shared/sync/rooms.ts). Hocuspocus is
 * used as a library (`Hocuspocus.handleConnection`) behind a plain `node:http` server and
 * a `ws` WebSocketServer rather than through its bundled `Server`, because the front
 * door must own: the listening address (127.0.0.1 by default — Hocuspocus binds every
 * interface), `GET /health` and `GET /metrics`, added documents' texts under `/documents/`
 * (text-endpoints.ts), the websocket message size limit
 * (`maxPayload`), a check of every frame before Hocuspocus decodes it (frame-inspector.ts)
 * and of the room's size before an update is applied, and one JSON log line for each of
 * these events. A bad frame closes only the socket that sent it.
 *
 * What differs between one instance and several (sync-server.ts, shared-sync-server.ts)
 * comes in through `extensions` (the Redis fan-out), `describe` (health figures of Redis
 * and peers) and `metrics` (their Prometheus lines). Stop closes sockets, runs the pending
 * stores, compacts every loaded room and closes the store.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hocuspocus } from '@hocuspocus/server';
import type { Extension, WebSocketLike } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { CLOSE_CODES, DEFAULT_SYNC_HOST, DEFAULT_SYNC_PORT, HEALTH_PATH, REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import type { SyncHealth } from '#shared/sync/protocol.ts';
import { createAccessControl } from './access-extension.ts';
import { createFrontDoor } from './front-door.ts';
import { createRoomGuard } from './room-guard.ts';
import { createServerMetrics, METRICS_PATH } from './server-metrics.ts';
import type { ServerLimits } from './server-limits.ts';
import { logEntry } from './server-log.ts';
import type { SyncServerLogger } from './server-log.ts';
import type { ServerStore } from './server-store.ts';
import { createTextEndpoints } from './text-endpoints.ts';

/** Options of the core. */
export interface CoreOptions {
  readonly host?: string;
  readonly port?: number;
  readonly limits: ServerLimits;
  readonly log: SyncServerLogger;
  /** How often to look for tokens revoked by another process, in ms. */
  readonly revocationPollMs: number;
  /** Hocuspocus store debounce (compaction), in ms. */
  readonly storeDebounceMs: number;
  /** Extra Hocuspocus extensions (the Redis fan-out). */
  readonly extensions?: readonly Extension[];
  /** Fields added to the health figures. */
  readonly describe?: () => Partial<SyncHealth>;
  /** Extra Prometheus lines for `GET /metrics`. */
  readonly metrics?: () => string[];
  /** Fields added to the `listening` log line. */
  readonly listeningDetail?: Record<string, unknown>;
}

/** The running core. */
export interface CoreHandle {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly hocuspocus: Hocuspocus;
  /** Closes the sockets of every token that is now revoked; resolves with how many. */
  checkRevocations(): Promise<number>;
  health(): SyncHealth;
  stop(): Promise<void>;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await delay(10);
  }
  return true;
}

function toWebRequest(request: IncomingMessage, host: string, port: number): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  const authority = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return new Request(`http://${authority}${request.url ?? '/'}`, { headers });
}

/** Starts the core over an open store and resolves once it listens (closing the store if it cannot). */
export async function runSyncServer(store: ServerStore, options: CoreOptions): Promise<CoreHandle> {
  const host = options.host ?? DEFAULT_SYNC_HOST;
  const { limits, log } = options;
  const { maxMessageBytes } = limits;
  const startedAt = Date.now();
  let storeClosed = false;
  const door = createFrontDoor(limits, log);
  const socketsById = new Map<string, WebSocket>();
  const access = createAccessControl(store.tokens, log, {
    authenticated: (socketKey, tokenId) => {
      const socket = socketsById.get(socketKey);
      if (socket) door.authenticated(socket, tokenId);
    },
    revoked: (socket) => door.refuse(socket as WebSocket, CLOSE_CODES.tokenRevoked, REFUSAL_REASONS.tokenRevoked, 'token revoked', false),
  });
  const guard = createRoomGuard({
    limits,
    store: store.documents,
    log,
    isRefused: (socket: WebSocketLike) => door.isRefused(socket as WebSocket),
    refuse: (socket: WebSocketLike, code, reason, detail) => door.refuse(socket as WebSocket, code, reason, detail),
    chargeStructs: (socket: WebSocketLike, structs) => door.chargeStructs(socket as WebSocket, structs),
    pauseReading: (socket: WebSocketLike, paused) => door.pauseReading(socket as WebSocket, paused),
    commitBeforeApply: store.commitBeforeApply,
  });
  const metrics = createServerMetrics(store);
  const textEndpoints = createTextEndpoints({ tokens: store.tokens, texts: store.texts, limits, log });

  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: options.storeDebounceMs,
    maxDebounce: Math.max(10_000, options.storeDebounceMs),
    unloadImmediately: true,
    // Hocuspocus's own idle timeout (its default); the front door keeps the shorter authentication deadline.
    timeout: Math.max(limits.authTimeoutMs, 60_000),
    maxUnauthenticatedQueueMessages: limits.maxUnauthenticatedMessages,
    maxUnauthenticatedQueueSize: Math.min(limits.maxMessageBytes, 1024 * 1024) * 2,
    maxPendingDocuments: limits.maxUnauthenticatedMessages,
    extensions: [guard.extension, access.extension, ...(options.extensions ?? []), store.persistence({ log, isClosed: () => storeClosed, refuse: (socket, code, reason, detail) => door.refuse(socket as WebSocket, code, reason, detail), structsPerTurn: limits.structsPerTurn }), metrics.extension],
  });

  const sockets = new Set<WebSocket>();
  let stopping: Promise<void> | null = null;

  const health = (): SyncHealth => ({
    ok: true,
    uptime: Math.round((Date.now() - startedAt) / 100) / 10,
    rooms: hocuspocus.getDocumentsCount(),
    connections: sockets.size,
    structs: guard.totalStructs(),
    store: { kind: store.kind, ok: metrics.storeOk(), latencyMs: metrics.storeLatencyMs() },
    ...options.describe?.(),
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const httpServer = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (textEndpoints.handle(request, response)) return;
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === HEALTH_PATH) {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(health()));
      return;
    }
    if (request.method === 'GET' && path === METRICS_PATH) {
      response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4', 'cache-control': 'no-store' });
      response.end(metrics.render(health(), options.metrics?.() ?? []));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Marginalia sync server: connect with a websocket; GET /health for status.\n');
  });

  let boundPort = 0;
  httpServer.on('upgrade', (request, socket, head) => {
    if (stopping) {
      socket.destroy();
      return;
    }
    const refusal = door.admitUpgrade(request);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.status === 403 ? 'Forbidden' : 'Service Unavailable'}\r\nconnection: close\r\ncontent-type: text/plain\r\n\r\n${refusal.reason}\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const socketKey = randomUUID();
      const client = hocuspocus.handleConnection(ws, toWebRequest(request, host, boundPort), { socketKey });
      sockets.add(ws);
      socketsById.set(socketKey, ws);
      door.opened(ws, request);
      ws.on('message', (data, isBinary) => {
        const bytes = door.admitMessage(ws, data, isBinary);
        if (bytes) client.handleMessage(bytes);
      });
      ws.on('error', (error: Error & { code?: string }) => {
        if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
          door.refuse(ws, CLOSE_CODES.messageTooLarge, REFUSAL_REASONS.messageTooLarge, `message over ${maxMessageBytes} bytes`);
        } else {
          log(logEntry('socket-error', { error: error.message, code: error.code ?? null }));
        }
      });
      ws.on('close', (code, reason) => {
        sockets.delete(ws);
        socketsById.delete(socketKey);
        door.closed(ws);
        client.handleClose({ code, reason: reason.toString() });
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ host, port: options.port ?? DEFAULT_SYNC_PORT }, () => {
      httpServer.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    storeClosed = true;
    await textEndpoints.close();
    await store.close();
    throw error;
  });
  boundPort = (httpServer.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `ws://${urlHost}:${boundPort}`;

  const stopWatching = store.watchTokenChanges(() => void access.checkRevocations(), options.revocationPollMs);
  const stopProbing = metrics.probe(1000);

  log(logEntry('listening', { url, host, port: boundPort, ...options.listeningDetail, limits }));

  const stopNow = async (): Promise<void> => {
    stopWatching();
    stopProbing();
    httpServer.close();
    for (const ws of sockets) ws.close(CLOSE_CODES.goingAway, REFUSAL_REASONS.shuttingDown);
    if (!(await waitUntil(() => sockets.size === 0, 2000))) for (const ws of sockets) ws.terminate();
    hocuspocus.flushPendingStores();
    await waitUntil(() => hocuspocus.getDocumentsCount() === 0, 3000);
    for (const [room, document] of hocuspocus.documents) await store.compact(room, document, log);
    storeClosed = true;
    await textEndpoints.close();
    await store.close();
    httpServer.closeAllConnections();
    wss.close();
    log(logEntry('stopped', { roomsStillLoaded: hocuspocus.getDocumentsCount() }));
  };

  return {
    url,
    port: boundPort,
    host,
    hocuspocus,
    checkRevocations: () => access.checkRevocations(),
    health,
    stop() {
      stopping ??= stopNow();
      return stopping;
    },
  };
}
