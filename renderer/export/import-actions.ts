/**
 * The two imports the Export dialog offers, as actions on the workspace:
 *
 * - "Import annotations (JSON-LD)…": a Web Annotation file written by Marginalia's export
 *   comes back into the current project (shared/export/web-annotation-import.ts). Into an
 *   empty project this recreates the exported project — an export doubles as a backup;
 *   into a project that already has work it adds what is missing (same ids are kept).
 * - "Import codebook (.qdc)…": a REFI-QDA codebook seeds tags (existing names are reused).
 *
 * Both importers check the whole file before writing, so a malformed, foreign or oversized
 * file changes nothing; the reason comes back as a sentence, which the dialog shows beside
 * the buttons (a notice would sit behind the modal dialog's backdrop, unreadable).
 */
import type { Article } from '#shared/documents/article.ts';
import { importCodebook, IMPORT_MAX_BYTES } from '#shared/export/codebook-import.ts';
import { importWebAnnotations } from '#shared/export/web-annotation-import.ts';
import type { FileFilter, Platform } from '../services/platform.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { countWords } from '#shared/text/count-words.ts';

/** What an import did, in words for the person. */
export type ImportOutcome = { readonly kind: 'info' | 'error'; readonly text: string } | null;

/** The file dialog the imports need. */
export type ImportFileDialog = Pick<Platform, 'openFile'>;

/** Files offered by "Import annotations". */
export const ANNOTATION_IMPORT_FILTERS: readonly FileFilter[] = [{ name: 'Web Annotation JSON-LD', extensions: ['jsonld', 'json'] }];
/** Files offered by "Import codebook". */
export const CODEBOOK_IMPORT_FILTERS: readonly FileFilter[] = [{ name: 'REFI-QDA codebook', extensions: ['qdc', 'xml'] }];

function sentence(reason: string): string {
  const text = reason.charAt(0).toUpperCase() + reason.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Imports Web Annotation bytes into the workspace's project. */
export function importAnnotationBytes(workspace: AnnotationWorkspace, name: string, bytes: Uint8Array, articles: readonly Article[]): ImportOutcome {
  const member = workspace.getSnapshot().member;
  if (member === null) return { kind: 'error', text: 'Choose a display name before importing.' };
  // The importer, not workspace.actor(): actor() would stamp a fresh project first, and an
  // import into an empty project should restore the exported project's own name and id.
  const result = importWebAnnotations(workspace.session.doc, bytes, { articles, importer: member.id, maxBytes: IMPORT_MAX_BYTES });
  if (!result.ok) return { kind: 'error', text: `“${name}” was not imported. ${sentence(result.error)} Your project is unchanged.` };
  const added = [countWords(result.highlights, 'highlight'), countWords(result.tags, 'tag'), countWords(result.notes, 'note'), countWords(result.replies, 'reply', 'replies')].join(', ');
  const skipped = result.skipped > 0 ? ` ${countWords(result.skipped, 'entry', 'entries')} already in the project were kept as they are.` : '';
  return { kind: 'info', text: `Imported “${name}”: ${added}.${skipped}` };
}

/** Imports REFI-QDA codebook bytes into the workspace's codebook. */
export function importCodebookBytes(workspace: AnnotationWorkspace, name: string, bytes: Uint8Array): ImportOutcome {
  let actor;
  try {
    actor = workspace.actor();
  } catch (error) {
    return { kind: 'error', text: sentence(error instanceof Error ? error.message : String(error)) };
  }
  const result = importCodebook(workspace.session.doc, actor, bytes);
  if (!result.ok) return { kind: 'error', text: `“${name}” was not imported. ${sentence(result.error)} Your codebook is unchanged.` };
  const matched = result.matched > 0 ? ` ${countWords(result.matched, 'code')} matched existing tags and were reused.` : '';
  return { kind: 'info', text: `Imported the codebook “${name}”: ${countWords(result.created, 'new tag')}.${matched}` };
}

async function pickAndRun(files: ImportFileDialog, filters: readonly FileFilter[], run: (name: string, bytes: Uint8Array) => ImportOutcome): Promise<ImportOutcome> {
  let file;
  try {
    file = await files.openFile({ filters });
  } catch (error) {
    return { kind: 'error', text: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (file === null) return null;
  if (file.bytes.length > IMPORT_MAX_BYTES) {
    return { kind: 'error', text: `“${file.name}” was not imported. The file is too large (limit ${IMPORT_MAX_BYTES / 1024 / 1024} MB). Your project is unchanged.` };
  }
  return run(file.name, file.bytes);
}

/** Lets the person pick a Web Annotation file and imports it; null when they cancelled. */
export function importAnnotationsCommand(workspace: AnnotationWorkspace, files: ImportFileDialog, articles: readonly Article[]): Promise<ImportOutcome> {
  return pickAndRun(files, ANNOTATION_IMPORT_FILTERS, (name, bytes) => importAnnotationBytes(workspace, name, bytes, articles));
}

/** Lets the person pick a REFI-QDA codebook and imports it; null when they cancelled. */
export function importCodebookCommand(workspace: AnnotationWorkspace, files: ImportFileDialog): Promise<ImportOutcome> {
  return pickAndRun(files, CODEBOOK_IMPORT_FILTERS, (name, bytes) => importCodebookBytes(workspace, name, bytes));
}
