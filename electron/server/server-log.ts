/**
 * Structured log lines of the sync server.
 *
 * One JSON object per line on stdout, so operators can grep, `jq`, or ship them to a
 * log collector, and tests can read a child server's port from its `listening` line.
 * Entries never contain token secrets: tokens appear by id only.
 */

/** Kinds of log entries. */
export type SyncServerEvent =
  /** The server is accepting connections (carries url, host, port, dataDir). */
  | 'listening'
  /** A client authenticated for a project room. */
  | 'connect'
  /** A client left a project room. */
  | 'disconnect'
  /** A client was refused a room (carries the reason sent to the client). */
  | 'refused'
  /** A socket was closed because of what it sent (malformed, too large, over the document limit). */
  | 'message-rejected'
  /** A websocket upgrade was turned away (origin not allowed, too many unauthenticated sockets). */
  | 'upgrade-refused'
  /** A room was not loaded: its stored structs exceed the room or process budget. */
  | 'room-refused'
  /** A warning or error printed by a library (Hocuspocus), as one line. */
  | 'library-warning'
  /** Sockets using a revoked token were closed. */
  | 'token-revoked'
  /** A room was compacted into its snapshot. */
  | 'store'
  /** Something failed while persisting. */
  | 'store-failed'
  /** A websocket-level error not caused by a limit. */
  | 'socket-error'
  /** Redis is reachable again; loaded rooms republish their state to the other instances. */
  | 'redis-reconnected'
  /** An added document's text was stored (or found already stored) by `PUT /documents/…`. */
  | 'text-stored'
  /** A document-text request was refused (carries the status and the reason sent). */
  | 'text-refused'
  /** A document-text request failed in the store or the checker (answered 503). */
  | 'text-failed'
  /** Shutdown began (carries the signal, if any). */
  | 'shutdown'
  /** Shutdown finished; the database is closed. */
  | 'stopped';

/** One log line. Extra fields depend on the event. */
export interface SyncServerLogEntry {
  /** ISO 8601 timestamp. */
  readonly time: string;
  readonly event: SyncServerEvent;
  readonly [field: string]: unknown;
}

/** Receives log entries. */
export type SyncServerLogger = (entry: SyncServerLogEntry) => void;

/** The default logger: one JSON line per entry on stdout. */
export const logToStdout: SyncServerLogger = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

/** Builds an entry with the current time. */
export function logEntry(event: SyncServerEvent, fields: Record<string, unknown> = {}): SyncServerLogEntry {
  return { time: new Date().toISOString(), event, ...fields };
}
