/**
 * The shared store for several instances: PostgreSQL through `pg` (pure JavaScript).
 * Rooms in postgres-document-store.ts, tokens in postgres-token-store.ts, added documents'
 * texts in postgres-document-texts.ts, each client
 * update committed before it is acknowledged (commit-before-ack-extension.ts). The schema
 * is migrated on open. Revocations made anywhere show as a change of the tokens' revocation
 * mark, polled here; Redis carries them at once between running instances
 * (instance-bus.ts), the poll covers the CLI and a Redis outage.
 */
import * as Y from 'yjs';
import { createCommitBeforeAckExtension } from './commit-before-ack-extension.ts';
import { migrate, openPostgresPool } from './postgres-database.ts';
import { createPostgresDocumentStore } from './postgres-document-store.ts';
import { createPostgresDocumentTexts } from './postgres-document-texts.ts';
import type { PostgresDocumentStore } from './postgres-document-store.ts';
import { createPostgresTokenStore } from './postgres-token-store.ts';
import type { PostgresTokenStore } from './postgres-token-store.ts';
import { logEntry } from './server-log.ts';
import type { ServerStore } from './server-store.ts';

/** The PostgreSQL store, with its asynchronous stores exposed. */
export type PostgresServerStore = Omit<ServerStore, 'documents' | 'tokens'> & {
  readonly documents: PostgresDocumentStore;
  readonly tokens: PostgresTokenStore;
};

/** Connects, migrates the schema and returns the store; rejects with the reason if PostgreSQL cannot be used. */
export async function openPostgresStore(url: string): Promise<PostgresServerStore> {
  const pool = openPostgresPool(url);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`PostgreSQL at ${redactUrl(url)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const documents = createPostgresDocumentStore(pool);
  const tokens = createPostgresTokenStore(pool);
  const texts = createPostgresDocumentTexts(pool);
  let closed = false;
  return {
    kind: 'postgres',
    documents,
    tokens,
    texts,
    persistence: (context) => createCommitBeforeAckExtension(documents, context),
    commitBeforeApply: async (room, update) => {
      await documents.append(room, update);
    },
    async compact(room, document, log) {
      try {
        const result = await documents.compact(room, () => Y.encodeStateAsUpdate(document));
        log(logEntry('store', { room, bytes: result.bytes, mergedUpdates: result.mergedUpdates }));
        return true;
      } catch (error) {
        log(logEntry('store-failed', { room, error: String(error) }));
        return false;
      }
    },
    watchTokenChanges(onChange, everyMs) {
      let last: string | null = null;
      let busy = false;
      const timer = setInterval(() => {
        if (closed || busy) return;
        busy = true;
        tokens.revocationMark().then(
          (mark) => {
            busy = false;
            if (last !== null && mark !== last) onChange();
            last = mark;
          },
          () => {
            busy = false;
          },
        );
      }, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    async ping() {
      const started = performance.now();
      await pool.query('SELECT 1');
      return performance.now() - started;
    },
    async close() {
      closed = true;
      await pool.end();
    },
  };
}

/** A connection string without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
