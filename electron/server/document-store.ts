/**
 * Durable storage of project rooms: a compacted snapshot plus an append-only update log.
 *
 * Why a log: Hocuspocus acknowledges an update to the client (SyncStatus) right after it
 * applies it, and its `onStoreDocument` hook runs later, debounced. Storing only there
 * would let `kill -9` lose acknowledged edits. So every update the room's Y.Doc emits is
 * inserted into `updates` synchronously, inside the Y.Doc `update` event, which Yjs fires
 * before `applyUpdate` returns — that is, before Hocuspocus sends the acknowledgement.
 * One small INSERT per update in WAL mode costs tens of microseconds.
 *
 * Compaction: on Hocuspocus's debounced store (and on unload and shutdown) the room's
 * full state replaces the snapshot and the log rows of that room are deleted, in one
 * transaction. Loading merges snapshot and log (`Y.mergeUpdates`), so a crash between
 * any two statements still loads everything.
 *
 * Size accounting: `storedBytes(room)` is snapshot bytes + logged bytes since the last
 * compaction — an upper bound of the room's encoded state, cheap to keep current, used
 * to enforce the document size limit. `countStructs(room)` reads the stored parts struct by
 * struct without building them, so a room can be weighed before it is loaded.
 */
import type { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { readStructs } from '#shared/model/update-structs.ts';
import { inTransaction } from './server-database.ts';

/** What a compaction did. */
export interface CompactionResult {
  /** Bytes of the new snapshot. */
  readonly bytes: number;
  /** Log rows folded into it. */
  readonly mergedUpdates: number;
}

/** Snapshot + update-log storage of rooms in the server database. */
export interface DocumentStore {
  /** The stored state of a room (snapshot merged with its log), or null if nothing is stored. */
  load(room: string): Uint8Array | null;
  /** Durably appends one update to a room's log (returns once committed). */
  append(room: string, update: Uint8Array): void;
  /**
   * Replaces a room's snapshot with `encodeState()` and clears its log, atomically.
   * `encodeState` runs inside the transaction and must return the full current state
   * (it includes every update appended so far, since appends happen synchronously).
   */
  compact(room: string, encodeState: () => Uint8Array): CompactionResult;
  /** Upper bound of a room's stored size in bytes (snapshot + log). */
  storedBytes(room: string): number;
  /**
   * Structs of a room's stored state (snapshot plus log, an upper bound of what loading
   * it costs), counted without building them; stops counting once past `stopAbove`.
   * Throws if a stored part does not decode.
   */
  countStructs(room: string, stopAbove: number): number;
}

/** Creates the document store over an open server database. */
export function createDocumentStore(db: DatabaseSync): DocumentStore {
  const selectSnapshot = db.prepare('SELECT state FROM documents WHERE room = ?');
  const selectLog = db.prepare('SELECT data FROM updates WHERE room = ? ORDER BY seq');
  const insertUpdate = db.prepare('INSERT INTO updates (room, data) VALUES (?, ?)');
  const upsertSnapshot = db.prepare(
    `INSERT INTO documents (room, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (room) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const deleteLog = db.prepare('DELETE FROM updates WHERE room = ?');
  const measure = db.prepare(
    `SELECT COALESCE((SELECT length(state) FROM documents WHERE room = ?), 0)
          + COALESCE((SELECT SUM(length(data)) FROM updates WHERE room = ?), 0) AS bytes`,
  );
  const sizes = new Map<string, number>();

  const storedBytes = (room: string): number => {
    const cached = sizes.get(room);
    if (cached !== undefined) return cached;
    const row = measure.get(room, room) as { bytes: number } | undefined;
    const bytes = Number(row?.bytes ?? 0);
    sizes.set(room, bytes);
    return bytes;
  };

  return {
    load(room) {
      const snapshot = selectSnapshot.get(room) as { state: Uint8Array } | undefined;
      const log = (selectLog.all(room) as Array<{ data: Uint8Array }>).map((row) => row.data);
      const parts = snapshot ? [snapshot.state, ...log] : log;
      if (parts.length === 0) return null;
      return parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdates(parts);
    },
    append(room, update) {
      const before = storedBytes(room);
      insertUpdate.run(room, update);
      sizes.set(room, before + update.byteLength);
    },
    compact(room, encodeState) {
      return inTransaction(db, () => {
        const state = encodeState();
        upsertSnapshot.run(room, state, new Date().toISOString());
        const deleted = deleteLog.run(room);
        sizes.set(room, state.byteLength);
        return { bytes: state.byteLength, mergedUpdates: Number(deleted.changes) };
      });
    },
    storedBytes,
    countStructs(room, stopAbove) {
      let structs = 0;
      const count = (part: Uint8Array): boolean => {
        const result = readStructs(part, 'v1', () => (++structs > stopAbove ? 'over' : undefined));
        return !('stopped' in result);
      };
      const snapshot = selectSnapshot.get(room) as { state: Uint8Array } | undefined;
      if (snapshot && !count(snapshot.state)) return structs;
      for (const row of selectLog.iterate(room) as Iterable<{ data: Uint8Array }>) if (!count(row.data)) break;
      return structs;
    },
  };
}
