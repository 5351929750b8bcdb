/**
 * Sync protocol constants shared by the client and the team sync server.
 *
 * Defaults (port, host, limits), the health endpoint path, and the exact refusal reasons
 * the server sends when it turns a connection away. The reasons are plain sentences
 * because Hocuspocus carries them verbatim to the provider's `authenticationFailed`
 * event, where the app shows them to a person; the client can compare against these
 * constants to choose a helpful message ("ask for a new invite").
 */

/** Default TCP port of the sync server (unassigned by IANA, easy to remember). */
export const DEFAULT_SYNC_PORT = 4455;

/** Default listening address: loopback only; exposing the server is an explicit choice. */
export const DEFAULT_SYNC_HOST = '127.0.0.1';

/** Largest websocket message the server accepts, in bytes (8 MiB). */
export const DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/** Largest stored size of one project's room, in bytes (64 MiB). */
export const DEFAULT_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** Path of the server's health endpoint (GET, JSON). */
export const HEALTH_PATH = '/health';

/** Reasons the server gives when it refuses or ends a connection; shown to people as-is. */
export const REFUSAL_REASONS = {
  /** The provider sent no token at all. */
  tokenRequired: 'token required',
  /** The token is malformed, unknown to this server, or its secret does not match. */
  unknownToken: 'unknown token',
  /** The token existed but was revoked; ask for a new invite. */
  tokenRevoked: 'token revoked',
  /** The token is valid, but for another project. */
  wrongProject: 'token not valid for this project',
  /** The document name is not a project room. */
  unknownRoom: 'unknown room',
  /** A message could not be decoded. */
  malformedMessage: 'malformed message',
  /** A message was larger than the server's message limit. */
  messageTooLarge: 'message too large',
  /** Applying the update would make the project larger than the server's document limit. */
  documentTooLarge: 'document size limit exceeded',
  /** The server is shutting down. */
  shuttingDown: 'server shutting down',
  /** An update did not fit the project layout or the bounds on one update. */
  updateRefused: 'update refused',
  /** The server holds as much project data in memory as it is allowed to. */
  serverFull: 'server memory limit reached',
  /** The connection or its token sent messages faster than the server's rate limit. */
  rateLimited: 'too many messages',
  /** The connection did not authenticate in time. */
  authenticationTimeout: 'authentication timed out',
  /** The server could not make the update durable (its database is unreachable); resent on reconnect. */
  storeUnavailable: 'store unavailable',
} as const;

/** One of the refusal reasons above. */
export type RefusalReason = (typeof REFUSAL_REASONS)[keyof typeof REFUSAL_REASONS];

/** Websocket close codes the server uses (4000–4999 is the application range). */
export const CLOSE_CODES = {
  /** A message could not be decoded. */
  malformedMessage: 4400,
  /** The token behind this connection was revoked while it was open. */
  tokenRevoked: 4403,
  /** The room would exceed the document size limit (bytes or structs). */
  documentTooLarge: 4413,
  /** An update did not fit the project layout or the bounds on one update. */
  updateRefused: 4422,
  /** The connection did not authenticate in time. */
  authenticationTimeout: 4408,
  /** The connection or its token exceeded the rate limit. */
  rateLimited: 4429,
  /** The server's process-wide memory budget is spent. */
  serverFull: 4503,
  /** The shared store (PostgreSQL) did not commit; nothing was applied, the client resends. */
  storeUnavailable: 4504,
  /** Standard "message too big" (sent by the websocket layer). */
  messageTooLarge: 1009,
  /** Standard "going away" (server shutdown). */
  goingAway: 1001,
} as const;

/** Body of `GET /health`. */
export interface SyncHealth {
  /** Always true when the server answers. */
  readonly ok: boolean;
  /** Seconds since the server started. */
  readonly uptime: number;
  /** Rooms (projects) currently loaded in memory. */
  readonly rooms: number;
  /** Open websocket connections. */
  readonly connections: number;
  /** Yjs structs held by the loaded rooms (what their memory follows). */
  readonly structs: number;
  /** This instance's name (scale-out: several instances share PostgreSQL and Redis). */
  readonly instance?: string;
  /** The store: its engine, whether it answered the last probe and how fast (ms). */
  readonly store?: { readonly kind: 'sqlite' | 'postgres'; readonly ok: boolean; readonly latencyMs: number | null };
  /** Redis (scale-out only): connected, and the delay of the peers' last heartbeats (ms). */
  readonly redis?: { readonly ok: boolean; readonly lagMs: number | null };
  /** Other instances seen through Redis in the last few seconds, by name, with seconds since last heard. */
  readonly peers?: Readonly<Record<string, number>>;
}
