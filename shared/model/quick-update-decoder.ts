/**
 * Applying a Yjs update (V1) with a reader tuned for a project's many short strings: the
 * same format, the same doc afterwards and the same errors for a truncated update as
 * `Y.applyUpdate`, whose decoder it extends (`Y.UpdateDecoderV1`).
 *
 * A 10k-highlight project decodes ~180,000 strings — every map key, every id, every field of
 * every anchor. lib0 reads each through `TextDecoder.decode` on a fresh `Uint8Array` view,
 * ~0.25 µs a call in Chromium, which was ~75 ms of a ~300 ms local load. Here a string of
 * plain ASCII up to `SHORT_STRING_BYTES` long is built from its bytes directly (~3× faster),
 * and anything else is read by lib0 itself. Values (Yjs's
 * `ContentAny`: an anchor record, a time, a trash marker) are read with the same reader, and
 * float64s through one `DataView` over the update instead of one per number. Everything
 * else — the structure of the update and how it is integrated — stays Yjs's.
 *
 * It also keeps the loaded doc small: one copy of each repeated short string (ids and keys
 * read thousands of times), and arrays sized to their values (Yjs's own reader grows each
 * map entry's value array to room for 17) — 3.8 → 2.9 KB per highlight in the 10k project,
 * and, with fewer strings built, a quicker load.
 *
 * docs/architecture.md §8 (the local load).
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';

/** Strings up to this many bytes are read byte by byte when they are ASCII. */
const SHORT_STRING_BYTES = 64;

/** Arrays longer than this are grown as they are read (a corrupt length must not allocate). */
const MAX_PRESIZED_ARRAY = 1024;

/** ASCII strings from 1 to this many bytes are shared (ids, keys, short values). */
const SHARED_STRING_BYTES = 32;

/** Slots of {@link shared} (a power of two). */
const SHARED_SLOTS = 4096;

/**
 * The short strings read last, by their length and three of their bytes: one copy of a
 * string read again and again — a member id in every anchor, note and trash record, a
 * document id and hash in every anchor, a tag id as the key of every coding — instead of
 * one per read (the 10k project held ~25,000 copies of a few dozen strings, ~250 B per
 * highlight), found by comparing its bytes, so no string is built for it. A unique id only
 * takes a slot over; the repeated ones come back into theirs. At most {@link SHARED_SLOTS}
 * short strings stay here between loads.
 */
const shared: string[] = new Array<string>(SHARED_SLOTS).fill('');

/** The slot of {@link shared} for the `length` bytes at `start` (1 ≤ length). */
function slotOf(arr: Uint8Array, start: number, length: number): number {
  const first = arr[start] as number;
  const middle = arr[start + (length >> 1)] as number;
  const last = arr[start + length - 1] as number;
  return (((first * 31 + middle) * 31 + last) * 31 + length) & (SHARED_SLOTS - 1);
}

/** Whether `known` is the string of the `length` bytes at `start` (it is ASCII, so one byte a character). */
function isBytes(known: string, arr: Uint8Array, start: number, length: number): boolean {
  if (known.length !== length) return false;
  for (let index = 0; index < length; index += 1) if (known.charCodeAt(index) !== arr[start + index]) return false;
  return true;
}

/** Char codes of the short string being read (reused: no array per string). */
const codes: number[] = [];

/**
 * A length-prefixed UTF-8 string, as lib0's `readVarString` reads it: a short ASCII one
 * here (a shared copy when there is one), anything else (longer, not ASCII, cut off) by
 * lib0 itself from the same place.
 */
function readString(decoder: decoding.Decoder): string {
  const at = decoder.pos;
  const length = decoding.readVarUint(decoder);
  const { arr } = decoder;
  const start = decoder.pos;
  if (length > 0 && length <= SHORT_STRING_BYTES && start + length <= arr.length) {
    const slot = length <= SHARED_STRING_BYTES ? slotOf(arr, start, length) : -1;
    if (slot >= 0 && isBytes(shared[slot] as string, arr, start, length)) {
      decoder.pos = start + length;
      return shared[slot] as string;
    }
    codes.length = length;
    let ascii = true;
    for (let index = 0; index < length; index += 1) {
      const byte = arr[start + index] as number;
      if (byte >= 0x80) {
        ascii = false;
        break;
      }
      codes[index] = byte;
    }
    if (ascii) {
      decoder.pos = start + length;
      const value = String.fromCharCode.apply(null, codes);
      if (slot >= 0) shared[slot] = value;
      return value;
    }
  }
  decoder.pos = at;
  return decoding.readVarString(decoder);
}

