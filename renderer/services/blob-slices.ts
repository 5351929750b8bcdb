/**
 * A download's Blob built in slices. `new Blob([text])` encodes the whole text to UTF-8 in
 * one task — about as long as writing the file itself for a 10k-excerpt export — so the
 * text is cut into pieces that each take a few milliseconds, one Blob per piece with a
 * yield in between, and the file is the Blob of those Blobs (which copies nothing). A cut
 * never falls inside a surrogate pair, so the bytes are exactly the UTF-8 of the text.
 * The piece size adapts to the time the last piece took.
 */
import { nextTask } from './event-loop.ts';

/** Time one slice aims at, in ms. */
export const BLOB_SLICE_MS = 8;

const FIRST_SLICE = 64 * 1024;
const MIN_SLICE = 16 * 1024;
const MAX_SLICE = 8 * 1024 * 1024;

/** Options of {@link blobInSlices}. */
export type BlobSliceOptions = {
  /** A fixed slice size (characters or bytes); by default it adapts to about {@link BLOB_SLICE_MS} per slice. */
  readonly slice?: number;
  readonly yieldToUi?: () => Promise<void>;
};

/** The end of a slice of `text` starting at `start`, moved so that it never splits a surrogate pair. */
function cutAt(text: string, start: number, size: number): number {
  const end = Math.min(text.length, start + Math.max(1, size));
  if (end >= text.length) return end;
  const last = text.charCodeAt(end - 1);
  if (last < 0xd800 || last > 0xdbff) return end;
  return end - 1 > start ? end - 1 : end + 1;
}

/** `content` as a Blob, built in slices with a yield between them. */
export async function blobInSlices(content: string | Uint8Array, options: BlobSliceOptions = {}): Promise<Blob> {
  const pause = options.yieldToUi ?? nextTask;
  const parts: Blob[] = [];
  let size = options.slice ?? FIRST_SLICE;
  for (let start = 0; start < content.length; ) {
    const began = performance.now();
    const end = typeof content === 'string' ? cutAt(content, start, size) : Math.min(content.length, start + size);
    parts.push(new Blob([(typeof content === 'string' ? content.slice(start, end) : content.subarray(start, end)) as BlobPart]));
    start = end;
    if (options.slice === undefined) {
      const took = performance.now() - began;
      size = Math.round(Math.min(MAX_SLICE, Math.max(MIN_SLICE, took > 0 ? (size * BLOB_SLICE_MS) / took : size * 2)));
    }
    if (start < content.length) await pause();
  }
  return new Blob(parts, { type: 'application/octet-stream' });
}
