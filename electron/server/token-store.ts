/**
 * Projects and per-project access tokens, kept in the server database.
 *
 * A token is minted once (`mgt1.<tokenId>.<secret>`, see shared/sync/access-token.ts)
 * and only its salted SHA-256 is stored: a 32-byte random secret has far more entropy
 * than any password, so a slow KDF adds nothing while a fast hash keeps authentication
 * cheap for 50 simultaneous reconnects. Comparison is constant-time.
 *
 * Every verification reads the row from SQLite, so tokens created or revoked by the CLI
 * in another process take effect at the next authentication with no restart. A token
 * names exactly one project; `verifyToken` refuses it for every other project.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { ProjectId } from '#shared/model/ids.ts';
import { newId } from '#shared/model/ids.ts';
import { formatAccessToken, isAccessTokenId, parseAccessToken } from '#shared/sync/access-token.ts';
import { REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import type { RefusalReason } from '#shared/sync/protocol.ts';
import { isProjectId } from '#shared/sync/rooms.ts';
import { inTransaction } from './server-database.ts';

/** A project known to the server. */
export interface ProjectRecord {
  readonly id: ProjectId;
  /** Display name given at creation, or null when the project was registered by a token. */
  readonly name: string | null;
  readonly createdAt: string;
}

/** A token as listed: everything except the secret, which is never stored. */
export interface TokenRecord {
  readonly id: string;
  readonly projectId: ProjectId;
  readonly label: string;
  readonly createdAt: string;
  /** When it was revoked, or null while it is valid. */
  readonly revokedAt: string | null;
}

/** A freshly minted token: the only moment the full token string exists. */
export interface CreatedToken {
  readonly token: string;
  readonly record: TokenRecord;
}

/** Result of checking a token against a project. */
export type TokenVerification =
  | { readonly ok: true; readonly record: TokenRecord }
  | { readonly ok: false; readonly reason: RefusalReason; readonly tokenId: string | null };

/** Projects and tokens. */
export interface TokenStore {
  /** Creates a project with a fresh id. */
  createProject(name: string): ProjectRecord;
  /** The project, or null if unknown. */
  getProject(projectId: ProjectId): ProjectRecord | null;
  /** Mints a token for a project (registering the project id if the server has not seen it). */
  createToken(input: { projectId: ProjectId; label?: string }): CreatedToken;
  /** Tokens of a project in creation order, revoked ones included. */
  listTokens(projectId: ProjectId): TokenRecord[];
  /** The token's record, or null if unknown. */
  getToken(tokenId: string): TokenRecord | null;
  /** Revokes a token; returns its record (unchanged if already revoked) or null if unknown. */
  revokeToken(tokenId: string): TokenRecord | null;
  /** Ids of revoked tokens among `tokenIds`. */
  revokedAmong(tokenIds: Iterable<string>): string[];
  /** Checks a presented token string for a project. */
  verifyToken(token: string, projectId: ProjectId): TokenVerification;
}

/** A token as stored (SQLite and PostgreSQL use the same columns). */
export interface TokenRow {
  id: string;
  project_id: string;
  label: string;
  salt: Uint8Array;
  hash: Uint8Array;
  created_at: string;
  revoked_at: string | null;
}

/** Salted SHA-256 of a token's secret, as stored. */
export function hashSecret(salt: Uint8Array, secret: string): Buffer {
  return createHash('sha256').update(salt).update(secret, 'utf8').digest();
}