/** The value types of lib0's `writeAny`, by their tag byte. */
const Tag = {
  Undefined: 127,
  Null: 126,
  Integer: 125,
  Float32: 124,
  Float64: 123,
  BigInt: 122,
  False: 121,
  True: 120,
  String: 119,
  Object: 118,
  Array: 117,
  Bytes: 116,
} as const;

/**
 * A value written by lib0's `writeAny`, as its `readAny` reads it; a tag it does not know, or
 * a float64 cut off, is left to lib0's own reader (and its error).
 */
function readAny(decoder: decoding.Decoder, view: () => DataView): unknown {
  const at = decoder.pos;
  const tag = decoder.arr[at];
  decoder.pos = at + 1;
  switch (tag) {
    case Tag.Undefined:
      return undefined;
    case Tag.Null:
      return null;
    case Tag.Integer:
      return decoding.readVarInt(decoder);
    case Tag.Float32:
      return decoding.readFloat32(decoder);
    case Tag.Float64:
      if (decoder.pos + 8 <= decoder.arr.length) {
        const value = view().getFloat64(decoder.pos, false);
        decoder.pos += 8;
        return value;
      }
      break;
    case Tag.BigInt:
      return decoding.readBigInt64(decoder);
    case Tag.False:
      return false;
    case Tag.True:
      return true;
    case Tag.String:
      return readString(decoder);
    case Tag.Object: {
      const length = decoding.readVarUint(decoder);
      const object: Record<string, unknown> = {};
      for (let index = 0; index < length; index += 1) {
        const key = readString(decoder);
        object[key] = readAny(decoder, view);
      }
      return object;
    }
    case Tag.Array: {
      const length = decoding.readVarUint(decoder);
      // Sized up front: an array grown by `push` from empty keeps room for 17 elements.
      const array: unknown[] = new Array(Math.min(length, MAX_PRESIZED_ARRAY));
      for (let index = 0; index < length; index += 1) array[index] = readAny(decoder, view);
      return array;
    }
    case Tag.Bytes:
      return decoding.readVarUint8Array(decoder);
    default:
      break;
  }
  decoder.pos = at;
  return decoding.readAny(decoder);
}

/** Yjs's V1 update decoder with the string and value readers above. */
class QuickUpdateDecoderV1 extends Y.UpdateDecoderV1 {
  private dataView: DataView | null = null;
  private readonly view = (): DataView => {
    const arr = this.restDecoder.arr;
    return (this.dataView ??= new DataView(arr.buffer, arr.byteOffset, arr.byteLength));
  };

  override readString(): string {
    return readString(this.restDecoder);
  }

  override readKey(): string {
    return readString(this.restDecoder);
  }

  override readAny(): unknown {
    return readAny(this.restDecoder, this.view);
  }
}

/**
 * `Y.applyUpdate(doc, update, origin)` with the quicker reader: the doc ends the same.
 *
 * @example applyUpdateQuickly(doc, storedUpdate, loadOrigin)
 */
export function applyUpdateQuickly(doc: Y.Doc, update: Uint8Array, origin?: unknown): void {
  const before = structCounts(doc);
  Y.applyUpdateV2(doc, update, origin, QuickUpdateDecoderV1);
  trimNewValues(doc, before);
}

/** How many structs each client has in `doc`'s store. */
function structCounts(doc: Y.Doc): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [client, structs] of doc.store.clients) counts.set(client, structs.length);
  return counts;
}

/** Values longer than this are left as Yjs read them (a map entry's value is one). */
const TRIMMED_VALUES = 8;

/**
 * Gives each value Yjs read into a new item (`ContentAny`) an array of its own size. Yjs
 * grows it by `push` from empty, which keeps room for 17 values: a map entry, which holds
 * one, used ~150 bytes for it instead of ~24 (~400 B per highlight in the 10k project).
 * Items integrated since `before` are at the end of each client's structs; an earlier item
 * split meanwhile may be looked at too, which is harmless.
 */
function trimNewValues(doc: Y.Doc, before: ReadonlyMap<number, number>): void {
  for (const [client, structs] of doc.store.clients) {
    for (let index = before.get(client) ?? 0; index < structs.length; index += 1) {
      const struct = structs[index];
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
      const values = struct.content.arr;
      if (values.length <= TRIMMED_VALUES) struct.content.arr = values.slice();
    }
  }
}
