/**
 * The PostgreSQL store against a real PostgreSQL (tests/helpers/postgres-server.ts):
 * migrations with their version table, rooms (append, load, compaction by two instances
 * at once never losing an update) and tokens (same checks as SQLite).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ProjectId } from '#shared/model/ids.ts';
import { REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { migrate, openPostgresPool, POSTGRES_SCHEMA_VERSION } from '../../../electron/server/postgres-database.ts';
import { createPostgresDocumentStore } from '../../../electron/server/postgres-document-store.ts';
import { createPostgresTokenStore } from '../../../electron/server/postgres-token-store.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres-server.ts';
import { REPO_ROOT } from './sync-test-kit.ts';

let postgres: TestPostgres;
let database = 0;
const pools: pg.Pool[] = [];

async function freshPool(): Promise<pg.Pool> {
  const pool = openPostgresPool(await postgres.createDatabase(`store_${++database}`));
  pools.push(pool);
  return pool;
}

beforeAll(async () => {
  postgres = await startPostgres();
});

afterAll(async () => {
  for (const pool of pools) await pool.end().catch(() => undefined);
  await postgres?.stop();
});

function edit(doc: Y.Doc, key: string): Uint8Array {
  const updates: Uint8Array[] = [];
  const keep = (update: Uint8Array) => updates.push(update);
  doc.on('update', keep);
  doc.getMap('h').set(key, key.length);
  doc.off('update', keep);
  return updates[0] as Uint8Array;
}

describe('PostgreSQL store', () => {
  it('migrates once, records the version, and refuses a database from a newer server', async () => {
    const pool = await freshPool();
    expect(await migrate(pool)).toEqual({ from: 0, to: POSTGRES_SCHEMA_VERSION });
    expect(await migrate(pool)).toEqual({ from: POSTGRES_SCHEMA_VERSION, to: POSTGRES_SCHEMA_VERSION });
    const { rows } = await pool.query('SELECT version FROM marginalia_schema ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, index) => index + 1));
    await pool.query('INSERT INTO marginalia_schema (version) VALUES ($1)', [POSTGRES_SCHEMA_VERSION + 1]);
    await expect(migrate(pool)).rejects.toThrow(/newer server/);
  });

  it('brings a schema-1 database to schema 2 (added documents\' texts), keeping its projects', async () => {
    const pool = await freshPool();
    await migrate(pool);
    await pool.query('DROP TABLE document_texts');
    await pool.query('DELETE FROM marginalia_schema WHERE version > 1');
    const project = await createPostgresTokenStore(pool).createProject('before the upgrade');
    expect(await migrate(pool)).toEqual({ from: 1, to: 2 });
    expect(await createPostgresTokenStore(pool).getProject(project.id)).toMatchObject({ name: 'before the upgrade' });
    const { rows } = await pool.query('SELECT count(*)::int AS texts FROM document_texts');
    expect(rows[0].texts).toBe(0);
  });

  it('migrates from the command line: npm run server -- migrate --store …', async () => {
    const url = await postgres.createDatabase('cli_migrate');
    const run = (args: string[]) => promisify(execFile)(process.execPath, ['electron/server/cli.ts', ...args], { cwd: REPO_ROOT });
    expect((await run(['migrate', '--store', url])).stdout).toBe(`schema migrated from version 0 to ${POSTGRES_SCHEMA_VERSION}\n`);
    expect((await run(['migrate', '--store', url])).stdout).toBe(`schema already at version ${POSTGRES_SCHEMA_VERSION}\n`);
    const created = await run(['project', 'create', '--name', 'From the CLI', '--store', url]);
    expect(created.stdout).toMatch(/^invite: +marginalia:\/\/join\?/m);
  });

  it('loads what was appended, and compaction by two instances at once keeps every update', async () => {
    const pool = await freshPool();
    await migrate(pool);
    const a = createPostgresDocumentStore(pool);
    const b = createPostgresDocumentStore(pool);
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const room = 'project:room-under-test';
    expect(await a.load(room)).toBeNull();
    // Each instance knows only its own updates; both compact while the other keeps appending.
    const rounds: Array<Promise<unknown>> = [];
    for (let index = 0; index < 40; index++) {
      rounds.push(a.append(room, edit(docA, `a${index}`)));
      rounds.push(b.append(room, edit(docB, `b${index}`)));
      if (index % 5 === 0) {
        rounds.push(a.compact(room, () => Y.encodeStateAsUpdate(docA)));
        rounds.push(b.compact(room, () => Y.encodeStateAsUpdate(docB)));
      }
    }
    await Promise.all(rounds);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await a.load(room)) as Uint8Array);
    const keys = [...loaded.getMap('h').keys()].sort();
    expect(keys).toHaveLength(80);
    expect(keys).toEqual([...Array.from({ length: 40 }, (_, i) => `a${i}`), ...Array.from({ length: 40 }, (_, i) => `b${i}`)].sort());
    expect(await a.storedBytes(room)).toBeGreaterThan(0);
    expect(await a.countStructs(room, 1_000_000)).toBeGreaterThanOrEqual(80);
  });

  it('keeps tokens with the same checks as SQLite', async () => {
    const pool = await freshPool();
    await migrate(pool);
    const tokens = createPostgresTokenStore(pool);
    const project = await tokens.createProject('Caucasus corpus');
    const other = await tokens.createProject('Other');
    const first = await tokens.createToken({ projectId: project.id, label: 'ana' });
    const second = await tokens.createToken({ projectId: project.id, label: 'ben' });
    expect((await tokens.listTokens(project.id)).map((token) => token.label)).toEqual(['ana', 'ben']);
    expect((await tokens.verifyToken(first.token, project.id)).ok).toBe(true);
    expect(await tokens.verifyToken(first.token, other.id)).toMatchObject({ ok: false, reason: REFUSAL_REASONS.wrongProject });
    expect(await tokens.verifyToken(`${first.token}x`, project.id)).toMatchObject({ ok: false, reason: REFUSAL_REASONS.unknownToken });
    const before = await tokens.revocationMark();
    expect((await tokens.revokeToken(second.record.id))?.revokedAt).not.toBeNull();
    expect(await tokens.revocationMark()).not.toBe(before);
    expect(await tokens.verifyToken(second.token, project.id)).toMatchObject({ ok: false, reason: REFUSAL_REASONS.tokenRevoked });
    expect(await tokens.revokedAmong([first.record.id, second.record.id])).toEqual([second.record.id]);
    expect(await tokens.getProject('nope' as ProjectId)).toBeNull();
  });
});