/** The listed form of a stored token. */
export function toRecord(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    projectId: row.project_id as ProjectId,
    label: row.label,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** Creates the token store over an open server database. */
export function createTokenStore(db: DatabaseSync): TokenStore {
  const insertProject = db.prepare('INSERT INTO projects (id, name, created_at) VALUES (?, ?, ?)');
  const selectProject = db.prepare('SELECT id, name, created_at FROM projects WHERE id = ?');
  const insertToken = db.prepare(
    'INSERT INTO tokens (id, project_id, label, salt, hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const selectToken = db.prepare('SELECT * FROM tokens WHERE id = ?');
  const selectTokensOf = db.prepare('SELECT * FROM tokens WHERE project_id = ? ORDER BY rowid');
  const markRevoked = db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');

  const getProject = (projectId: ProjectId): ProjectRecord | null => {
    const row = selectProject.get(projectId) as { id: string; name: string | null; created_at: string } | undefined;
    return row ? { id: row.id as ProjectId, name: row.name, createdAt: row.created_at } : null;
  };

  const getToken = (tokenId: string): TokenRecord | null => {
    if (!isAccessTokenId(tokenId)) return null;
    const row = selectToken.get(tokenId) as TokenRow | undefined;
    return row ? toRecord(row) : null;
  };

  return {
    createProject(name) {
      const trimmed = name.trim();
      if (trimmed === '') throw new Error('a project needs a non-empty name');
      const record: ProjectRecord = { id: newId() as ProjectId, name: trimmed, createdAt: new Date().toISOString() };
      insertProject.run(record.id, record.name, record.createdAt);
      return record;
    },
    getProject,
    createToken({ projectId, label = '' }) {
      if (!isProjectId(projectId)) throw new Error(`not a project id: ${JSON.stringify(projectId)}`);
      const tokenId = randomBytes(8).toString('hex');
      const secret = randomBytes(32).toString('base64url');
      const salt = randomBytes(16);
      const createdAt = new Date().toISOString();
      inTransaction(db, () => {
        if (!getProject(projectId)) insertProject.run(projectId, null, createdAt);
        insertToken.run(tokenId, projectId, label.trim(), salt, hashSecret(salt, secret), createdAt);
      });
      return {
        token: formatAccessToken({ tokenId, secret }),
        record: { id: tokenId, projectId, label: label.trim(), createdAt, revokedAt: null },
      };
    },
    listTokens(projectId) {
      return (selectTokensOf.all(projectId) as unknown as TokenRow[]).map(toRecord);
    },
    getToken,
    revokeToken(tokenId) {
      if (!getToken(tokenId)) return null;
      markRevoked.run(new Date().toISOString(), tokenId);
      return getToken(tokenId);
    },
    revokedAmong(tokenIds) {
      const revoked: string[] = [];
      for (const tokenId of tokenIds) {
        if (getToken(tokenId)?.revokedAt) revoked.push(tokenId);
      }
      return revoked;
    },
    verifyToken(token, projectId) {
      return verifyAgainstRow(token, projectId, (tokenId) => selectToken.get(tokenId) as TokenRow | undefined);
    },
  };
}

/**
 * Checks a presented token string for a project against its stored row, which `rowOf`
 * looks up by token id (a synchronous lookup, or an asynchronous one for PostgreSQL).
 */
export function verifyAgainstRow(token: string, projectId: ProjectId, rowOf: (tokenId: string) => TokenRow | undefined): TokenVerification;
export function verifyAgainstRow(token: string, projectId: ProjectId, rowOf: (tokenId: string) => Promise<TokenRow | undefined>): Promise<TokenVerification>;
export function verifyAgainstRow(
  token: string,
  projectId: ProjectId,
  rowOf: (tokenId: string) => TokenRow | undefined | Promise<TokenRow | undefined>,
): TokenVerification | Promise<TokenVerification> {
  if (token === '') return { ok: false, reason: REFUSAL_REASONS.tokenRequired, tokenId: null };
  const parts = parseAccessToken(token);
  if (!parts) return { ok: false, reason: REFUSAL_REASONS.unknownToken, tokenId: null };
  const judge = (row: TokenRow | undefined): TokenVerification => {
    if (!row) return { ok: false, reason: REFUSAL_REASONS.unknownToken, tokenId: parts.tokenId };
    const presented = hashSecret(row.salt, parts.secret);
    const stored = Buffer.from(row.hash);
    if (presented.length !== stored.length || !timingSafeEqual(presented, stored)) {
      return { ok: false, reason: REFUSAL_REASONS.unknownToken, tokenId: parts.tokenId };
    }
    if (row.revoked_at !== null) return { ok: false, reason: REFUSAL_REASONS.tokenRevoked, tokenId: row.id };
    if (row.project_id !== projectId) return { ok: false, reason: REFUSAL_REASONS.wrongProject, tokenId: row.id };
    return { ok: true, record: toRecord(row) };
  };
  const row = rowOf(parts.tokenId);
  return row instanceof Promise ? row.then(judge) : judge(row);
}
