/**
 * Front-door check of every websocket frame before Hocuspocus sees it.
 *
 * Hocuspocus copes with bad input by closing a document connection and printing a stack
 * trace, and only after some work has been done. This module decodes the envelope of a
 * client frame completely — room address, message type, and the payload of each kind
 * the provider sends (sync step 1/2 and updates, awareness, auth, query-awareness,
 * stateless, close) — so the server can close the offending socket with one logged
 * reason and leave everything else untouched. State vectors are decoded with Yjs's
 * decoder, which throws on truncated or garbled bytes; an update's payload is handed
 * back undecoded, for `validateUpdate` (shared/model/update-validation.ts), which reads it
 * struct by struct against the layout and the limits before anything applies it.
 *
 * Message numbering follows @hocuspocus/server's `MessageType` and y-protocols' sync
 * sub-types; server-internal kinds (BroadcastStateless) are refused from clients.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Message kinds a client may send (values of Hocuspocus's MessageType). */
const CLIENT_MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  close: 7,
} as const;

/** y-protocols sync sub-types. */
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Longest room address accepted (a project room is 30 characters; session ids add ~12). */
const MAX_ADDRESS_LENGTH = 256;

/** What a well-formed frame is. */
export interface InspectedFrame {
  readonly ok: true;
  /** The room the frame is addressed to (session suffix removed). */
  readonly room: string;
  /** The Yjs update carried (sync step 2 or update), not yet decoded; null for other kinds. */
  readonly update: Uint8Array | null;
}

/** Why a frame was refused. */
export interface RejectedFrame {
  readonly ok: false;
  /** Human-readable detail, for the log. */
  readonly detail: string;
}

/** Decodes the envelope and payload of a client frame; never throws. */
export function inspectClientFrame(frame: Uint8Array): InspectedFrame | RejectedFrame {
  try {
    const decoder = decoding.createDecoder(frame);
    const address = decoding.readVarString(decoder);
    if (address.length === 0 || address.length > MAX_ADDRESS_LENGTH) {
      return { ok: false, detail: `room address of length ${address.length}` };
    }
    const separator = address.indexOf('\0');
    const room = separator === -1 ? address : address.slice(0, separator);
    const type = decoding.readVarUint(decoder);
    let update: Uint8Array | null = null;
    switch (type) {
      case CLIENT_MESSAGE.sync:
      case CLIENT_MESSAGE.syncReply: {
        const syncType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (syncType === SYNC_STEP_1) {
          Y.decodeStateVector(payload);
        } else if (syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE) {
          update = payload;
        } else {
          return { ok: false, detail: `unknown sync message type ${syncType}` };
        }
        break;
      }
      case CLIENT_MESSAGE.awareness:
        checkAwarenessUpdate(decoding.readVarUint8Array(decoder));
        break;
      case CLIENT_MESSAGE.auth:
        decoding.readVarUint(decoder);
        decoding.readVarString(decoder);
        break;
      case CLIENT_MESSAGE.stateless:
        decoding.readVarString(decoder);
        break;
      case CLIENT_MESSAGE.queryAwareness:
      case CLIENT_MESSAGE.close:
        break;
      default:
        return { ok: false, detail: `message type ${type} is not accepted from clients` };
    }
    return { ok: true, room, update };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Throws unless `update` is a well-formed y-protocols awareness update with JSON states. */
function checkAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let index = 0; index < count; index++) {
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    JSON.parse(decoding.readVarString(decoder));
  }
}
