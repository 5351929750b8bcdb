/**
 * The project file format: a small header around one Yjs update and, from version 2, the
 * texts of the project's added documents.
 *
 * ```
 * offset   size  field
 * 0        4     magic "MGPF"
 * 4        1     format version (1 or 2)
 * 5        3     reserved, zero
 * 8        4     update length n (uint32, little endian)
 * 12       n     Y.encodeStateAsUpdate(doc)
 * 12+n     4     CRC-32 of the update (uint32, little endian)
 * -- version 2 only --
 * 16+n     4     documents section length m
 * 20+n     m     documents section: count (uint32), then per document
 *                  id length k (uint8), k bytes of id (ASCII),
 *                  text length t (uint32), t bytes of the article file (UTF-8)
 * 20+n+m   4     CRC-32 of the documents section
 * ```
 *
 * Version 1 is exactly the first part, so a version-2 file is a version-1 frame with a
 * documents section behind it. A project without added documents is written as version 1,
 * which every Marginalia reads. All integers are little endian.
 *
 * This module only frames and unframes bytes (lengths, checksums, sizes, well-formed ids);
 * whether each text is the document it claims to be is checked by project-file-texts.ts,
 * what the update holds by project-file-check.ts, and merging is project-merge.ts.
 */
import { decodeUtf8, encodeUtf8 } from 'lib0/string';
import { isDocumentId } from '#shared/documents/manifest.ts';

/** Magic bytes opening every project file. */
export const PROJECT_FILE_MAGIC = Uint8Array.of(0x4d, 0x47, 0x50, 0x46);
/** Current project file format version (files without added documents are written as version 1). */
export const PROJECT_FILE_VERSION = 2;
/** Largest project file accepted by default (bytes). */
export const PROJECT_FILE_MAX_BYTES = 128 * 1024 * 1024;
/** Largest text of one added document a project file may carry (bytes of its article file). */
export const DOCUMENT_TEXT_MAX_BYTES = 20 * 1024 * 1024;

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

/** One added document's text as a file carries it: its id and its article file. */
export type DocumentTextEntry = readonly [id: string, text: string];

function encodeDocumentsSection(documents: readonly DocumentTextEntry[]): Uint8Array {
  const parts = documents.map(([id, text]) => [encodeUtf8(id), encodeUtf8(text)] as const);
  const size = 4 + parts.reduce((sum, [id, text]) => sum + 1 + id.length + 4 + text.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, parts.length, true);
  let at = 4;
  for (const [id, text] of parts) {
    if (id.length > 255) throw new Error(`document id "${decodeUtf8(id)}" is too long`);
    if (text.length > DOCUMENT_TEXT_MAX_BYTES) {
      throw new Error(`the text of ${decodeUtf8(id)} is too large for a project file (${text.length} bytes, limit ${DOCUMENT_TEXT_MAX_BYTES})`);
    }
    out[at] = id.length;
    out.set(id, at + 1);
    at += 1 + id.length;
    view.setUint32(at, text.length, true);
    out.set(text, at + 4);
    at += 4 + text.length;
  }
  return out;
}

/**
 * Frames a Yjs update and the texts of added documents as a project file: version 1 when
 * `documents` is empty, else version 2. Checks nothing about the texts (see project-file-texts.ts).
 */
export function encodeProjectFrame(update: Uint8Array, documents: readonly DocumentTextEntry[] = []): Uint8Array {
  const section = documents.length > 0 ? encodeDocumentsSection(documents) : undefined;
  const sectionBytes = section === undefined ? 0 : 4 + section.length + TRAILER_BYTES;
  const out = new Uint8Array(HEADER_BYTES + update.length + TRAILER_BYTES + sectionBytes);
  const view = new DataView(out.buffer);
  out.set(PROJECT_FILE_MAGIC, 0);
  out[4] = section === undefined ? 1 : 2;
  view.setUint32(8, update.length, true);
  out.set(update, HEADER_BYTES);
  let at = HEADER_BYTES + update.length;
  view.setUint32(at, crc32(update), true);
  if (section !== undefined) {
    at += TRAILER_BYTES;
    view.setUint32(at, section.length, true);
    out.set(section, at + 4);
    view.setUint32(at + 4 + section.length, crc32(section), true);
  }
  return out;
}

