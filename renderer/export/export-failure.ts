/**
 * The sentence the Export dialog shows when an export fails. Failures of the pipeline come
 * as `ExportError` codes (#shared/export/export-error.ts) and are worded here for a person
 * at the dialog, with what to do next; anything else (the desktop host's save errors
 * arrive already worded, e.g. "Disk full: …") is shown after a short lead-in.
 */
import { ExportError } from '#shared/export/export-error.ts';

/** What went wrong, as the dialog says it. */
export function exportFailureText(error: unknown): string {
  if (error instanceof ExportError) {
    const problem = error.problem;
    switch (problem.code) {
      case 'empty-codebook':
        return 'The codebook is empty: a REFI-QDA codebook needs at least one tag. Create a tag, then export again.';
      case 'missing-document-text':
        return `The article “${problem.documentId}” is not loaded, and a REFI-QDA project must carry the text of every article it codes. Leave it out with the Documents filter, or reload the library.`;
      default:
        return `The export could not be made (${problem.code}).`;
    }
  }
  return `The export could not be saved: ${error instanceof Error ? error.message : String(error)}`;
}
