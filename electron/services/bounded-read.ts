/**
 * Reading a whole file that someone named: a project file, a manifest, an article. The
 * path may lead to a device (`/dev/zero` never ends), a FIFO (opening it waits for a
 * writer), a folder, or a file far larger than anything the app reads, so the file's type
 * and size are checked before a byte is read, and the read itself stops one byte past the
 * limit in case the file grows meanwhile. Refusals are {@link BoundedReadError}s whose
 * message is one line a person can act on.
 */
import { open, stat } from 'node:fs/promises';

/** Why a file was refused before it was read. */
export type BoundedReadRefusal = 'not-a-file' | 'too-large';

/** A file refused for its type or size; `message` is one line ("not a regular file", "it is 200.0 MB; …"). */
export class BoundedReadError extends Error {
  readonly reason: BoundedReadRefusal;
  constructor(reason: BoundedReadRefusal, message: string) {
    super(message);
    this.name = 'BoundedReadError';
    this.reason = reason;
  }
}

/** Megabytes with one decimal, as people read file sizes. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function tooLarge(size: number, maxBytes: number, what: string): BoundedReadError {
  return new BoundedReadError('too-large', `it is ${formatMegabytes(size)}; ${what} larger than ${formatMegabytes(maxBytes)} cannot be read`);
}

/**
 * Reads the regular file at `path` if it holds at most `maxBytes`; `what` names such files
 * in the refusal ("project files"). Throws {@link BoundedReadError} for anything else that
 * is not a regular file or is too large, and the system error (ENOENT, EACCES, EISDIR …)
 * when the file cannot be opened.
 */
export async function readRegularFile(path: string, maxBytes: number, what = 'files'): Promise<Buffer> {
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: 'EISDIR' });
  if (!info.isFile()) throw new BoundedReadError('not-a-file', 'not a regular file');
  if (info.size > maxBytes) throw tooLarge(info.size, maxBytes, what);
  const handle = await open(path, 'r');
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw new BoundedReadError('not-a-file', 'not a regular file');
    const buffer = Buffer.alloc(Math.min(opened.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw tooLarge(length, maxBytes, what);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
