/**
 * Every limit of the sync server in one place, with its default (electron/server/README.md
 * "Limits" lists them with their flags and what happens when one is hit).
 *
 * The limits exist so that no authenticated member and no web page can stall or exhaust
 * the server (docs/architecture.md §6): work per message is bounded (structs per update,
 * same-position siblings), memory is bounded by what rooms cost (structs, not bytes on
 * the wire — a tiny struct costs ~50× its encoded size), nothing grows before
 * authentication, and each connection and token has a message rate.
 */
import { DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_MESSAGE_BYTES } from '#shared/sync/protocol.ts';
import { DEFAULT_UPDATE_LIMITS } from '#shared/model/update-validation.ts';
import { DEFAULT_MAX_DOCUMENT_TEXT_BYTES } from '#shared/sync/document-urls.ts';

/** The server's limits; see DEFAULT_SERVER_LIMITS for the defaults. */
export interface ServerLimits {
  /** Largest websocket message in bytes. */
  readonly maxMessageBytes: number;
  /** Largest stored room (snapshot + log) in bytes. */
  readonly maxDocumentBytes: number;
  /** Most structs one update may carry. */
  readonly maxUpdateStructs: number;
  /** Most items of one update inserted at one position. */
  readonly maxSameOriginSiblings: number;
  /**
   * Most structs checked or applied in one turn of the event loop: a larger update (or a
   * stored room being loaded) is checked and applied in slices of this many structs.
   */
  readonly structsPerTurn: number;
  /** Most structs one room may hold in memory. */
  readonly maxRoomStructs: number;
  /** Most structs all loaded rooms together may hold. */
  readonly maxTotalStructs: number;
  /** Most open sockets that have not authenticated yet, in total. */
  readonly maxUnauthenticatedSockets: number;
  /** Most such sockets from one remote address. */
  readonly maxUnauthenticatedPerAddress: number;
  /** Time a socket has to authenticate, in ms. */
  readonly authTimeoutMs: number;
  /** Messages a socket may send before it authenticates. */
  readonly maxUnauthenticatedMessages: number;
  /** Sustained messages per second per connection, and the burst above it. */
  readonly connectionMessagesPerSecond: number;
  readonly connectionBurst: number;
  /** Sustained messages per second per token (all its connections), and the burst. */
  readonly tokenMessagesPerSecond: number;
  readonly tokenBurst: number;
  /**
   * Sustained structs per second per token, and the burst: what a token's updates cost the
   * server in work and memory (a message can carry thousands of tiny items).
   */
  readonly tokenStructsPerSecond: number;
  readonly tokenStructBurst: number;
  /** Largest text of an added document a `PUT /documents/…` may carry, in bytes (UTF-8). */
  readonly maxDocumentTextBytes: number;
  /** Sustained document-text requests per second per token, and the burst above it. */
  readonly tokenTextRequestsPerSecond: number;
  readonly tokenTextRequestBurst: number;
  /** Sustained document-text bytes (sent and received) per second per token, and the burst. */
  readonly tokenTextBytesPerSecond: number;
  readonly tokenTextByteBurst: number;
  /** Document texts being received or checked at once, server-wide (each may hold up to maxDocumentTextBytes). */
  readonly maxTextUploadsInFlight: number;
  /** After a revocation, how long a socket may take to close before it is cut, in ms. */
  readonly revocationGraceMs: number;
  /** Browser origins allowed besides the app's own `app://marginalia` (exact, or `scheme://host:*` for any port). */
  readonly allowedOrigins: readonly string[];
}

/** The app's own origin (Electron's privileged scheme), always allowed. */
export const APP_ORIGIN = 'app://marginalia';

/**
 * Defaults. The reference workload (docs/architecture.md §8: 10,000 highlights) is about
 * 56,000 structs, so one update may carry it whole and a room may hold about nine of it.
 */
export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  maxMessageBytes: DEFAULT_MAX_MESSAGE_BYTES,
  maxDocumentBytes: DEFAULT_MAX_DOCUMENT_BYTES,
  maxUpdateStructs: DEFAULT_UPDATE_LIMITS.maxStructs,
  maxSameOriginSiblings: DEFAULT_UPDATE_LIMITS.maxSameOriginSiblings,
  // About 10 ms of work per turn (a 2,000-struct slice of a project applies in 10–20 ms).
  structsPerTurn: 1000,
  maxRoomStructs: 500_000,
  maxTotalStructs: 1_500_000,
  maxUnauthenticatedSockets: 64,
  maxUnauthenticatedPerAddress: 16,
  authTimeoutMs: 10_000,
  maxUnauthenticatedMessages: 16,
  connectionMessagesPerSecond: 100,
  connectionBurst: 500,
  tokenMessagesPerSecond: 200,
  tokenBurst: 1000,
  // A person's edits are a few structs each; the burst lets a whole reference project
  // (about 56,000 structs) arrive at once, twice over. Every struct costs memory for as
  // long as its room is loaded (and the garbage collector's time with it), so the rate is
  // what a busy writer needs, not what the server could absorb.
  tokenStructsPerSecond: 2_000,
  tokenStructBurst: 120_000,
  // A long book is a few MB of UTF-8; 20 MB leaves room for any document a team reads closely.
  maxDocumentTextBytes: DEFAULT_MAX_DOCUMENT_TEXT_BYTES,
  // Joining a project fetches or uploads every document once: a library of 200 at once.
  tokenTextRequestsPerSecond: 20,
  tokenTextRequestBurst: 200,
  // 4 MiB/s sustained, and a burst of 100 MiB: five maximal texts, or a whole library at once.
  tokenTextBytesPerSecond: 4 * 1024 * 1024,
  tokenTextByteBurst: 100 * 1024 * 1024,
  maxTextUploadsInFlight: 8,
  revocationGraceMs: 1000,
  allowedOrigins: [],
};

/** Fills unset limits with their defaults. */
export function resolveLimits(partial: Partial<ServerLimits> = {}): ServerLimits {
  const defined = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_SERVER_LIMITS, ...defined };
}

/** A token bucket: `take(amount)` is true while the sustained rate plus the burst allow `amount` more (default 1). */
export interface RateBucket {
  take(amount?: number, now?: number): boolean;
  /** How much `take` would allow now, without taking it. */
  available(now?: number): number;
}

/** Creates a token bucket refilling `perSecond` up to `burst`. */
export function createRateBucket(perSecond: number, burst: number): RateBucket {
  let level = burst;
  let last = Date.now();
  const refill = (now: number) => {
    level = Math.min(burst, level + ((now - last) / 1000) * perSecond);
    last = now;
  };
  return {
    available(now = Date.now()) {
      refill(now);
      return level;
    },
    take(amount = 1, now = Date.now()) {
      refill(now);
      if (level < amount) return false;
      level -= amount;
      return true;
    },
  };
}
