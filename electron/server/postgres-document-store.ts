/**
 * Rooms in PostgreSQL: a snapshot per room plus an append-only update log, as in SQLite
 * (document-store.ts), shared by every instance.
 *
 * Append: each client update is inserted into the log and the promise resolves once that
 * INSERT has committed; Hocuspocus applies and acknowledges the update only then
 * (commit-before-ack-extension.ts). Appends that arrive while earlier ones are being
 * written are grouped into one multi-row INSERT (group commit, at most a few statements in
 * flight), so under load an update waits for one commit, not for a queue of them.
 *
 * Compaction with several instances holding the same room: instance A's in-memory state
 * may lack an update instance B has just logged and not yet relayed through Redis. So a
 * compaction never assumes its own state is complete: inside one transaction, under an
 * advisory lock per room (two compactions of a room never interleave), it reads the old
 * snapshot and the log rows, merges them with its own state (`Y.mergeUpdates`: a CRDT
 * union), writes the result as the snapshot and deletes exactly the log rows it read. A
 * row appended meanwhile is not among them and stays. No acknowledged update is lost.
 *
 * Sizes are cached per room in this instance (snapshot + log bytes it knows of), an upper
 * bound refreshed on load and compaction; other instances' appends are counted when the
 * room is next measured (the size limit applies per instance, docs/architecture.md §6).
 */
import type pg from 'pg';
import * as Y from 'yjs';
import { readStructs } from '#shared/model/update-structs.ts';
import type { CompactionResult, DocumentStore } from './document-store.ts';
import { inPostgresTransaction } from './postgres-database.ts';
import type { AsyncMethods } from './server-store.ts';

/** Room storage in PostgreSQL. */
export type PostgresDocumentStore = AsyncMethods<DocumentStore> & {
  /** Latencies (ms) of the latest appends, from call to commit, newest last (at most 1024), for /metrics. */
  readonly appendLatencies: number[];
};

const roomKey = (room: string) => `marginalia-room:${room}`;

/** INSERT statements in flight at once; more appends wait and go in the next group. */
const MAX_WRITES_IN_FLIGHT = 4;
/** Most updates in one INSERT. */
const MAX_GROUP = 500;

interface PendingAppend {
  readonly room: string;
  readonly data: Buffer;
  readonly queuedAt: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Creates the store over a pool. */
export function createPostgresDocumentStore(pool: pg.Pool): PostgresDocumentStore {
  const sizes = new Map<string, number>();
  const appendLatencies: number[] = [];
  const pending: PendingAppend[] = [];
  let inFlight = 0;

  const write = async (group: PendingAppend[]): Promise<void> => {
    try {
      await pool.query('INSERT INTO updates (room, data) SELECT * FROM unnest($1::text[], $2::bytea[])', [
        group.map((entry) => entry.room),
        group.map((entry) => entry.data),
      ]);
    } catch (error) {
      for (const entry of group) entry.reject(error);
      return;
    }
    const now = performance.now();
    for (const entry of group) {
      appendLatencies.push(now - entry.queuedAt);
      sizes.set(entry.room, (sizes.get(entry.room) ?? 0) + entry.data.byteLength);
      entry.resolve();
    }
    if (appendLatencies.length > 1024) appendLatencies.splice(0, appendLatencies.length - 1024);
  };

  const writePending = (): void => {
    while (inFlight < MAX_WRITES_IN_FLIGHT && pending.length > 0) {
      inFlight++;
      void write(pending.splice(0, MAX_GROUP)).finally(() => {
        inFlight--;
        writePending();
      });
    }
  };

  // One statement, so one consistent view: a load never sees a compaction half way
  // (the new snapshot without the log rows it folded in, or the reverse).
  const parts = async (room: string, client: pg.Pool | pg.PoolClient = pool): Promise<{ snapshot: Uint8Array | null; log: Array<{ seq: string; data: Uint8Array }> }> => {
    const { rows } = await client.query<{ seq: string; data: Buffer }>(
      `SELECT 0::bigint AS seq, state AS data FROM documents WHERE room = $1
       UNION ALL SELECT seq, data FROM updates WHERE room = $1 ORDER BY seq`,
      [room],
    );
    const snapshot = rows[0]?.seq === '0' ? rows[0].data : null;
    return { snapshot, log: snapshot ? rows.slice(1) : rows };
  };

  const measure = async (room: string): Promise<number> => {
    const { rows } = await pool.query<{ bytes: string }>(
      `SELECT COALESCE((SELECT octet_length(state) FROM documents WHERE room = $1), 0)
            + COALESCE((SELECT SUM(octet_length(data)) FROM updates WHERE room = $1), 0) AS bytes`,
      [room],
    );
    const bytes = Number(rows[0]?.bytes ?? 0);
    sizes.set(room, bytes);
    return bytes;
  };

  return {
    appendLatencies,
    async load(room) {
      const { snapshot, log } = await parts(room);
      const all = [...(snapshot ? [snapshot] : []), ...log.map((row) => row.data)];
      sizes.set(room, all.reduce((sum, part) => sum + part.byteLength, 0));
      if (all.length === 0) return null;
      return all.length === 1 ? new Uint8Array(all[0] as Uint8Array) : Y.mergeUpdates(all);
    },
    append(room, update) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ room, data: Buffer.from(update.buffer, update.byteOffset, update.byteLength), queuedAt: performance.now(), resolve, reject });
        writePending();
      });
    },
    async compact(room, encodeState) {
      return await inPostgresTransaction(pool, async (client): Promise<CompactionResult> => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [roomKey(room)]);
        const { snapshot, log } = await parts(room, client);
        const state = Y.mergeUpdates([...(snapshot ? [snapshot] : []), ...log.map((row) => row.data), encodeState()]);
        await client.query(
          `INSERT INTO documents (room, state, updated_at) VALUES ($1, $2, now())
           ON CONFLICT (room) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
          [room, Buffer.from(state)],
        );
        if (log.length > 0) await client.query('DELETE FROM updates WHERE seq = ANY($1::bigint[])', [log.map((row) => row.seq)]);
        sizes.set(room, state.byteLength);
        return { bytes: state.byteLength, mergedUpdates: log.length };
      });
    },
    async storedBytes(room) {
      return sizes.get(room) ?? (await measure(room));
    },
    async countStructs(room, stopAbove) {
      let structs = 0;
      const { snapshot, log } = await parts(room);
      for (const part of [...(snapshot ? [snapshot] : []), ...log.map((row) => row.data)]) {
        const result = readStructs(part, 'v1', () => (++structs > stopAbove ? 'over' : undefined));
        if ('stopped' in result) break;
      }
      return structs;
    },
  };
}
