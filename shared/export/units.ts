/**
 * Offset units and identifiers shared by the formats.
 *
 * The model stores offsets in UTF-16 code units (JS string indices); W3C Web Annotation and
 * REFI-QDA count Unicode code points (docs/architecture.md §4). A {@link CodePointIndex} converts many
 * offsets of one text in O(log n) each, which keeps 10k excerpts linear. Exports need
 * GUID-shaped ids: compact model ids convert losslessly (`idToUuid`); anything else (a
 * document slug) gets a deterministic name-based UUID so re-exports keep the same GUIDs.
 */
import { idToUuid, isId } from '../model/ids.ts';

/** Number of code points in `text` (a lone surrogate counts as one). */
export function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** Converts offsets of one text between UTF-16 units and code points. */
export class CodePointIndex {
  /** UTF-16 offsets of the low surrogate of every astral character, ascending. */
  private readonly astral: number[] = [];
  private readonly length: number;

  /** Indexes `text` once (O(n)). */
  constructor(text: string) {
    this.length = text.length;
    for (let i = 0; i + 1 < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) this.astral.push(++i);
      }
    }
  }

  /** Code-point offset of UTF-16 offset `utf16` (an offset between the two halves of a pair counts as after the character). */
  toCodePoints(utf16: number): number {
    if (utf16 < 0 || utf16 > this.length) throw new RangeError(`offset ${utf16} outside 0..${this.length}`);
    // Number of low surrogates strictly before utf16.
    let low = 0;
    let high = this.astral.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.astral[middle] as number) < utf16) low = middle + 1;
      else high = middle;
    }
    return utf16 - low;
  }

  /** UTF-16 offset of code-point offset `codePoints`. */
  toUtf16(codePoints: number): number {
    if (codePoints < 0) throw new RangeError(`offset ${codePoints} is negative`);
    // Smallest u with u - (#astral < u) === codePoints.
    let utf16 = codePoints;
    for (const lowSurrogate of this.astral) {
      if (lowSurrogate >= utf16) break;
      utf16++;
    }
    if (utf16 > this.length) throw new RangeError(`code point ${codePoints} outside the text`);
    return utf16;
  }
}

/** 32-bit FNV-1a of `text` starting from `seed`. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A deterministic UUID (version 8, RFC 9562 "custom") derived from `name`: same name, same UUID. */
export function nameUuid(name: string): string {
  const words = [0x811c9dc5, 0x01234567, 0x89abcdef, 0xdeadbeef].map((seed) => fnv1a(name, fnv1a(String(seed), seed)));
  const hex = words.map((word) => word.toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The UUID of an entity id: exact for compact model ids, name-based (within `kind`) otherwise. */
export function entityUuid(kind: string, id: string): string {
  return isId(id) ? idToUuid(id) : nameUuid(`${kind}:${id}`);
}

/**
 * A stable URN naming a document (Web Annotation target source): a bundled article by its
 * slug, an added document by its id, which follows its content hash.
 */
export function documentUrn(documentId: string): string {
  return `urn:marginalia:document:${encodeURIComponent(documentId)}`;
}

/** ISO 8601 (UTC, milliseconds) of a time in ms since the epoch. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
