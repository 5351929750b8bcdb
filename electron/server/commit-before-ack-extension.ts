/**
 * Hocuspocus extension that makes each client update durable in an asynchronous store
 * (PostgreSQL) before Hocuspocus applies and acknowledges it.
 *
 * Hocuspocus processes a connection's messages one at a time and awaits every
 * `beforeHandleMessage` hook before it applies the message and sends the sync status
 * that acknowledges it (`Connection.processMessages` → `MessageReceiver.readSyncMessage`).
 * So this hook awaits the INSERT of the update a sync-step-2 or update frame carries: the
 * client sees its update acknowledged only once PostgreSQL has committed it. The room
 * guard (room-guard.ts, higher priority) has already weighed the update; a refused one
 * never reaches this hook. If the commit fails (PostgreSQL down) the hook throws a close
 * code and reason: Hocuspocus closes that connection without applying or acknowledging,
 * the provider keeps the update as unsynced and resends it after reconnecting.
 *
 * Updates a room receives from other instances through Redis were committed by the
 * instance their client wrote to; they are not stored again. Loading applies the stored
 * state; compaction runs on Hocuspocus's debounced store (postgres-document-store.ts).
 */
import type { Extension, beforeHandleMessagePayload, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import { CLOSE_CODES, REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { inspectClientFrame } from './frame-inspector.ts';
import { applyInSlices } from './sliced-apply.ts';
import { LOAD_ORIGIN } from './persistence-extension.ts';
import { logEntry } from './server-log.ts';
import type { PersistenceContext, RoomStore } from './server-store.ts';

/** Creates the extension over an asynchronous room store. */
export function createCommitBeforeAckExtension(store: RoomStore, context: PersistenceContext): Extension {
  const { log, isClosed } = context;
  return {
    extensionName: 'marginalia-commit-before-ack',
    async onLoadDocument({ document, documentName }: onLoadDocumentPayload) {
      const stored = await store.load(documentName);
      // In slices, yielding between them: a large room loads without stalling the other rooms.
      if (stored) await applyInSlices(document, stored, LOAD_ORIGIN, context.structsPerTurn);
    },
    async beforeHandleMessage({ connection, documentName, update }: beforeHandleMessagePayload) {
      const frame = inspectClientFrame(update);
      if (!frame.ok || !frame.update) return;
      // A large update the room guard committed and applied in slices arrives here zeroed (room-guard.ts).
      if (frame.update.every((byte) => byte === 0)) return;
      let failure: unknown = isClosed() ? 'the server is shutting down' : null;
      if (failure === null) {
        try {
          await store.append(documentName, frame.update);
          return;
        } catch (error) {
          failure = error;
        }
      }
      log(logEntry('store-failed', { room: documentName, error: String(failure) }));
      // The socket is closed with the reason (the provider shows it and resends after
      // reconnecting); the throw keeps Hocuspocus from applying and acknowledging.
      context.refuse(connection.webSocket, CLOSE_CODES.storeUnavailable, REFUSAL_REASONS.storeUnavailable, String(failure));
      throw { code: CLOSE_CODES.storeUnavailable, reason: REFUSAL_REASONS.storeUnavailable };
    },
    async onStoreDocument({ document, documentName }: onStoreDocumentPayload) {
      const started = performance.now();
      try {
        const result = await store.compact(documentName, () => Y.encodeStateAsUpdate(document));
        log(logEntry('store', { room: documentName, bytes: result.bytes, mergedUpdates: result.mergedUpdates, ms: Math.round((performance.now() - started) * 10) / 10 }));
      } catch (error) {
        log(logEntry('store-failed', { room: documentName, error: String(error) }));
        throw new Error(`compaction of ${documentName} failed`);
      }
    },
  };
}