/** A project file's parts once its framing is checked. */
export type ProjectFileParts = {
  /** The file's Yjs update. */
  readonly update: Uint8Array;
  /** The article files it carries, by document id (empty for version 1). */
  readonly texts: ReadonlyMap<string, string>;
};

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return decodeUtf8(bytes);
  } catch {
    return undefined;
  }
}

function readDocumentsSection(section: Uint8Array): ReadonlyMap<string, string> | { error: string } {
  const truncated = { error: 'the documents section of the project file is truncated or has trailing data' };
  const view = new DataView(section.buffer, section.byteOffset, section.byteLength);
  if (section.length < 4) return truncated;
  const count = view.getUint32(0, true);
  const texts = new Map<string, string>();
  let at = 4;
  for (let index = 0; index < count; index++) {
    if (at + 1 > section.length) return truncated;
    const idLength = section[at] as number;
    if (at + 1 + idLength + 4 > section.length) return truncated;
    const id = decodeText(section.subarray(at + 1, at + 1 + idLength)) ?? '';
    at += 1 + idLength;
    if (!isDocumentId(id)) return { error: `the project file carries a text under ${JSON.stringify(id)}, which is not a document id` };
    if (texts.has(id)) return { error: `the project file carries the text of ${id} twice` };
    const textLength = view.getUint32(at, true);
    if (textLength > DOCUMENT_TEXT_MAX_BYTES) {
      return { error: `the text of ${id} is too large (${textLength} bytes, limit ${DOCUMENT_TEXT_MAX_BYTES})` };
    }
    if (at + 4 + textLength > section.length) return truncated;
    const text = decodeText(section.subarray(at + 4, at + 4 + textLength));
    if (text === undefined) return { error: `the text of ${id} is not valid UTF-8` };
    texts.set(id, text);
    at += 4 + textLength;
  }
  return at === section.length ? texts : truncated;
}

/**
 * What a file that is not a project file looks like, when it is one of the files people
 * mistake for one (an export or a REFI-QDA project, which are imported), as a clause; else ''.
 */
function whatItIs(bytes: Uint8Array): string {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return ': it is a ZIP archive, such as a REFI-QDA .qdpx project, which is imported instead';
  }
  const first = bytes.find((byte) => byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0xef && byte !== 0xbb && byte !== 0xbf);
  if (first === 0x7b || first === 0x5b) return ': it is JSON, such as a Web Annotation export, which is imported instead';
  return '';
}

/** Checks the framing of a project file and returns its parts, or an error message. */
export function readProjectFile(bytes: Uint8Array, maxBytes = PROJECT_FILE_MAX_BYTES): ProjectFileParts | { error: string } {
  if (bytes.length > maxBytes) return { error: `the file is too large (${bytes.length} bytes, limit ${maxBytes})` };
  if (bytes.length === 0) return { error: 'the file is empty' };
  const magic = PROJECT_FILE_MAGIC.every((b, i) => bytes[i] === b);
  if (magic && bytes.length < HEADER_BYTES + TRAILER_BYTES) return { error: 'the project file is truncated' };
  if (!magic) return { error: `not a Marginalia project file${whatItIs(bytes)}` };
  const version = bytes[4];
  if (version !== 1 && version !== 2) {
    return { error: `unsupported project file version ${version} (this app reads versions 1 to ${PROJECT_FILE_VERSION})` };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(8, true);
  const updateEnd = HEADER_BYTES + length;
  const frameEnd = updateEnd + TRAILER_BYTES;
  if (version === 1 ? frameEnd !== bytes.length : frameEnd + 4 > bytes.length) {
    return { error: 'the project file is truncated or has trailing data' };
  }
  const update = bytes.subarray(HEADER_BYTES, updateEnd);
  if (view.getUint32(updateEnd, true) !== crc32(update)) return { error: 'the project file is damaged (checksum mismatch)' };
  if (version === 1) return { update, texts: new Map() };
  const sectionLength = view.getUint32(frameEnd, true);
  if (frameEnd + 4 + sectionLength + TRAILER_BYTES !== bytes.length) {
    return { error: 'the documents section of the project file is truncated or has trailing data' };
  }
  const section = bytes.subarray(frameEnd + 4, frameEnd + 4 + sectionLength);
  if (view.getUint32(frameEnd + 4 + sectionLength, true) !== crc32(section)) {
    return { error: 'the documents section of the project file is damaged (checksum mismatch)' };
  }
  const texts = readDocumentsSection(section);
  return 'error' in texts ? texts : { update, texts };
}
