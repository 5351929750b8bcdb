/**
 * Hocuspocus extension that weighs every update against its room before it is applied,
 * and every room before it is loaded (docs/architecture.md §6).
 *
 * The front door (front-door.ts) has already checked each update on its own — decodable,
 * within the project layout, at most so many structs and same-position siblings. Here,
 * with the room's Y.Doc at hand, an update is checked again with keys and parents it
 * inherits from items already in the room, for inserts among too many items already at
 * their position (a storm spread over many small updates), and against the room's budgets: its stored
 * bytes, its structs (what memory really follows) and the structs of all loaded rooms
 * together. Hocuspocus runs this hook for every message of an established connection,
 * including those queued before authentication, so nothing reaches a room unweighed.
 * A refusal closes the sender's socket with a reason and one log line, and throws so
 * Hocuspocus drops the message.
 *
 * Work per turn of the event loop is bounded (`structsPerTurn`): an update is read and
 * checked a slice at a time (shared/model/update-slices.ts), yielding between slices, and
 * one larger than a slice is applied here a slice per turn — only once every slice passed,
 * so a refusal leaves the room untouched — while its socket is not read; Hocuspocus then
 * reads an emptied update and acknowledges the message once.
 *
 * A room is weighed before loading by counting its stored structs (document-store.ts); a
 * room over budget is refused with a log line naming the command to inspect it, never
 * loaded half way — so a too-large room cannot crash the server at every start.
 */
