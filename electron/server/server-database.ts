/**
 * The sync server's SQLite file: opening, pragmas and schema.
 *
 * One file, `<dataDir>/marginalia-sync.sqlite`, holds the Y state of every project
 * room, the texts of added documents (`document_texts`, schema 2) and the access tokens, so a single copy of the data folder is a complete backup
 * and the CLI's token commands can work on it while a server runs.
 *
 * - `journal_mode = WAL`: readers never block the writer, and each commit is one
 *   append to the WAL file.
 * - `synchronous = NORMAL` (the WAL default recommendation): a commit is in the WAL file
 *   (the OS page cache) when the statement returns, so it survives the server process
 *   dying at any point (`kill -9`, crash); a power loss or OS crash may lose the last
 *   commits. `durability: 'full'` switches to `synchronous = FULL` (fsync per commit)
 *   for machines where power-loss durability is worth the latency.
 * - `busy_timeout`: the CLI and a running server can both write (tokens) without
 *   failing on a momentary lock.
 * Node's built-in `node:sqlite` is used: no native addon to rebuild for Electron.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

/** File name of the database inside the data folder. */
export const DATABASE_FILE_NAME = 'marginalia-sync.sqlite';

/** How hard commits are made durable. */
export type Durability = 'process-crash' | 'full';

/** Options for opening the server database. */
export interface OpenDatabaseOptions {
  /** 'process-crash' (default): survives kill -9; 'full': also survives power loss (fsync per commit). */
  readonly durability?: Durability;
}

const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  room TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  data BLOB NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS updates_by_room ON updates (room, seq);
CREATE TABLE IF NOT EXISTS projects (
  id TEXT PRIMARY KEY,
  name TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects (id),
  label TEXT NOT NULL,
  salt BLOB NOT NULL,
  hash BLOB NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS tokens_by_project ON tokens (project_id);
CREATE TABLE IF NOT EXISTS document_texts (
  project_id TEXT NOT NULL,
  id TEXT NOT NULL,
  text TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (project_id, id)
) STRICT;
`;

/** Path of the database file for a data folder. */
export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

/** Opens (creating if needed) the server database in `dataDir` and brings its schema up to date. */
export function openServerDatabase(dataDir: string, options: OpenDatabaseOptions = {}): DatabaseSync {
  // Only the server's user may read the projects and token hashes: a new folder is 0700 and
  // a new file 0600 (SQLite gives its -wal and -shm files the database file's mode).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  closeSync(openSync(databasePath(dataDir), 'a', 0o600));
  const db = new DatabaseSync(databasePath(dataDir), { timeout: 5000, enableForeignKeyConstraints: true });
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA synchronous = ${options.durability === 'full' ? 'FULL' : 'NORMAL'}`);
    const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
    const version = row?.user_version ?? 0;
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `${databasePath(dataDir)} was written by a newer server (schema ${version}, this server knows ${SCHEMA_VERSION})`,
      );
    }
    if (version < SCHEMA_VERSION) {
      db.exec('BEGIN IMMEDIATE');
      try {
        db.exec(SCHEMA);
        db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs `work` inside an IMMEDIATE transaction (commit on return, rollback on throw). */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
