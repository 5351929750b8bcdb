/**
 * A streaming reader of Yjs updates that reports what each struct is without building it.
 *
 * `Y.decodeUpdate` allocates an `Item` (and its content) for every struct, and Yjs's own
 * reader sizes an array from the struct count the update declares — so merely looking at
 * a hostile update can cost as much memory as applying it. This reader walks the same
 * encoding (V1, as y-protocols and project files carry it, or V2) one struct at a time,
 * hands the caller a small header (id, origins, explicit parent, map key, content kind),
 * skips the content's bytes, and lets the caller stop at the first struct it refuses.
 * The field order mirrors yjs's `readClientsStructRefs` and `readItemContent`.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';

/** Content kinds of a Yjs item (yjs's content reference numbers). */
export const CONTENT = {
  gc: 0,
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  type: 7,
  any: 8,
  doc: 9,
  skip: 10,
} as const;

/** Shared type kinds (yjs's type reference numbers) carried by `CONTENT.type`. */
export const TYPE_REF = { array: 0, map: 1, text: 2, xmlElement: 3, xmlFragment: 4, xmlHook: 5, xmlText: 6 } as const;

/** A struct id: the writing client and its clock. */
export interface StructId {
  readonly client: number;
  readonly clock: number;
}

/** What the reader tells about one struct. Content is skipped, not kept. */
export interface StructHeader {
  readonly id: StructId;
  /** One of `CONTENT`. */
  readonly content: number;
  /** Clock units the struct spans (characters of a string, values of an `any`). */
  readonly length: number;
  /** The item this one was inserted after, if any. */
  readonly origin: StructId | null;
  /** The item this one was inserted before, if any. */
  readonly rightOrigin: StructId | null;
  /** Explicit parent: a root type's name, an item id, or null when inherited from an origin. */
  readonly parent: string | StructId | null;
  /** Explicit map key, or null (a sequence element, or a key inherited from an origin). */
  readonly parentSub: string | null;
  /** For `CONTENT.type`: one of `TYPE_REF`. */
  readonly typeRef: number | null;
}

/** What the whole update held, once every struct was read. */
export interface UpdateSummary {
  readonly structs: number;
  readonly deleteRanges: number;
}

/** The two update decoders of yjs. */
export type Decoder = Y.UpdateDecoderV1 | Y.UpdateDecoderV2;

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const BITS5 = 31;

/**
 * Reads `update` struct by struct, calling `visit` with each header; `visit` returns a
 * reason to stop (then `readStructs` returns it) or undefined to go on. `beforeClient` is
 * told each client's declared struct count first, so a caller can refuse an absurd count
 * before reading on. Throws on malformed bytes (truncated, unknown content kind).
 */
export function readStructs(
  update: Uint8Array,
  format: 'v1' | 'v2',
  visit: (header: StructHeader) => string | undefined,
  beforeClient: (declaredStructs: number) => string | undefined = () => undefined,
): UpdateSummary | { readonly stopped: string } {
  const inner = decoding.createDecoder(update);
  const decoder: Decoder = format === 'v1' ? new Y.UpdateDecoderV1(inner) : new Y.UpdateDecoderV2(inner);
  let structs = 0;
  const clients = decoding.readVarUint(decoder.restDecoder);
  for (let clientIndex = 0; clientIndex < clients; clientIndex++) {
    const count = decoding.readVarUint(decoder.restDecoder);
    const refused = beforeClient(count);
    if (refused !== undefined) return { stopped: refused };
    const client = decoder.readClient();
    let clock = decoding.readVarUint(decoder.restDecoder);
    for (let index = 0; index < count; index++) {
      const header = readStructHeader(decoder, client, clock);
      clock += header.length;
      structs++;
      const stop = visit(header);
      if (stop !== undefined) return { stopped: stop };
    }
  }
  let deleteRanges = 0;
  const deleteClients = decoding.readVarUint(decoder.restDecoder);
  for (let clientIndex = 0; clientIndex < deleteClients; clientIndex++) {
    decoder.resetDsCurVal();
    decoding.readVarUint(decoder.restDecoder);
    const ranges = decoding.readVarUint(decoder.restDecoder);
    const refused = beforeClient(ranges);
    if (refused !== undefined) return { stopped: refused };
    for (let index = 0; index < ranges; index++) {
      decoder.readDsClock();
      decoder.readDsLen();
    }
    deleteRanges += ranges;
  }
  return { structs, deleteRanges };
}

/**
 * Reads one struct's header at the decoder's position (struct `clock` of `client`) and
 * skips its content; the decoder is left at the next struct. Throws on malformed bytes.
 */
export function readStructHeader(decoder: Decoder, client: number, clock: number): StructHeader {
  const id = { client, clock };
  const info = decoder.readInfo();
  const content = info & BITS5;
  if (content === CONTENT.gc) return plain(id, content, decoder.readLen());
  if (content === CONTENT.skip) return plain(id, content, decoding.readVarUint(decoder.restDecoder));
  const origin = (info & BIT8) === BIT8 ? decoder.readLeftID() : null;
  const rightOrigin = (info & BIT7) === BIT7 ? decoder.readRightID() : null;
  const explicitParent = (info & (BIT7 | BIT8)) === 0;
  let parent: string | StructId | null = null;
  if (explicitParent) parent = decoder.readParentInfo() ? decoder.readString() : decoder.readLeftID();
  const parentSub = explicitParent && (info & BIT6) === BIT6 ? decoder.readString() : null;
  const { length, typeRef } = skipContent(decoder, content);
  return { id, content, length, origin, rightOrigin, parent, parentSub, typeRef };
}

function plain(id: StructId, content: number, length: number): StructHeader {
  return { id, content, length, origin: null, rightOrigin: null, parent: null, parentSub: null, typeRef: null };
}

function skipContent(decoder: Decoder, content: number): { length: number; typeRef: number | null } {
  switch (content) {
    case CONTENT.deleted:
      return { length: decoder.readLen(), typeRef: null };
    case CONTENT.json: {
      const length = decoder.readLen();
      for (let index = 0; index < length; index++) decoder.readString();
      return { length, typeRef: null };
    }
    case CONTENT.binary:
      decoder.readBuf();
      return { length: 1, typeRef: null };
    case CONTENT.string:
      return { length: decoder.readString().length, typeRef: null };
    case CONTENT.embed:
      decoder.readJSON();
      return { length: 1, typeRef: null };
    case CONTENT.format:
      decoder.readKey();
      decoder.readJSON();
      return { length: 1, typeRef: null };
    case CONTENT.type: {
      const typeRef = decoder.readTypeRef();
      if (typeRef === TYPE_REF.xmlElement || typeRef === TYPE_REF.xmlHook) decoder.readKey();
      else if (typeRef > TYPE_REF.xmlText) throw new Error(`unknown shared type ${typeRef}`);
      return { length: 1, typeRef };
    }
    case CONTENT.any: {
      const length = decoder.readLen();
      for (let index = 0; index < length; index++) decoder.readAny();
      return { length, typeRef: null };
    }
    case CONTENT.doc:
      decoder.readString();
      decoder.readAny();
      return { length: 1, typeRef: null };
    default:
      throw new Error(`unknown content kind ${content}`);
  }
}