import type {
  Extension,
  WebSocketLike,
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  onLoadDocumentPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { CLOSE_CODES, REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { projectFromRoom } from '#shared/sync/rooms.ts';
import { CONTENT, TYPE_REF, readStructs } from '#shared/model/update-structs.ts';
import type { StructId } from '#shared/model/update-structs.ts';
import { updateSlices } from '#shared/model/update-slices.ts';
import { createUpdateValidator } from '#shared/model/update-validation.ts';
import type { KnownItem } from '#shared/model/update-validation.ts';
import { inspectClientFrame } from './frame-inspector.ts';
import { logEntry } from './server-log.ts';
import { nextTurn } from './sliced-apply.ts';
import type { SyncServerLogger } from './server-log.ts';
import type { ServerLimits } from './server-limits.ts';
import type { RoomStore } from './server-store.ts';

/** What the guard needs from the server. */
export interface RoomGuardOptions {
  readonly limits: ServerLimits;
  readonly store: RoomStore;
  readonly log: SyncServerLogger;
  /** True once the front door stopped reading this socket (refused, revoked). */
  readonly isRefused: (socket: WebSocketLike) => boolean;
  /** Closes a socket for what it sent, with one log line. */
  readonly refuse: (socket: WebSocketLike, code: number, reason: string, detail: string) => void;
  /** Charges `structs` to the socket's token (its struct rate); false when over it. */
  readonly chargeStructs: (socket: WebSocketLike, structs: number) => boolean;
  /** Stops (true) or resumes (false) reading frames from the socket, while a large update is applied. */
  readonly pauseReading: (socket: WebSocketLike, paused: boolean) => void;
  /** Makes a large update durable before the guard applies it in slices (a store that commits before acknowledging: server-store.ts). */
  readonly commitBeforeApply?: (room: string, update: Uint8Array) => Promise<void>;
}

/** The extension plus the memory figures it keeps. */
export interface RoomGuard {
  readonly extension: Extension;
  /** Structs held by all loaded rooms. */
  totalStructs(): number;
}

/** The connection, room and controls an incoming update is weighed and applied with. */
interface UpdateTarget {
  readonly connection: beforeHandleMessagePayload['connection'];
  readonly document: Y.Doc;
  readonly documentName: string;
  readonly stillOpen: () => boolean;
  /** Stops reading the socket until the message is handled. */
  readonly pause: () => void;
}

/** Structs a Y.Doc holds in memory (every client's struct list). */
export function structsInMemory(doc: Y.Doc): number {
  let structs = 0;
  for (const list of doc.store.clients.values()) structs += list.length;
  return structs;
}

function lookupIn(doc: Y.Doc): (id: StructId) => KnownItem | undefined {
  return (id) => {
    const item = itemAt(doc, id);
    if (!item) return undefined;
    const type = item.content instanceof Y.ContentType ? item.content.type : null;
    const typeRef = type instanceof Y.Map ? TYPE_REF.map : type instanceof Y.Text ? TYPE_REF.text : type ? TYPE_REF.array : null;
    return { parentSub: item.parentSub, typeRef };
  };
}

function itemAt(doc: Y.Doc, id: StructId): Y.Item | null {
  const list = doc.store.clients.get(id.client);
  const last = list?.[list.length - 1];
  if (!last || last.id.clock + last.length <= id.clock) return null;
  const item = Y.getItem(doc.store, Y.createID(id.client, id.clock));
  return item instanceof Y.Item ? item : null;
}

const contains = (item: Y.Item, id: StructId | null): boolean =>
  id !== null && item.id.client === id.client && item.id.clock <= id.clock && id.clock < item.id.clock + item.length;

/**
 * The first item of `update` that Yjs would integrate by scanning more than `limit` items
 * already in the room (those between its origin and right origin: concurrent inserts at
 * one position, sent across many updates), or null. Bounded: at most `limit` steps each.
 */
export function crowdedInsert(doc: Y.Doc, update: Uint8Array, limit: number): string | null {
  const result = readStructs(update, 'v1', (header) => {
    if (header.content === CONTENT.gc || header.content === CONTENT.skip) return undefined;
    const { origin, rightOrigin } = header;
    const from = origin ? itemAt(doc, origin) : null;
    const to = rightOrigin ? itemAt(doc, rightOrigin) : null;
    let steps = 0;
    // A right origin not yet in the room (in this update, or missing) leaves the scan's end unknown: not judged.
    if (rightOrigin && !to) return undefined;
    if (from) {
      for (let item = from.right; item && !contains(item, rightOrigin); item = item.right) if (++steps > limit) break;
    } else if (to && origin === null) {
      for (let item = to.left; item; item = item.left) if (++steps > limit) break;
    }
    return steps > limit ? `an insert among more than ${limit} items at one position` : undefined;
  });
  return 'stopped' in result ? result.stopped : null;
}

/** Creates the guard extension. */
export function createRoomGuard(options: RoomGuardOptions): RoomGuard {
  const { limits, store, log } = options;
  const roomStructs = new Map<string, number>();
  let total = 0;
  const setRoom = (room: string, structs: number) => {
    total += structs - (roomStructs.get(room) ?? 0);
    roomStructs.set(room, structs);
  };

  const refuse = (socket: WebSocketLike, code: number, reason: string, detail: string): never => {
    options.refuse(socket, code, reason, detail);
    throw { code, reason };
  };

  /**
   * Reads, checks (layout, bounds, crowded positions, with the room's items at hand) and
   * cuts `update` into slices of `structsPerTurn` structs, yielding between slices;
   * refuses (throws) at the first problem. Nothing is applied here.
   */
  const checkInSlices = async (update: Uint8Array, document: Y.Doc, socket: WebSocketLike, stillOpen: () => boolean, pause: () => void) => {
    const validator = createUpdateValidator({
      limits: { maxStructs: limits.maxUpdateStructs, maxSameOriginSiblings: limits.maxSameOriginSiblings },
      lookup: lookupIn(document),
    });
    const parts: Uint8Array[] = [];
    let structs = 0;
    const reader = updateSlices(update, limits.structsPerTurn);
    for (;;) {
      if (parts.length > 0) {
        pause();
        await nextTurn();
        if (!stillOpen()) throw { reason: REFUSAL_REASONS.tokenRevoked };
      }
      let next: IteratorResult<Uint8Array, void>;
      try {
        next = reader.next();
      } catch (error) {
        return refuse(socket, CLOSE_CODES.malformedMessage, REFUSAL_REASONS.malformedMessage, `undecodable update: ${String(error)}`);
      }
      if (next.done) break;
      const verdict = validator.check(next.value);
      if (!verdict.ok) {
        refuse(socket, verdict.malformed ? CLOSE_CODES.malformedMessage : CLOSE_CODES.updateRefused,
          verdict.malformed ? REFUSAL_REASONS.malformedMessage : REFUSAL_REASONS.updateRefused, verdict.reason);
      } else {
        structs = verdict.structs;
      }
      const crowded = crowdedInsert(document, next.value, limits.maxSameOriginSiblings);
      if (crowded) refuse(socket, CLOSE_CODES.updateRefused, REFUSAL_REASONS.updateRefused, crowded);
      parts.push(next.value);
    }
    return { parts, structs };
  };

  /**
   * Weighs an update against its room and budgets (refusing, with a throw, what does not
   * fit) and, when it is larger than one slice, charges it to its token and applies it a
   * slice per turn; smaller updates are left to Hocuspocus to apply.
   */
  const weighAndApply = async (update: Uint8Array, target: UpdateTarget): Promise<void> => {
    const { connection, document, documentName, stillOpen, pause } = target;
    const socket = connection.webSocket;
    const slices = await checkInSlices(update, document, socket, stillOpen, pause);
    const structs = slices.structs;
    const projectedBytes = (await store.storedBytes(documentName)) + update.byteLength;
    if (projectedBytes > limits.maxDocumentBytes) {
      refuse(socket, CLOSE_CODES.documentTooLarge, REFUSAL_REASONS.documentTooLarge,
        `${documentName} would grow to ${projectedBytes} bytes (limit ${limits.maxDocumentBytes})`);
    }
    const inRoom = roomStructs.get(documentName) ?? structsInMemory(document);
    if (inRoom + structs > limits.maxRoomStructs) {
      refuse(socket, CLOSE_CODES.documentTooLarge, REFUSAL_REASONS.documentTooLarge,
        `${documentName} would hold ${inRoom + structs} structs (limit ${limits.maxRoomStructs})`);
    }
    if (total + structs > limits.maxTotalStructs) {
      refuse(socket, CLOSE_CODES.serverFull, REFUSAL_REASONS.serverFull,
        `loaded rooms would hold ${total + structs} structs (limit ${limits.maxTotalStructs})`);
    }
    if (slices.parts.length === 1) return;
    // A large update: its structs are charged to the token here (the front door read only its first slice),
    // reserved in the budgets so that other connections' updates see them, and applied a slice per turn.
    if (!options.chargeStructs(socket, structs)) {
      refuse(socket, CLOSE_CODES.rateLimited, REFUSAL_REASONS.rateLimited,
        `over ${limits.tokenStructsPerSecond} structs/s (burst ${limits.tokenStructBurst}) for its token`);
    }
    await options.commitBeforeApply?.(documentName, update).catch((error: unknown) => {
      log(logEntry('store-failed', { room: documentName, error: String(error) }));
      refuse(socket, CLOSE_CODES.storeUnavailable, REFUSAL_REASONS.storeUnavailable, String(error));
    });
    setRoom(documentName, inRoom + structs);
    const origin = { source: 'connection', connection };
    try {
      for (const [index, part] of slices.parts.entries()) {
        if (index > 0) await nextTurn();
        if (!stillOpen()) throw { reason: REFUSAL_REASONS.tokenRevoked };
        Y.applyUpdate(document, part, origin);
      }
    } finally {
      setRoom(documentName, structsInMemory(document));
    }
    // Applied: what Hocuspocus goes on to read is an empty update (0 clients, 0 deletions — the bytes
    // zeroed in place), so it acknowledges the message as usual without applying it a second time.
    update.fill(0);
  };

  const extension: Extension = {
    extensionName: 'marginalia-room-guard',
    priority: 1000,
    async onLoadDocument({ documentName }: onLoadDocumentPayload) {
      const room = documentName;
      const room_budget = Math.min(limits.maxRoomStructs, limits.maxTotalStructs - total);
      const bytes = await store.storedBytes(room);
      const structs = bytes > limits.maxDocumentBytes ? Infinity : await store.countStructs(room, room_budget);
      if (structs > room_budget) {
        const overRoom = structs > limits.maxRoomStructs;
        const projectId = projectFromRoom(room) ?? room;
        log(
          logEntry('room-refused', {
            room,
            bytes,
            structs: Number.isFinite(structs) ? structs : null,
            limit: overRoom ? 'room' : 'total',
            maxRoomStructs: limits.maxRoomStructs,
            maxTotalStructs: limits.maxTotalStructs,
            loadedStructs: total,
            inspect: `npm run server -- room inspect --project ${projectId}`,
          }),
        );
        throw { reason: overRoom ? REFUSAL_REASONS.documentTooLarge : REFUSAL_REASONS.serverFull };
      }
      setRoom(room, structs);
    },
    async afterLoadDocument({ document, documentName }) {
      setRoom(documentName, structsInMemory(document));
    },
    async beforeHandleMessage({ connection, document, documentName, update: message }: beforeHandleMessagePayload) {
      const socket = connection.webSocket;
      const stillOpen = () => !options.isRefused(socket);
      if (!stillOpen()) throw { reason: REFUSAL_REASONS.tokenRevoked };
      const frame = inspectClientFrame(message);
      if (!frame.ok || !frame.update) return;
      // While a large update is checked and applied (over several turns), its socket is not read,
      // so no frames queue up behind it.
      let paused = false;
      const pause = () => {
        if (paused) return;
        paused = true;
        options.pauseReading(socket, true);
      };
      try {
        await weighAndApply(frame.update, { connection, document, documentName, stillOpen, pause });
      } finally {
        if (paused) options.pauseReading(socket, false);
      }
    },
    async afterHandleMessage({ document, documentName }) {
      if (roomStructs.has(documentName)) setRoom(documentName, structsInMemory(document));
    },
    async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload) {
      total -= roomStructs.get(documentName) ?? 0;
      roomStructs.delete(documentName);
    },
  };
  return { extension, totalStructs: () => total };
}
