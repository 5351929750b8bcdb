/**
 * The sync server's front door: who may open a socket, and which frames reach Hocuspocus.
 *
 * Before a socket exists (`admitUpgrade`): a browser page may connect only from an allowed
 * Origin (the app's `app://marginalia` and origins the operator lists; no Origin header
 * means a native client), and sockets that have not authenticated yet are capped in total
 * and per remote address — so no page and no stranger can pile up sockets.
 *
 * For every frame (`admitMessage`), without touching any room: refused sockets are not
 * read; text frames, frames that do not decode and updates that do not fit the project
 * layout or the per-update bounds (shared/model/update-validation.ts) close the socket —
 * reading at most two slices of `structsPerTurn` structs of any update, so that no frame
 * costs more than a bounded amount of work here (a larger update is checked whole, a slice
 * per turn, by the room guard); a
 * socket may send only a few messages before it authenticates and must authenticate
 * within a deadline; every connection, and every token across its connections, has a
 * message rate, and every token a rate of structs its updates may carry (token buckets,
 * kept per token for the server's life, so reconnecting does not refill them). Each refusal closes only the offending socket, with a
 * close reason and one JSON log line; a socket that ignores the close is cut after a
 * short grace. An update whose header declares more structs than one update may hold, or
 * than its token may still send, is refused before any struct is read. Refused upgrades are
 * logged at most UPGRADE_REFUSAL_LINES_PER_SECOND times a second (the next line counts the
 * others), so a client opening sockets in a loop cannot make the server write a line per
 * attempt. Room-level checks (budgets) happen in room-guard.ts.
 */
