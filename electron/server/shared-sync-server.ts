/**
 * The sync server as one of several instances (docs/architecture.md §6): rooms, projects
 * and tokens in PostgreSQL (postgres-store.ts), rooms fanned out between instances by
 * Hocuspocus's Redis extension (@hocuspocus/extension-redis), revocations and heartbeats
 * on the instance bus (instance-bus.ts). Every instance serves every project; clients may
 * land on any instance and move to another when one dies.
 *
 * - An update is committed to PostgreSQL before its client sees it acknowledged; the
 *   instance that received it publishes it; the others apply it from Redis without storing
 *   it again.
 * - Redis down: each instance goes on serving its own clients and storing their updates;
 *   rooms held by several instances drift apart until Redis is back, when every instance
 *   republishes the state vector of each loaded room and the extension exchanges what is
 *   missing.
 * - PostgreSQL down: updates are refused (close 4504 "store unavailable", one log line),
 *   never acknowledged; clients keep them as unsent and resend after reconnecting.
 * - Limits (server-limits.ts) apply per instance.
 */
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Redis } from 'ioredis';
import type { SyncHealth } from '#shared/sync/protocol.ts';
import { openInstanceBus } from './instance-bus.ts';
import { openPostgresStore, redactUrl } from './postgres-store.ts';
import type { PostgresServerStore } from './postgres-store.ts';
import { runSyncServer } from './server-core.ts';
import { resolveLimits } from './server-limits.ts';
import type { ServerLimits } from './server-limits.ts';
import { metric } from './server-metrics.ts';
import { logEntry, logToStdout } from './server-log.ts';
import type { SyncServerLogger } from './server-log.ts';
import type { TokenRecord } from './token-store.ts';

/** When, after Redis is back, an instance republishes the state vectors of its loaded rooms. */
const REANNOUNCE_AFTER_MS = [0, 500, 1500, 4000];

/** Options of `startSharedSyncServer`. */
export interface SharedSyncServerOptions {
  /** PostgreSQL connection string, `postgres://…`. */
  readonly store: string;
  /** Redis URL, `redis://…`. */
  readonly redis: string;
  /** This instance's name, unique in the deployment (logs, /health, Redis). */
  readonly instance: string;
  readonly host?: string;
  readonly port?: number;
  readonly limits?: Partial<ServerLimits>;
  readonly log?: SyncServerLogger;
  /** How often to poll PostgreSQL for revocations, in ms; default 1000. */
  readonly revocationPollMs?: number;
  /** Hocuspocus store debounce (compaction), in ms; default 2000. */
  readonly storeDebounceMs?: number;
}

/** A running instance. */
export interface SharedSyncServerHandle {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly instance: string;
  /** Projects and tokens (PostgreSQL). */
  readonly tokens: PostgresServerStore['tokens'];
  /** Revokes a token and closes its sockets on every instance; null if unknown. */
  revokeToken(tokenId: string): Promise<TokenRecord | null>;
  health(): SyncHealth;
  stop(): Promise<void>;
}

/** Starts an instance and resolves once it listens. */
export async function startSharedSyncServer(options: SharedSyncServerOptions): Promise<SharedSyncServerHandle> {
  const log = options.log ?? logToStdout;
  const limits = resolveLimits({ ...options.limits });
  const store = await openPostgresStore(options.store);
  const redisOptions = { maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(times * 100, 1000) };
  const fanOut = new RedisExtension({
    identifier: options.instance,
    prefix: 'marginalia',
    createClient: () => {
      const client = new Redis(options.redis, redisOptions);
      client.on('error', () => undefined);
      return client;
    },
  });
  let checkRevocations: () => Promise<number> = async () => 0;
  const announceRooms = (): void => {
    for (const [documentName, document] of core.hocuspocus.documents) {
      void fanOut.onChange({ documentName, document, transactionOrigin: { source: 'local' } } as never);
    }
  };
  const bus = openInstanceBus({
    url: options.redis,
    instance: options.instance,
    onRevocation: () => void checkRevocations(),
    onReconnect: () => {
      log(logEntry('redis-reconnected', { instance: options.instance, rooms: core.hocuspocus.getDocumentsCount() }));
      // The other instances may not have resubscribed yet: announce the rooms' state vectors
      // a few times over the next seconds (each announcement is one small message per room).
      for (const after of REANNOUNCE_AFTER_MS) setTimeout(announceRooms, after).unref();
    },
  });
  const core = await runSyncServer(store, {
    host: options.host,
    port: options.port,
    limits,
    log,
    revocationPollMs: options.revocationPollMs ?? 1000,
    storeDebounceMs: options.storeDebounceMs ?? 2000,
    extensions: [fanOut],
    describe: () => ({ instance: options.instance, redis: { ok: bus.connected(), lagMs: bus.lagMs() }, peers: bus.peers() }),
    metrics: () => [
      ...metric('marginalia_redis_up', 'gauge', 'Whether both Redis connections are ready.', bus.connected() ? 1 : 0),
      ...metric('marginalia_redis_lag_ms', 'gauge', 'Delay of the latest peer heartbeat through Redis.', bus.lagMs() ?? -1),
      ...metric('marginalia_peers', 'gauge', 'Other instances heard from in the last 5 s.', Object.keys(bus.peers()).length),
    ],
    listeningDetail: { instance: options.instance, store: redactUrl(options.store), redis: redactUrl(options.redis) },
  }).catch(async (error: unknown) => {
    await bus.close();
    await fanOut.onDestroy().catch(() => undefined);
    throw error;
  });
  checkRevocations = core.checkRevocations;
  return {
    url: core.url,
    port: core.port,
    host: core.host,
    instance: options.instance,
    tokens: store.tokens,
    async revokeToken(tokenId) {
      const record = await store.tokens.revokeToken(tokenId);
      if (record) {
        await core.checkRevocations();
        await bus.publishRevocation(tokenId).catch(() => undefined);
      }
      return record;
    },
    health: core.health,
    async stop() {
      await core.stop();
      await bus.close();
      await fanOut.onDestroy().catch(() => undefined);
    },
  };
}
