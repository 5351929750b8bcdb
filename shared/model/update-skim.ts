/**
 * The cheapest look at a struct of a V1 Yjs update: where it ends, how many clock units it
 * spans and which other clients' structs it needs (origin, right origin, explicit parent
 * item) — without decoding any content. update-structs.ts tells more (map keys, root
 * names, content kinds) but decodes every string and value on the way; planning the
 * causal slices of a large update (causal-slices.ts) needs only this, and skipping bytes
 * costs a fraction of decoding them. The field order mirrors yjs's `readClientsStructRefs`
 * and `readItemContent` for the V1 encoding; lib0's `any` encoding is skipped by its type
 * tags. Throws on malformed bytes (truncated, unknown content kind or value tag).
 */
import * as decoding from 'lib0/decoding';

const BIT6 = 32;
const BIT7 = 64;
const BIT8 = 128;
const BITS5 = 31;

function skip(decoder: decoding.Decoder, bytes: number): void {
  const end = decoder.pos + bytes;
  if (end > decoder.arr.length) throw new Error('unexpected end of update');
  decoder.pos = end;
}

/** Skips a length-prefixed byte run (a string or a buffer). */
function skipVarBytes(decoder: decoding.Decoder): void {
  skip(decoder, decoding.readVarUint(decoder));
}

/**
 * UTF-16 length of a length-prefixed UTF-8 string: counted from the bytes when they are
 * all ASCII, else decoded exactly as yjs decodes it (so malformed text counts the same).
 */
function utf16Length(decoder: decoding.Decoder): number {
  const start = decoder.pos;
  const bytes = decoding.readVarUint(decoder);
  const from = decoder.pos;
  skip(decoder, bytes);
  const arr = decoder.arr;
  for (let at = from; at < from + bytes; at++) {
    if ((arr[at] as number) >= 0x80) {
      decoder.pos = start;
      return decoding.readVarString(decoder).length;
    }
  }
  return bytes;
}

/** Skips one lib0 `any` value. */
function skipAny(decoder: decoding.Decoder): void {
  const tag = decoding.readUint8(decoder);
  switch (tag) {
    case 127: case 126: case 121: case 120:
      return;
    case 125:
      decoding.readVarInt(decoder);
      return;
    case 124:
      skip(decoder, 4);
      return;
    case 123: case 122:
      skip(decoder, 8);
      return;
    case 119: case 116:
      skipVarBytes(decoder);
      return;
    case 118: {
      const entries = decoding.readVarUint(decoder);
      for (let index = 0; index < entries; index++) {
        skipVarBytes(decoder);
        skipAny(decoder);
      }
      return;
    }
    case 117: {
      const items = decoding.readVarUint(decoder);
      for (let index = 0; index < items; index++) skipAny(decoder);
      return;
    }
    default:
      throw new Error(`unknown value tag ${tag}`);
  }
}

function pushDependency(decoder: decoding.Decoder, client: number, deps: number[]): void {
  const other = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  if (other !== client) deps.push(other, clock);
}

function skipContent(decoder: decoding.Decoder, content: number): number {
  switch (content) {
    case 1:
      return decoding.readVarUint(decoder);
    case 2: {
      const length = decoding.readVarUint(decoder);
      for (let index = 0; index < length; index++) skipVarBytes(decoder);
      return length;
    }
    case 3: case 5:
      skipVarBytes(decoder);
      return 1;
    case 4:
      return utf16Length(decoder);
    case 6:
      skipVarBytes(decoder);
      skipVarBytes(decoder);
      return 1;
    case 7: {
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef === 3 || typeRef === 5) skipVarBytes(decoder);
      else if (typeRef > 6) throw new Error(`unknown shared type ${typeRef}`);
      return 1;
    }
    case 8: {
      const length = decoding.readVarUint(decoder);
      for (let index = 0; index < length; index++) skipAny(decoder);
      return length;
    }
    case 9:
      skipVarBytes(decoder);
      skipAny(decoder);
      return 1;
    default:
      throw new Error(`unknown content kind ${content}`);
  }
}

/**
 * Skims the struct of `client` at the decoder's position (V1 encoding), appending the
 * [client, clock] pairs of other clients' structs it needs to `deps`; returns its length
 * in clock units. The decoder is left at the next struct.
 */
export function skimStructV1(decoder: decoding.Decoder, client: number, deps: number[]): number {
  const info = decoding.readUint8(decoder);
  const content = info & BITS5;
  // GC and Skip: a length, nothing needed.
  if (content === 0 || content === 10) return decoding.readVarUint(decoder);
  if ((info & BIT8) === BIT8) pushDependency(decoder, client, deps);
  if ((info & BIT7) === BIT7) pushDependency(decoder, client, deps);
  if ((info & (BIT7 | BIT8)) === 0) {
    if (decoding.readVarUint(decoder) === 1) skipVarBytes(decoder);
    else pushDependency(decoder, client, deps);
    if ((info & BIT6) === BIT6) skipVarBytes(decoder);
  }
  return skipContent(decoder, content);
}
