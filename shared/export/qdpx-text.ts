/**
 * The plain text of a REFI-QDA source as Marginalia keeps it, and where a selection's
 * offsets land in it.
 *
 * Files are UTF-8 (or UTF-16 with a byte-order mark); a byte-order mark is not text and is
 * dropped. Selections count code points in the text as written, end exclusive; Marginalia
 * keeps text with LF line ends only, so CRLF becomes LF (one character fewer per line end,
 * offsets after it move back) and a lone CR becomes LF (same length). {@link SourceText}
 * converts a selection's code points to UTF-16 offsets of the normalised text.
 */
import { CodePointIndex } from './units.ts';

/** The platform's text decoder (browsers and Node have it; the shared tsconfig has no DOM lib). */
declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string };

/** Decodes a text file: UTF-8, or UTF-16 when it starts with a UTF-16 byte-order mark; throws TypeError if it is not valid. */
export function decodeTextFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** A source's text, normalised, with the offset conversion of its selections. */
export class SourceText {
  /** The text with a leading byte-order mark dropped and every line end LF. */
  readonly text: string;
  private readonly raw: CodePointIndex;
  /** UTF-16 offsets (in the text as written) of each CR that a LF follows, ascending. */
  private readonly droppedCr: number[] = [];

  /** Normalises `written` (the text as the file holds it). */
  constructor(written: string) {
    const raw = written.charCodeAt(0) === 0xfeff ? written.slice(1) : written;
    this.raw = new CodePointIndex(raw);
    for (let i = raw.indexOf('\r'); i >= 0; i = raw.indexOf('\r', i + 1)) if (raw.charCodeAt(i + 1) === 0x0a) this.droppedCr.push(i);
    this.text = raw.replace(/\r\n?/g, '\n');
  }

  /** The UTF-16 offset in {@link text} of code point `codePoints` of the text as written, or undefined outside it. */
  offsetOf(codePoints: number): number | undefined {
    if (!Number.isSafeInteger(codePoints) || codePoints < 0) return undefined;
    let utf16: number;
    try {
      utf16 = this.raw.toUtf16(codePoints);
    } catch {
      return undefined;
    }
    let low = 0;
    let high = this.droppedCr.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.droppedCr[middle] as number) < utf16) low = middle + 1;
      else high = middle;
    }
    return utf16 - low;
  }
}
