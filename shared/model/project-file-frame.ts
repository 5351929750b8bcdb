/**
 * The project file format: a small header around one Yjs update.
 *
 * ```
 * offset size  field
 * 0      4     magic "MGPF"
 * 4      1     format version (1)
 * 5      3     reserved, zero
 * 8      4     update length n (uint32, little endian)
 * 12     n     Y.encodeStateAsUpdate(doc)
 * 12+n   4     CRC-32 of the update (uint32, little endian)
 * ```
 *
 * This module only frames and unframes bytes; what the update holds is checked by
 * project-file-check.ts, and merging is project-merge.ts.
 */
import * as Y from 'yjs';

/** Magic bytes opening every project file. */
export const PROJECT_FILE_MAGIC = Uint8Array.of(0x4d, 0x47, 0x50, 0x46);
/** Current project file format version. */
export const PROJECT_FILE_VERSION = 1;
/** Largest project file accepted by default (bytes). */
export const PROJECT_FILE_MAX_BYTES = 128 * 1024 * 1024;

const HEADER_BYTES = 12;
const TRAILER_BYTES = 4;

let crcTable: Uint32Array | undefined;
/** CRC-32 (IEEE 802.3 polynomial) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Serialises the whole project doc as a project file. */
export function encodeProjectFile(doc: Y.Doc): Uint8Array {
  const update = Y.encodeStateAsUpdate(doc);
  const out = new Uint8Array(HEADER_BYTES + update.length + TRAILER_BYTES);
  const view = new DataView(out.buffer);
  out.set(PROJECT_FILE_MAGIC, 0);
  out[4] = PROJECT_FILE_VERSION;
  view.setUint32(8, update.length, true);
  out.set(update, HEADER_BYTES);
  view.setUint32(HEADER_BYTES + update.length, crc32(update), true);
  return out;
}

/** Checks the framing of a project file and returns its Yjs update, or an error message. */
export function readProjectFile(bytes: Uint8Array, maxBytes = PROJECT_FILE_MAX_BYTES): { update: Uint8Array } | { error: string } {
  if (bytes.length > maxBytes) return { error: `the file is too large (${bytes.length} bytes, limit ${maxBytes})` };
  if (bytes.length < HEADER_BYTES + TRAILER_BYTES || PROJECT_FILE_MAGIC.some((b, i) => bytes[i] !== b)) {
    return { error: 'not a Marginalia project file' };
  }
  if (bytes[4] !== PROJECT_FILE_VERSION) {
    return { error: `unsupported project file version ${bytes[4]} (this app reads version ${PROJECT_FILE_VERSION})` };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(8, true);
  if (HEADER_BYTES + length + TRAILER_BYTES !== bytes.length) return { error: 'the project file is truncated or has trailing data' };
  const update = bytes.subarray(HEADER_BYTES, HEADER_BYTES + length);
  if (view.getUint32(HEADER_BYTES + length, true) !== crc32(update)) return { error: 'the project file is damaged (checksum mismatch)' };
  return { update };
}
