/**
 * Writing an export file for the command line: atomically (files.ts: temp file in the same
 * folder, flushed, renamed over the target), so a full disk, a missing folder or a
 * permission problem fails before the target is touched and leaves no temporary file. The
 * failure becomes an `ExportError` 'write-failed' whose `reason` names the problem in
 * platform-independent terms; the command words it.
 */
import { ExportError, type FileFailure } from '#shared/export/export-error.ts';
import { BoundedReadError } from './bounded-read.ts';
import { writeFileAtomic } from './files.ts';

/** Maps a Node file-system error to a {@link FileFailure} and the system's own words. */
export function fileFailureOf(error: unknown): { reason: FileFailure; detail: string } {
  if (error instanceof BoundedReadError) return { reason: error.reason, detail: error.message };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { reason: 'missing', detail };
    case 'EACCES':
    case 'EPERM':
      return { reason: 'permission-denied', detail };
    case 'EISDIR':
      return { reason: 'is-folder', detail };
    case 'ENOSPC':
    case 'EDQUOT':
      return { reason: 'disk-full', detail };
    case 'EROFS':
      return { reason: 'read-only', detail };
    default:
      return { reason: 'other', detail };
  }
}

/** Writes `data` to `path` atomically; rejects with `ExportError` 'write-failed'. */
export async function writeExportFile(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    throw new ExportError({ code: 'write-failed', path, ...fileFailureOf(error) });
  }
}