import type { IncomingMessage } from 'node:http';
import * as decoding from 'lib0/decoding';
import type { RawData, WebSocket } from 'ws';
import { CLOSE_CODES, REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { updateSlices } from '#shared/model/update-slices.ts';
import { validateUpdate } from '#shared/model/update-validation.ts';
import { inspectClientFrame } from './frame-inspector.ts';
import { logEntry } from './server-log.ts';
import type { SyncServerLogger } from './server-log.ts';
import { APP_ORIGIN, createRateBucket } from './server-limits.ts';
import type { RateBucket, ServerLimits } from './server-limits.ts';

/** Why an upgrade request is turned away: an HTTP status and a sentence. */
export interface UpgradeRefusal {
  readonly status: 403 | 503;
  readonly reason: string;
}

interface SocketState {
  readonly address: string;
  readonly bucket: RateBucket;
  tokenId: string | null;
  messagesBeforeAuth: number;
  refused: boolean;
  authTimer: NodeJS.Timeout | null;
  cutTimer: NodeJS.Timeout | null;
}

/** The front door of one server. */
export interface FrontDoor {
  /** Null if a socket may be opened for `request`; otherwise why not (already logged). */
  admitUpgrade(request: IncomingMessage): UpgradeRefusal | null;
  /** Starts tracking a socket just opened for `request`. */
  opened(socket: WebSocket, request: IncomingMessage): void;
  /** The bytes to hand to Hocuspocus, or null when the frame was refused (socket closed). */
  admitMessage(socket: WebSocket, data: RawData, isBinary: boolean): Uint8Array | null;
  /** The socket authenticated a room with `tokenId`. */
  authenticated(socket: WebSocket, tokenId: string): void;
  /** Stops reading `socket` at once, closes it with `code`/`reason`, cuts it after the grace. */
  refuse(socket: WebSocket, code: number, reason: string, detail: string, logged?: boolean): void;
  /** True once `socket` was refused or revoked. */
  isRefused(socket: WebSocket): boolean;
  /** Charges `structs` to the token of `socket` (its struct rate); false when that is over the rate. */
  chargeStructs(socket: WebSocket, structs: number): boolean;
  /** Stops (true) or resumes (false) reading `socket`'s frames; a refused socket stays unread. */
  pauseReading(socket: WebSocket, paused: boolean): void;
  /** The socket closed. */
  closed(socket: WebSocket): void;
  /** Sockets open and not yet authenticated. */
  unauthenticatedCount(): number;
}

function toBytes(data: RawData): Uint8Array {
  const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * Matches an Origin header against allowed origins: exact (`https://team.example.org`) or
 * with any port (`http://127.0.0.1:*`, for the browser build on a local port).
 */
export function originMatcher(allowed: readonly string[]): (origin: string) => boolean {
  const exact = new Set(allowed.filter((entry) => !entry.endsWith(':*')));
  const anyPort = allowed.filter((entry) => entry.endsWith(':*')).map((entry) => entry.slice(0, -1));
  return (origin) =>
    exact.has(origin) || anyPort.some((prefix) => origin.startsWith(prefix) && /^\d{1,5}$/.test(origin.slice(prefix.length)));
}

/** The struct count an update declares for its first client (read in O(1), before any struct); 0 for none. */
export function firstClientStructs(update: Uint8Array): number {
  try {
    const decoder = decoding.createDecoder(update);
    return decoding.readVarUint(decoder) > 0 ? decoding.readVarUint(decoder) : 0;
  } catch {
    return 0; // left to the full read, which refuses it as malformed
  }
}

/** `upgrade-refused` log lines per second at most; refusals past it are counted in the next line. */
export const UPGRADE_REFUSAL_LINES_PER_SECOND = 10;

const remoteAddress = (request: IncomingMessage): string => request.socket.remoteAddress ?? 'unknown';

/** Creates the front door for `limits`, logging to `log`. */
export function createFrontDoor(limits: ServerLimits, log: SyncServerLogger): FrontDoor {
  const originAllowed = originMatcher([APP_ORIGIN, ...limits.allowedOrigins]);
  const states = new WeakMap<WebSocket, SocketState>();
  const unauthenticatedByAddress = new Map<string, number>();
  const tokenBuckets = new Map<string, RateBucket>();
  const structBuckets = new Map<string, RateBucket>();
  let unauthenticated = 0;
  // At most UPGRADE_REFUSAL_LINES_PER_SECOND `upgrade-refused` lines a second: a client that keeps opening
  // sockets cannot make the server write a line per attempt. The next line counts those not logged.
  const refusalLines = { since: 0, lines: 0, notLogged: 0 };
  const logUpgradeRefusal = (fields: Record<string, unknown>): void => {
    const now = Date.now();
    if (now - refusalLines.since >= 1000) Object.assign(refusalLines, { since: now, lines: 0 });
    if (refusalLines.lines >= UPGRADE_REFUSAL_LINES_PER_SECOND) {
      refusalLines.notLogged++;
      return;
    }
    refusalLines.lines++;
    log(logEntry('upgrade-refused', refusalLines.notLogged > 0 ? { ...fields, notLogged: refusalLines.notLogged } : fields));
    refusalLines.notLogged = 0;
  };

  const leaveUnauthenticated = (state: SocketState): void => {
    if (state.tokenId !== null) return;
    unauthenticated--;
    const left = (unauthenticatedByAddress.get(state.address) ?? 1) - 1;
    if (left <= 0) unauthenticatedByAddress.delete(state.address);
    else unauthenticatedByAddress.set(state.address, left);
    if (state.authTimer) clearTimeout(state.authTimer);
    state.authTimer = null;
  };

  const door: FrontDoor = {
    admitUpgrade(request) {
      const origin = request.headers.origin;
      const address = remoteAddress(request);
      let refusal: UpgradeRefusal | null = null;
      if (origin !== undefined && !originAllowed(origin)) {
        refusal = { status: 403, reason: `origin ${origin} is not allowed` };
      } else if (unauthenticated >= limits.maxUnauthenticatedSockets) {
        refusal = { status: 503, reason: `${unauthenticated} sockets are waiting to authenticate (limit ${limits.maxUnauthenticatedSockets})` };
      } else if ((unauthenticatedByAddress.get(address) ?? 0) >= limits.maxUnauthenticatedPerAddress) {
        refusal = { status: 503, reason: `${address} has ${limits.maxUnauthenticatedPerAddress} sockets waiting to authenticate` };
      }
      if (refusal) logUpgradeRefusal({ address, origin: origin ?? null, status: refusal.status, reason: refusal.reason });
      return refusal;
    },
    opened(socket, request) {
      const address = remoteAddress(request);
      const state: SocketState = {
        address,
        bucket: createRateBucket(limits.connectionMessagesPerSecond, limits.connectionBurst),
        tokenId: null,
        messagesBeforeAuth: 0,
        refused: false,
        authTimer: null,
        cutTimer: null,
      };
      states.set(socket, state);
      unauthenticated++;
      unauthenticatedByAddress.set(address, (unauthenticatedByAddress.get(address) ?? 0) + 1);
      state.authTimer = setTimeout(() => {
        door.refuse(socket, CLOSE_CODES.authenticationTimeout, REFUSAL_REASONS.authenticationTimeout,
          `no authentication within ${limits.authTimeoutMs} ms`);
      }, limits.authTimeoutMs);
      state.authTimer.unref();
    },
    admitMessage(socket, data, isBinary) {
      const state = states.get(socket);
      if (!state || state.refused) return null;
      const fail = (code: number, reason: string, detail: string): null => {
        door.refuse(socket, code, reason, detail);
        return null;
      };
      if (!state.bucket.take()) {
        return fail(CLOSE_CODES.rateLimited, REFUSAL_REASONS.rateLimited,
          `over ${limits.connectionMessagesPerSecond} messages/s (burst ${limits.connectionBurst}) on one connection`);
      }
      if (state.tokenId !== null && !tokenBuckets.get(state.tokenId)?.take()) {
        return fail(CLOSE_CODES.rateLimited, REFUSAL_REASONS.rateLimited,
          `over ${limits.tokenMessagesPerSecond} messages/s (burst ${limits.tokenBurst}) for token ${state.tokenId}`);
      }
      if (state.tokenId === null && ++state.messagesBeforeAuth > limits.maxUnauthenticatedMessages) {
        return fail(CLOSE_CODES.rateLimited, REFUSAL_REASONS.rateLimited,
          `more than ${limits.maxUnauthenticatedMessages} messages before authentication`);
      }
      if (!isBinary) return fail(CLOSE_CODES.malformedMessage, REFUSAL_REASONS.malformedMessage, 'text frame');
      const bytes = toBytes(data);
      const frame = inspectClientFrame(bytes);
      if (!frame.ok) return fail(CLOSE_CODES.malformedMessage, REFUSAL_REASONS.malformedMessage, frame.detail);
      if (frame.update) {
        // An update whose first client alone declares more structs than one update may hold, or than its token
        // may still send, is refused before any struct of it is read (it would be refused after reading them all).
        const declared = firstClientStructs(frame.update);
        if (declared > limits.maxUpdateStructs) {
          return fail(CLOSE_CODES.updateRefused, REFUSAL_REASONS.updateRefused, `an update declaring ${declared} structs`);
        }
        if (declared > limits.structsPerTurn && state.tokenId !== null && declared > (structBuckets.get(state.tokenId)?.available() ?? Infinity)) {
          return fail(CLOSE_CODES.rateLimited, REFUSAL_REASONS.rateLimited,
            `over ${limits.tokenStructsPerSecond} structs/s (burst ${limits.tokenStructBurst}) for token ${state.tokenId}`);
        }
        // At most two slices are read here, whatever the update's size: a larger update is checked whole
        // (and charged to its token) in slices by the room guard, before any of it is applied.
        let first: Uint8Array;
        let more: boolean;
        try {
          const slices = updateSlices(frame.update, limits.structsPerTurn);
          first = slices.next().value as Uint8Array;
          more = slices.next().done !== true;
        } catch (error) {
          return fail(CLOSE_CODES.malformedMessage, REFUSAL_REASONS.malformedMessage, `undecodable update: ${String(error)}`);
        }
        const verdict = validateUpdate(more ? first : frame.update, {
          limits: { maxStructs: limits.maxUpdateStructs, maxSameOriginSiblings: limits.maxSameOriginSiblings },
        });
        if (!verdict.ok) {
          return verdict.malformed
            ? fail(CLOSE_CODES.malformedMessage, REFUSAL_REASONS.malformedMessage, verdict.reason)
            : fail(CLOSE_CODES.updateRefused, REFUSAL_REASONS.updateRefused, verdict.reason);
        }
        if (!more && !door.chargeStructs(socket, verdict.structs)) {
          return fail(CLOSE_CODES.rateLimited, REFUSAL_REASONS.rateLimited,
            `over ${limits.tokenStructsPerSecond} structs/s (burst ${limits.tokenStructBurst}) for token ${state.tokenId}`);
        }
      }
      return bytes;
    },
    authenticated(socket, tokenId) {
      const state = states.get(socket);
      if (!state || state.tokenId !== null) return;
      leaveUnauthenticated(state);
      state.tokenId = tokenId;
      if (!tokenBuckets.has(tokenId)) tokenBuckets.set(tokenId, createRateBucket(limits.tokenMessagesPerSecond, limits.tokenBurst));
      if (!structBuckets.has(tokenId)) structBuckets.set(tokenId, createRateBucket(limits.tokenStructsPerSecond, limits.tokenStructBurst));
    },
    refuse(socket, code, reason, detail, logged = true) {
      const state = states.get(socket);
      if (state?.refused) return;
      if (state) {
        state.refused = true;
        state.cutTimer = setTimeout(() => socket.terminate(), limits.revocationGraceMs);
        state.cutTimer.unref();
      }
      if (logged) log(logEntry('message-rejected', { reason, detail, closeCode: code }));
      socket.close(code, reason);
      // A socket over a rate is not read any more: the frames it keeps sending stay in the kernel,
      // unparsed, until the grace cuts it. (Other refusals keep reading for the close handshake,
      // so that the app learns the reason at once.)
      if (code === CLOSE_CODES.rateLimited) socket.pause();
    },
    isRefused: (socket) => states.get(socket)?.refused ?? false,
    chargeStructs(socket, structs) {
      const tokenId = states.get(socket)?.tokenId;
      return tokenId === null || tokenId === undefined || (structBuckets.get(tokenId)?.take(structs) ?? true);
    },
    pauseReading(socket, paused) {
      if (states.get(socket)?.refused) return;
      if (paused) socket.pause();
      else socket.resume();
    },
    closed(socket) {
      const state = states.get(socket);
      if (!state) return;
      states.delete(socket);
      if (state.cutTimer) clearTimeout(state.cutTimer);
      leaveUnauthenticated(state);
    },
    unauthenticatedCount: () => unauthenticated,
  };
  return door;
}
