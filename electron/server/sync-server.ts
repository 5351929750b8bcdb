/**
 * The team sync server: Hocuspocus over our own HTTP + websocket front door.
 *
 * One Hocuspocus document ("room") per project (shared/sync/rooms.ts). Hocuspocus is
 * used as a library (`Hocuspocus.handleConnection`) behind a plain `node:http` server and
 * a `ws` WebSocketServer rather than through its bundled `Server`, because the front
 * door must own: the listening address (127.0.0.1 by default — Hocuspocus binds every
 * interface), `GET /health`, the websocket message size limit (`maxPayload`), a check of
 * every frame before Hocuspocus decodes it (frame-inspector.ts) and of the room's size
 * before an update is applied, and one JSON log line for each of these events. A bad
 * frame closes only the socket that sent it.
 *
 * Storage guarantee (see document-store.ts): an update is committed to SQLite (WAL)
 * before the server acknowledges it, so anything a client saw acknowledged
 * (`unsyncedChanges === 0`) survives `kill -9` of the server; `durability: 'full'`
 * extends that to power loss. Stop (SIGINT/SIGTERM in the CLI) closes sockets, runs the
 * pending stores, compacts every loaded room and closes SQLite.
 *
 * Scale-out: several instances behind a load balancer would share rooms through
 * Hocuspocus's Redis extension (@hocuspocus/extension-redis) with one shared store —
 * not implemented; one instance serves a team of 2–20 comfortably.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hocuspocus } from '@hocuspocus/server';
import type { WebSocketLike } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { CLOSE_CODES, DEFAULT_SYNC_HOST, DEFAULT_SYNC_PORT, HEALTH_PATH, REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import type { SyncHealth } from '#shared/sync/protocol.ts';
import { createAccessControl } from './access-extension.ts';
import { createDocumentStore } from './document-store.ts';
import { createFrontDoor } from './front-door.ts';
import { compactRoom, createPersistenceExtension } from './persistence-extension.ts';
import { createRoomGuard } from './room-guard.ts';
import { openServerDatabase } from './server-database.ts';
import type { Durability } from './server-database.ts';
import { resolveLimits } from './server-limits.ts';
import type { ServerLimits } from './server-limits.ts';
import { logEntry, logToStdout } from './server-log.ts';
import type { SyncServerLogger } from './server-log.ts';
import { createTokenStore } from './token-store.ts';
import type { TokenStore } from './token-store.ts';

/** Options of `startSyncServer`. */
export interface SyncServerOptions {
  /** Listening address; default 127.0.0.1. */
  readonly host?: string;
  /** TCP port; default 4455; 0 picks a free port. */
  readonly port?: number;
  /** Folder of the SQLite file (created if missing). */
  readonly dataDir: string;
  /** Largest websocket message in bytes; default 8 MiB (also settable in `limits`). */
  readonly maxMessageBytes?: number;
  /** Largest stored room size in bytes; default 64 MiB (also settable in `limits`). */
  readonly maxDocumentBytes?: number;
  /** Every other limit (server-limits.ts); unset ones take their defaults. */
  readonly limits?: Partial<ServerLimits>;
  /** Receives structured log entries; default: JSON lines on stdout. */
  readonly log?: SyncServerLogger;
  /** Commit durability; default 'process-crash' (see server-database.ts). */
  readonly durability?: Durability;
  /** How often to look for tokens revoked by another process, in ms; default 1000. */
  readonly revocationPollMs?: number;
  /** Hocuspocus store debounce (compaction), in ms; default 2000 (at most 10000 apart). */
  readonly storeDebounceMs?: number;
}

