/**
 * The default store: one SQLite file through `node:sqlite` (server-database.ts), rooms in
 * document-store.ts, tokens in token-store.ts, added documents' texts in document-texts.ts. Calls are synchronous; the persistence
 * extension commits inside the Y.Doc `update` event (persistence-extension.ts). Tokens
 * changed by the CLI in another process show in SQLite's `data_version`.
 */
import { createDocumentStore } from './document-store.ts';
import { createDocumentTexts } from './document-texts.ts';
import { compactRoom, createPersistenceExtension } from './persistence-extension.ts';
import { openServerDatabase } from './server-database.ts';
import type { Durability } from './server-database.ts';
import type { ServerStore } from './server-store.ts';
import { createTokenStore } from './token-store.ts';
import type { TokenStore } from './token-store.ts';

/** The SQLite store, with its synchronous token store for the handle and the CLI. */
export type SqliteServerStore = Omit<ServerStore, 'tokens'> & { readonly tokens: TokenStore };

/** Opens (creating if needed) the SQLite store in `dataDir`. */
export function openSqliteStore(dataDir: string, durability: Durability): SqliteServerStore {
  const db = openServerDatabase(dataDir, { durability });
  const documents = createDocumentStore(db);
  const tokens = createTokenStore(db);
  const texts = createDocumentTexts(db);
  let closed = false;
  const dataVersion = () => (db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version;
  return {
    kind: 'sqlite',
    documents,
    tokens,
    texts,
    persistence: ({ log, isClosed, structsPerTurn }) => createPersistenceExtension({ store: documents, log, isClosed, structsPerTurn }),
    async compact(room, document, log) {
      return compactRoom({ store: documents, log, isClosed: () => closed }, room, document);
    },
    watchTokenChanges(onChange, everyMs) {
      let last = dataVersion();
      const timer = setInterval(() => {
        if (closed) return;
        const version = dataVersion();
        if (version === last) return;
        last = version;
        onChange();
      }, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    async ping() {
      const started = performance.now();
      db.prepare('SELECT 1').get();
      return performance.now() - started;
    },
    async close() {
      closed = true;
      db.close();
    },
  };
}
