/**
 * Adding files to the project and replacing a document with a new version, without React.
 *
 * Each file is read, converted (#shared/documents/import/convert.ts), its text stored on
 * this computer (store/document-texts.ts) and then recorded in the project's registry
 * (`addDocument`). Files are converted one at a time, each in a task of its own after the
 * page has had a chance to paint the previous result, so a batch never holds the page in
 * one long task and each file's row shows its progress as it goes. A refused file changes
 * nothing: its text is not stored and the registry is not written.
 */
import type * as Y from 'yjs';
import { convertDocument, ConvertError, type ConvertedDocument } from '#shared/documents/import/convert.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { addDocument, type NewDocument } from '#shared/model/documents.ts';
import { addNewVersion, planNewVersion, type VersionPlan } from '#shared/model/document-versions.ts';
import type { Actor } from '#shared/model/write.ts';
import { DocumentTextError } from '../store/document-text-check.ts';
import type { DocumentTextStore } from '../store/document-texts.ts';
import { afterNextFrame } from '../services/event-loop.ts';

/** Where one file of a batch stands. */
export type FileResult =
  | { readonly fileName: string; readonly status: 'waiting' | 'converting' }
  | { readonly fileName: string; readonly status: 'added' | 'exists' | 'restored'; readonly title: string; readonly id: DocumentId; readonly warning: string | null }
  | { readonly fileName: string; readonly status: 'refused'; readonly reason: string; readonly message: string };

/** What adding needs: the project, the person, the text store. */
export interface ImportContext {
  readonly doc: Y.Doc;
  readonly actor: () => Actor;
  readonly texts: DocumentTextStore;
}

/** The accepted file kinds, for the file picker. */
export const ACCEPTED_FILES = '.md,.txt,.html,.htm,.docx,.pdf';

/** Words for a refusal's reason. */
export const REFUSAL_WORDS: Record<string, string> = {
  'too-large': 'the file is too large',
  'too-long': 'its text is too long',
  unsupported: 'this kind of file cannot be added',
  malformed: 'the file is damaged or not what its name says',
  'no-text': 'the file holds no text',
  'zip-bomb': 'the file unpacks to far more than it holds',
  storage: 'its text could not be checked',
};

/** The registry record for a converted file. */
export function newDocumentOf(converted: ConvertedDocument): NewDocument {
  const { meta, hash, text } = converted.article;
  return { id: converted.id, title: meta.title, titleSupplied: meta.titleSupplied, author: meta.author, date: converted.date, format: converted.format, fileName: converted.fileName, hash, length: text.length };
}

function refusal(fileName: string, error: unknown): FileResult {
  if (error instanceof ConvertError) return { fileName, status: 'refused', reason: error.reason, message: error.message };
  if (error instanceof DocumentTextError) return { fileName, status: 'refused', reason: 'storage', message: error.message };
  return { fileName, status: 'refused', reason: 'malformed', message: error instanceof Error ? error.message : String(error) };
}

/** Converts `file` and stores its text; a storage failure that kept the text in memory is a warning, not a refusal. */
export async function convertAndStore(file: File, texts: DocumentTextStore): Promise<{ converted: ConvertedDocument; warning: string | null }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  await afterNextFrame();
  const converted = await convertDocument(bytes, file.name);
  let warning: string | null = null;
  try {
    await texts.put(converted.id, converted.source);
  } catch (error) {
    if (!(error instanceof DocumentTextError) || texts.status().kind !== 'memory-only') throw error;
    warning = error.message;
  }
  return { converted, warning };
}

/** Adds `files` one by one, reporting every file's state after each step. */
export async function addFiles(files: readonly File[], context: ImportContext, report: (results: readonly FileResult[]) => void): Promise<readonly FileResult[]> {
  const results: FileResult[] = files.map((file) => ({ fileName: file.name, status: 'waiting' }));
  report([...results]);
  for (const [index, file] of files.entries()) {
    results[index] = { fileName: file.name, status: 'converting' };
    report([...results]);
    await afterNextFrame();
    try {
      const { converted, warning } = await convertAndStore(file, context.texts);
      const outcome = addDocument(context.doc, context.actor(), newDocumentOf(converted));
      results[index] = { fileName: file.name, status: outcome, title: converted.article.meta.title, id: converted.id, warning };
    } catch (error) {
      results[index] = refusal(file.name, error);
    }
    report([...results]);
  }
  return results;
}

/** A new version read and planned, waiting for the person's confirmation. */
export interface PlannedVersion {
  readonly oldId: DocumentId;
  readonly converted: ConvertedDocument;
  readonly plan: VersionPlan;
  readonly warning: string | null;
}

/** Reads `file` as a new version of `oldId` and plans where the highlights go; writes nothing to the project. */
export async function planVersionFromFile(file: File, oldId: DocumentId, context: ImportContext): Promise<PlannedVersion | FileResult> {
  try {
    const { converted, warning } = await convertAndStore(file, context.texts);
    if (converted.id === oldId) return { fileName: file.name, status: 'refused', reason: 'same', message: `${file.name} has the same text as the document it would replace` };
    const plan = planNewVersion(context.doc, oldId, { id: converted.id, text: converted.article.text, hash: converted.article.hash });
    return { oldId, converted, plan, warning };
  } catch (error) {
    return refusal(file.name, error);
  }
}

/**
 * Records the planned version (planned again at this moment, so highlights made meanwhile
 * move too). The details people gave the document — title, author, date — carry over to
 * the new version; its format, file name and text are the new file's.
 */
export function applyVersion(planned: PlannedVersion, old: Pick<NewDocument, 'title' | 'titleSupplied' | 'author' | 'date'>, context: ImportContext): VersionPlan {
  const { converted, oldId } = planned;
  const plan = planNewVersion(context.doc, oldId, { id: converted.id, text: converted.article.text, hash: converted.article.hash });
  const input = newDocumentOf(converted);
  addNewVersion(context.doc, context.actor(), oldId, { ...input, title: old.title, titleSupplied: old.titleSupplied, author: old.author ?? input.author, date: old.date ?? input.date }, plan);
  return plan;
}