/** A running sync server. */
export interface SyncServerHandle {
  /** Websocket URL clients connect to, e.g. `ws://127.0.0.1:4455`. */
  readonly url: string;
  /** The bound port (useful with port 0). */
  readonly port: number;
  /** The bound host. */
  readonly host: string;
  /** Projects and tokens of this server's database. */
  readonly tokens: TokenStore;
  /** Revokes a token and closes its open sockets at once; null if the token is unknown. */
  revokeToken(tokenId: string): ReturnType<TokenStore['revokeToken']>;
  /** Current health figures (same as `GET /health`). */
  health(): SyncHealth;
  /** Graceful stop: close sockets, store and compact rooms, close the database. Idempotent. */
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

/** Starts a sync server and resolves once it listens. */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServerHandle> {
  const host = options.host ?? DEFAULT_SYNC_HOST;
  const limits = resolveLimits({ maxMessageBytes: options.maxMessageBytes, maxDocumentBytes: options.maxDocumentBytes, ...options.limits });
  const { maxMessageBytes } = limits;
  const log = options.log ?? logToStdout;
  const startedAt = Date.now();

  const db = openServerDatabase(options.dataDir, { durability: options.durability ?? 'process-crash' });
  const documents = createDocumentStore(db);
  const tokens = createTokenStore(db);
  let databaseClosed = false;
  const persistenceOptions = { store: documents, log, isClosed: () => databaseClosed, structsPerTurn: limits.structsPerTurn };
  const door = createFrontDoor(limits, log);
  const socketsById = new Map<string, WebSocket>();
  const access = createAccessControl(tokens, log, {
    authenticated: (socketKey, tokenId) => {
      const socket = socketsById.get(socketKey);
      if (socket) door.authenticated(socket, tokenId);
    },
    revoked: (socket) => door.refuse(socket as WebSocket, CLOSE_CODES.tokenRevoked, REFUSAL_REASONS.tokenRevoked, 'token revoked', false),
  });
  const guard = createRoomGuard({
    limits,
    store: documents,
    log,
    isRefused: (socket: WebSocketLike) => door.isRefused(socket as WebSocket),
    refuse: (socket: WebSocketLike, code, reason, detail) => door.refuse(socket as WebSocket, code, reason, detail),
    chargeStructs: (socket: WebSocketLike, structs) => door.chargeStructs(socket as WebSocket, structs),
    pauseReading: (socket: WebSocketLike, paused) => door.pauseReading(socket as WebSocket, paused),
  });

  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: options.storeDebounceMs ?? 2000,
    maxDebounce: Math.max(10_000, options.storeDebounceMs ?? 0),
    unloadImmediately: true,
    // Hocuspocus's own idle timeout (its default); the front door keeps the shorter authentication deadline.
    timeout: Math.max(limits.authTimeoutMs, 60_000),
    maxUnauthenticatedQueueMessages: limits.maxUnauthenticatedMessages,
    maxUnauthenticatedQueueSize: Math.min(limits.maxMessageBytes, 1024 * 1024) * 2,
    maxPendingDocuments: limits.maxUnauthenticatedMessages,
    extensions: [guard.extension, access.extension, createPersistenceExtension(persistenceOptions)],
  });

  const sockets = new Set<WebSocket>();
  let stopping: Promise<void> | null = null;

  const health = (): SyncHealth => ({
    ok: true,
    uptime: Math.round((Date.now() - startedAt) / 100) / 10,
    rooms: hocuspocus.getDocumentsCount(),
    connections: sockets.size,
    structs: guard.totalStructs(),
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const httpServer = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && path === HEALTH_PATH) {
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(health()));
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
  }).catch((error: unknown) => {
    databaseClosed = true;
    db.close();
    throw error;
  });
  boundPort = (httpServer.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `ws://${urlHost}:${boundPort}`;

  let lastDataVersion = (db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version;
  const revocationTimer = setInterval(() => {
    if (databaseClosed) return;
    const version = (db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version;
    if (version === lastDataVersion) return;
    lastDataVersion = version;
    access.checkRevocations();
  }, options.revocationPollMs ?? 1000);
  revocationTimer.unref();

  log(logEntry('listening', { url, host, port: boundPort, dataDir: options.dataDir, limits }));

  const stopNow = async (): Promise<void> => {
    clearInterval(revocationTimer);
    httpServer.close();
    for (const ws of sockets) ws.close(CLOSE_CODES.goingAway, REFUSAL_REASONS.shuttingDown);
    if (!(await waitUntil(() => sockets.size === 0, 2000))) for (const ws of sockets) ws.terminate();
    hocuspocus.flushPendingStores();
    await waitUntil(() => hocuspocus.getDocumentsCount() === 0, 3000);
    for (const [room, document] of hocuspocus.documents) compactRoom(persistenceOptions, room, document);
    databaseClosed = true;
    db.close();
    httpServer.closeAllConnections();
    wss.close();
    log(logEntry('stopped', { roomsStillLoaded: hocuspocus.getDocumentsCount() }));
  };

  return {
    url,
    port: boundPort,
    host,
    tokens,
    revokeToken(tokenId) {
      const record = tokens.revokeToken(tokenId);
      access.checkRevocations();
      return record;
    },
    health,
    stop() {
      stopping ??= stopNow();
      return stopping;
    },
  };
}
