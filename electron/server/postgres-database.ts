/**
 * The sync server's PostgreSQL database: connection pool and schema migrations.
 *
 * Several instances share one database (docs/architecture.md §6). The schema is brought
 * up to date by `migrate` — run by `npm run server -- migrate --store postgres://…` and
 * automatically when an instance starts — under a session advisory lock, so instances
 * starting together migrate once. `marginalia_schema` records each applied version; a
 * database written by a newer server is refused rather than misread.
 *
 * Commits are PostgreSQL's own (`synchronous_commit` as the server is configured, on by
 * default): an update whose INSERT has returned is in PostgreSQL's WAL and survives the
 * death of any sync server instance.
 */
import pg from 'pg';

/** Schema versions in order; each entry's statements bring the schema from the previous version. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE documents (
     room TEXT PRIMARY KEY,
     state BYTEA NOT NULL,
     updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
   );
   CREATE TABLE updates (
     seq BIGSERIAL PRIMARY KEY,
     room TEXT NOT NULL,
     data BYTEA NOT NULL
   );
   CREATE INDEX updates_by_room ON updates (room, seq);
   CREATE TABLE projects (
     id TEXT PRIMARY KEY,
     name TEXT,
     created_at TEXT NOT NULL
   );
   CREATE TABLE tokens (
     id TEXT PRIMARY KEY,
     project_id TEXT NOT NULL REFERENCES projects (id),
     label TEXT NOT NULL,
     salt BYTEA NOT NULL,
     hash BYTEA NOT NULL,
     created_at TEXT NOT NULL,
     revoked_at TEXT,
     created_seq BIGSERIAL
   );
   CREATE INDEX tokens_by_project ON tokens (project_id, created_seq);`,
  // 2: the texts of added documents, immutable, keyed by project and content-derived id.
  `CREATE TABLE document_texts (
     project_id TEXT NOT NULL,
     id TEXT NOT NULL,
     text TEXT NOT NULL,
     bytes INTEGER NOT NULL,
     created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
     PRIMARY KEY (project_id, id)
   );`,
];

/** The schema version this server writes. */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

/** Arbitrary constant naming the migration lock among the database's advisory locks. */
const MIGRATION_LOCK = 4455_0001;

/** True for a `postgres://` or `postgresql://` connection string. */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}

/** Opens a pool on a connection string (nothing is sent until first use). */
export function openPostgresPool(url: string, options: { readonly max?: number } = {}): pg.Pool {
  if (!isPostgresUrl(url)) throw new Error(`--store must be a postgres:// URL, got "${url}"`);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection (PostgreSQL restarted) must not crash the server;
  // the next query gets a fresh connection or a clear error.
  pool.on('error', () => undefined);
  return pool;
}

/** What `migrate` did. */
export interface MigrationResult {
  readonly from: number;
  readonly to: number;
}

/** Brings the schema up to date (idempotent; safe with several instances starting at once). */
export async function migrate(pool: pg.Pool): Promise<MigrationResult> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS marginalia_schema (
      version INTEGER PRIMARY KEY,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM marginalia_schema');
    const from = rows[0]?.version ?? 0;
    if (from > POSTGRES_SCHEMA_VERSION) {
      throw new Error(`the database was written by a newer server (schema ${from}, this server knows ${POSTGRES_SCHEMA_VERSION})`);
    }
    for (let version = from + 1; version <= POSTGRES_SCHEMA_VERSION; version++) {
      await client.query('BEGIN');
      try {
        await client.query(MIGRATIONS[version - 1] as string);
        await client.query('INSERT INTO marginalia_schema (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return { from, to: POSTGRES_SCHEMA_VERSION };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** Runs `work` in a transaction on one pooled client (commit on return, rollback on throw). */
export async function inPostgresTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
