/**
 * Rooms in PostgreSQL: a snapshot per room plus an append-only update log, as in SQLite
 * (document-store.ts), shared by every instance.
 *
 * Append: one INSERT per client update, awaited before Hocuspocus applies and
 * acknowledges it (commit-before-ack-extension.ts).
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
  /** Latencies (ms) of the latest appends, newest last (at most 1024), for /metrics. */
  readonly appendLatencies: number[];
};

const roomKey = (room: string) => `marginalia-room:${room}`;

/** Creates the store over a pool. */
export function createPostgresDocumentStore(pool: pg.Pool): PostgresDocumentStore {
  const sizes = new Map<string, number>();
  const appendLatencies: number[] = [];

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
    async append(room, update) {
      const started = performance.now();
      await pool.query('INSERT INTO updates (room, data) VALUES ($1, $2)', [room, Buffer.from(update.buffer, update.byteOffset, update.byteLength)]);
      appendLatencies.push(performance.now() - started);
      if (appendLatencies.length > 1024) appendLatencies.splice(0, appendLatencies.length - 1024);
      sizes.set(room, (sizes.get(room) ?? 0) + update.byteLength);
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
