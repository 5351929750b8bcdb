/**
 * Projects and per-project tokens in PostgreSQL, shared by every instance: the same
 * records, hashing and checks as the SQLite store (token-store.ts), asynchronously.
 * Every verification reads the row, so a token created or revoked on any instance (or by
 * the CLI) applies at the next authentication everywhere.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { ProjectId } from '#shared/model/ids.ts';
import { newId } from '#shared/model/ids.ts';
import { formatAccessToken, isAccessTokenId } from '#shared/sync/access-token.ts';
import { isProjectId } from '#shared/sync/rooms.ts';
import { inPostgresTransaction } from './postgres-database.ts';
import type { AsyncTokenStore } from './server-store.ts';
import { hashSecret, toRecord, verifyAgainstRow } from './token-store.ts';
import type { ProjectRecord, TokenRecord, TokenRow } from './token-store.ts';

/** Projects and tokens in PostgreSQL, plus the latest revocation time (for change polling). */
export type PostgresTokenStore = AsyncTokenStore & {
  /** A value that changes whenever a token is revoked anywhere. */
  revocationMark(): Promise<string>;
};

/** Creates the token store over a pool. */
export function createPostgresTokenStore(pool: pg.Pool): PostgresTokenStore {
  const tokenRow = async (tokenId: string): Promise<TokenRow | undefined> => {
    const { rows } = await pool.query<TokenRow>('SELECT id, project_id, label, salt, hash, created_at, revoked_at FROM tokens WHERE id = $1', [tokenId]);
    return rows[0];
  };
  const getProject = async (projectId: ProjectId): Promise<ProjectRecord | null> => {
    const { rows } = await pool.query<{ id: string; name: string | null; created_at: string }>('SELECT id, name, created_at FROM projects WHERE id = $1', [projectId]);
    const row = rows[0];
    return row ? { id: row.id as ProjectId, name: row.name, createdAt: row.created_at } : null;
  };
  const getToken = async (tokenId: string): Promise<TokenRecord | null> => {
    if (!isAccessTokenId(tokenId)) return null;
    const row = await tokenRow(tokenId);
    return row ? toRecord(row) : null;
  };

  return {
    async createProject(name) {
      const trimmed = name.trim();
      if (trimmed === '') throw new Error('a project needs a non-empty name');
      const record: ProjectRecord = { id: newId() as ProjectId, name: trimmed, createdAt: new Date().toISOString() };
      await pool.query('INSERT INTO projects (id, name, created_at) VALUES ($1, $2, $3)', [record.id, record.name, record.createdAt]);
      return record;
    },
    getProject,
    async createToken({ projectId, label = '' }) {
      if (!isProjectId(projectId)) throw new Error(`not a project id: ${JSON.stringify(projectId)}`);
      const tokenId = randomBytes(8).toString('hex');
      const secret = randomBytes(32).toString('base64url');
      const salt = randomBytes(16);
      const createdAt = new Date().toISOString();
      await inPostgresTransaction(pool, async (client) => {
        await client.query('INSERT INTO projects (id, name, created_at) VALUES ($1, NULL, $2) ON CONFLICT (id) DO NOTHING', [projectId, createdAt]);
        await client.query('INSERT INTO tokens (id, project_id, label, salt, hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          tokenId, projectId, label.trim(), salt, hashSecret(salt, secret), createdAt,
        ]);
      });
      return {
        token: formatAccessToken({ tokenId, secret }),
        record: { id: tokenId, projectId, label: label.trim(), createdAt, revokedAt: null },
      };
    },
    async listTokens(projectId) {
      const { rows } = await pool.query<TokenRow>('SELECT * FROM tokens WHERE project_id = $1 ORDER BY created_seq', [projectId]);
      return rows.map(toRecord);
    },
    getToken,
    async revokeToken(tokenId) {
      if (!(await getToken(tokenId))) return null;
      await pool.query('UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [new Date().toISOString(), tokenId]);
      return await getToken(tokenId);
    },
    async revokedAmong(tokenIds) {
      const ids = [...tokenIds];
      if (ids.length === 0) return [];
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM tokens WHERE id = ANY($1::text[]) AND revoked_at IS NOT NULL', [ids]);
      return rows.map((row) => row.id);
    },
    async verifyToken(token, projectId) {
      return await verifyAgainstRow(token, projectId, tokenRow);
    },
    async revocationMark() {
      const { rows } = await pool.query<{ mark: string | null }>('SELECT count(revoked_at)::text || max(revoked_at) AS mark FROM tokens');
      return rows[0]?.mark ?? '';
    },
  };
}
