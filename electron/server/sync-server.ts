/**
 * The team sync server with its default store: one instance, SQLite (sqlite-store.ts).
 * `npm run server` with no store flag runs this; the running core is server-core.ts.
 *
 * Storage guarantee (see document-store.ts): an update is committed to SQLite (WAL)
 * before the server acknowledges it, so anything a client saw acknowledged
 * (`unsyncedChanges === 0`) survives `kill -9` of the server; `durability: 'full'`
 * extends that to power loss. Stop (SIGINT/SIGTERM in the CLI) closes sockets, runs the
 * pending stores, compacts every loaded room and closes SQLite.
 *
 * Several instances sharing rooms through PostgreSQL and Redis: shared-sync-server.ts.
 */
import type { SyncHealth } from '#shared/sync/protocol.ts';
import { runSyncServer } from './server-core.ts';
import type { Durability } from './server-database.ts';
import { resolveLimits } from './server-limits.ts';
import type { ServerLimits } from './server-limits.ts';
import { logToStdout } from './server-log.ts';
import type { SyncServerLogger } from './server-log.ts';
import { openSqliteStore } from './sqlite-store.ts';
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

/** Starts a sync server and resolves once it listens. */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServerHandle> {
  const limits = resolveLimits({ maxMessageBytes: options.maxMessageBytes, maxDocumentBytes: options.maxDocumentBytes, ...options.limits });
  const store = openSqliteStore(options.dataDir, options.durability ?? 'process-crash');
  const core = await runSyncServer(store, {
    host: options.host,
    port: options.port,
    limits,
    log: options.log ?? logToStdout,
    revocationPollMs: options.revocationPollMs ?? 1000,
    storeDebounceMs: options.storeDebounceMs ?? 2000,
    listeningDetail: { dataDir: options.dataDir },
  });
  return {
    url: core.url,
    port: core.port,
    host: core.host,
    tokens: store.tokens,
    revokeToken(tokenId) {
      const record = store.tokens.revokeToken(tokenId);
      void core.checkRevocations();
      return record;
    },
    health: core.health,
    stop: core.stop,
  };
}
