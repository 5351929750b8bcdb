/**
 * Hocuspocus extension that keeps every project room in the SQLite document store.
 *
 * `onLoadDocument` applies the stored state (snapshot + log) and then subscribes to the
 * room's Y.Doc `update` event, which Yjs fires synchronously inside `applyUpdate`: each
 * update is committed to the log before Hocuspocus goes on to acknowledge it to the
 * sender and broadcast it. `onStoreDocument` (debounced by Hocuspocus, run immediately
 * when the last client leaves) compacts the room. See document-store.ts for the format.
 */
import type { Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { DocumentStore } from './document-store.ts';
import { DEFAULT_SERVER_LIMITS } from './server-limits.ts';
import { logEntry } from './server-log.ts';
import { applyInSlices } from './sliced-apply.ts';
import type { SyncServerLogger } from './server-log.ts';

/** Origin used when applying the stored state, so it is recognisable in update handlers. */
export const LOAD_ORIGIN = Symbol('marginalia-sync-load');

/** Dependencies of the persistence extension. */
export interface PersistenceExtensionOptions {
  readonly store: DocumentStore;
  readonly log: SyncServerLogger;
  /** True once the database is closed (during shutdown); stores then become no-ops. */
  readonly isClosed: () => boolean;
  /** Structs of the stored state applied per event-loop turn when a room loads (server-limits.ts). */
  readonly structsPerTurn?: number;
}

/** Compacts one room now; logs the outcome. Returns false if the store failed. */
export function compactRoom(options: PersistenceExtensionOptions, room: string, document: Y.Doc): boolean {
  if (options.isClosed()) return true;
  const started = performance.now();
  try {
    const result = options.store.compact(room, () => Y.encodeStateAsUpdate(document));
    options.log(
      logEntry('store', {
        room,
        bytes: result.bytes,
        mergedUpdates: result.mergedUpdates,
        ms: Math.round((performance.now() - started) * 10) / 10,
      }),
    );
    return true;
  } catch (error) {
    options.log(logEntry('store-failed', { room, error: String(error) }));
    return false;
  }
}

/** Creates the extension. */
export function createPersistenceExtension(options: PersistenceExtensionOptions): Extension {
  return {
    extensionName: 'marginalia-sqlite-persistence',
    async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
      const stored = options.store.load(documentName);
      // In slices, yielding between them: a large room loads without stalling the other rooms.
      if (stored) await applyInSlices(document, stored, LOAD_ORIGIN, options.structsPerTurn ?? DEFAULT_SERVER_LIMITS.structsPerTurn);
      document.on('update', (update: Uint8Array) => {
        if (options.isClosed()) throw new Error('the sync server is shutting down; update not stored');
        try {
          options.store.append(documentName, update);
        } catch (error) {
          options.log(logEntry('store-failed', { room: documentName, error: String(error) }));
          // Rethrown so Hocuspocus does not acknowledge the update: the client keeps it
          // as unsynced and sends it again after reconnecting.
          throw error;
        }
      });
    },
    async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
      if (!compactRoom(options, documentName, document)) {
        // Keep the document in memory (Hocuspocus does so when a store hook throws);
        // the log still holds every update.
        throw new Error(`compaction of ${documentName} failed`);
      }
    },
  };
}
