/**
 * Whole-file writing and reading for the desktop app, with failures turned into sentences.
 *
 * Saves are atomic: the bytes go to a temporary file beside the target, are flushed to
 * disk, and only then renamed over the target, so a crash or a full disk never leaves a
 * half-written project behind. File-system errors (disk full, permission denied, missing
 * folder) become messages a researcher can act on; the IPC layer passes them to the
 * renderer unchanged. The file-system calls are a small port so tests can inject faults
 * (a full disk cannot be produced on demand) while the default is `node:fs/promises`.
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

/** The file-system calls the atomic writer needs; `node:fs/promises` satisfies it. */
export interface AtomicWriteFileSystem {
  open(filePath: string, flags: string, mode?: number): Promise<nodeFs.FileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: boolean }): Promise<void>;
}

/** A thrown value from a failed file operation, as far as messages need it. */
interface ErrnoLike {
  code?: unknown;
  message?: unknown;
}

/** Outcome of a write or read: success, or a message for the user. */
export type FileOperationResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Writes `content` to `filePath` atomically (temp file in the same folder, fsync, rename).
 * On failure the temporary file is removed and the error is rethrown unchanged.
 */
export async function writeFileAtomic(
  filePath: string,
  content: string | Uint8Array,
  fileSystem: AtomicWriteFileSystem = nodeFs,
): Promise<void> {
  const directory = path.dirname(filePath);
  const tempPath = path.join(directory, `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  let renamed = false;
  try {
    const handle = await fileSystem.open(tempPath, 'wx', 0o644);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fileSystem.rename(tempPath, filePath);
    renamed = true;
  } finally {
    if (!renamed) await fileSystem.rm(tempPath, { force: true }).catch(() => undefined);
  }
}

/** Turns a file-system error into a sentence naming the problem and the path. */
export function describeFileError(error: unknown, filePath: string, action: 'save' | 'open'): string {
  const errno: ErrnoLike = typeof error === 'object' && error !== null ? (error as ErrnoLike) : {};
  const verb = action === 'save' ? 'save' : 'open';
  switch (errno.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `Disk full: could not save "${filePath}". Free some space or choose another drive, then try again.`;
    case 'EACCES':
    case 'EPERM':
      return `Permission denied: cannot ${verb} "${filePath}". Choose a folder you are allowed to ${action === 'save' ? 'write to' : 'read'}.`;
    case 'EROFS':
      return `Read-only location: cannot save "${filePath}". Choose a writable folder.`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `Not found: "${filePath}" ${action === 'save' ? 'is in a folder that does not exist' : 'does not exist'}.`;
    case 'EISDIR':
      return `"${filePath}" is a folder, not a file.`;
    case 'ENAMETOOLONG':
      return `The path "${filePath}" is too long for this system. Choose a shorter name or folder.`;
    case 'EBUSY':
      return `"${filePath}" is in use by another program. Close it there and try again.`;
    default: {
      const detail = typeof errno.message === 'string' ? errno.message : String(error);
      return `Could not ${verb} "${filePath}": ${detail}`;
    }
  }
}

/** Saves atomically and reports the outcome as a value with a human message on failure. */
export async function saveFile(
  filePath: string,
  content: string | Uint8Array,
  fileSystem: AtomicWriteFileSystem = nodeFs,
): Promise<FileOperationResult<string>> {
  try {
    await writeFileAtomic(filePath, content, fileSystem);
    return { ok: true, value: filePath };
  } catch (error) {
    return { ok: false, message: describeFileError(error, filePath, 'save') };
  }
}

/** Reads a whole file no larger than `maxBytes`, reporting failures as human messages. */
export async function readFileLimited(filePath: string, maxBytes: number): Promise<FileOperationResult<Uint8Array>> {
  try {
    const info = await nodeFs.stat(filePath);
    if (info.isDirectory()) return { ok: false, message: describeFileError({ code: 'EISDIR' }, filePath, 'open') };
    if (info.size > maxBytes) {
      return {
        ok: false,
        message: `"${filePath}" is ${formatMegabytes(info.size)}; files larger than ${formatMegabytes(maxBytes)} cannot be opened.`,
      };
    }
    const bytes = await nodeFs.readFile(filePath);
    return { ok: true, value: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (error) {
    return { ok: false, message: describeFileError(error, filePath, 'open') };
  }
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
