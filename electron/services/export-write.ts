/**
 * Writing an export file atomically: the bytes go to a temporary file in the same folder,
 * which is flushed to disk and then renamed over the target. A full disk, a missing folder
 * or a permission problem fails before the target is touched, leaves no temporary file
 * behind, and becomes one readable line (`ExportWriteError`).
 */
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Why an export could not be written, fit for one line of output. */
export class ExportWriteError extends Error {
  override readonly name = 'ExportWriteError';
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'the folder does not exist';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EROFS') return 'the file system is read-only';
  return (error as Error).message;
}

/** Writes `data` to `path` atomically (temp file + fsync + rename). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw new ExportWriteError(`cannot write ${path}: ${reason(error)}`);
  }
}
