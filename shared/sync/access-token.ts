/**
 * Shape of a per-project access token, shared by the server (which mints and verifies
 * tokens) and the client (which validates a pasted invite before connecting).
 *
 * A token is `mgt1.<tokenId>.<secret>`: the public token id lets the server find the
 * token's row (salt, hash, project, revocation) with one indexed lookup, and lets people
 * list and revoke tokens by id without ever seeing a secret again; the secret is 32
 * random bytes in base64url. The version prefix leaves room for a future format.
 * This module only parses and formats; hashing and randomness live on the server.
 */

/** Version prefix of the current token format. */
export const ACCESS_TOKEN_PREFIX = 'mgt1';

const TOKEN_ID_PATTERN = /^[0-9a-f]{16}$/;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The two parts of an access token. */
export interface AccessTokenParts {
  /** Public identifier of the token (16 lowercase hex digits); safe to show and log. */
  readonly tokenId: string;
  /** The secret part (43 base64url characters); never stored or logged in clear. */
  readonly secret: string;
}

/** True if `value` looks like a token id (16 lowercase hex digits). */
export function isAccessTokenId(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_ID_PATTERN.test(value);
}

/** Joins a token id and secret into the token string handed to people. Throws on malformed parts. */
export function formatAccessToken(parts: AccessTokenParts): string {
  if (!isAccessTokenId(parts.tokenId)) throw new Error('token id must be 16 lowercase hex digits');
  if (!SECRET_PATTERN.test(parts.secret)) throw new Error('token secret must be 43 base64url characters');
  return `${ACCESS_TOKEN_PREFIX}.${parts.tokenId}.${parts.secret}`;
}

/** Splits a token string into its parts, or returns null if it does not have the token shape. */
export function parseAccessToken(token: string): AccessTokenParts | null {
  const pieces = token.split('.');
  if (pieces.length !== 3) return null;
  const [prefix, tokenId, secret] = pieces;
  if (prefix !== ACCESS_TOKEN_PREFIX || !isAccessTokenId(tokenId)) return null;
  if (secret === undefined || !SECRET_PATTERN.test(secret)) return null;
  return { tokenId, secret };
}
