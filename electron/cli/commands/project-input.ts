/**
 * Reading project files for the `project`, `merge`, `add`, `documents` and `text` commands:
 * the size is checked before a byte is read (the app's own limit, PROJECT_FILE_MAX_BYTES),
 * then the file goes through the model's complete check, which also checks the texts of
 * its added documents. Failures come back as one line naming the file and the reason, for
 * the command to print.
 */
import { stat } from 'node:fs/promises';
import * as Y from 'yjs';
import { loadArticle, type Article } from '#shared/documents/article.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { PROJECT_FILE_MAX_BYTES, mergeProjectFile } from '#shared/model/project-file.ts';
import { readFileLimited } from '../../services/files.ts';

/** A failure a command prints as its one line (exit code 1). */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}

/** A failure in how the command was called (exit code 2). */
export class UsageFailure extends Error {
  override readonly name = 'UsageFailure';
}

/** Reads the bytes of a project file no larger than the app accepts; throws `CommandFailure`. */
export async function readProjectBytes(path: string): Promise<Uint8Array> {
  const read = await readFileLimited(path, PROJECT_FILE_MAX_BYTES);
  if (!read.ok) throw new CommandFailure(read.message);
  return read.value;
}

/**
 * Opens a project file as a doc of its own, exactly as the app opens one into an empty
 * project (it takes the file's identity); throws `CommandFailure` naming the file.
 */
export async function openProjectFile(path: string): Promise<Y.Doc> {
  return (await openProjectFileWithTexts(path)).doc;
}

/** A project file opened as a doc, with the article files of its added documents by id. */
export type OpenedProjectFile = { readonly doc: Y.Doc; readonly texts: ReadonlyMap<DocumentId, string> };

/** Opens a project file like {@link openProjectFile} and keeps the texts of its added documents. */
export async function openProjectFileWithTexts(path: string): Promise<OpenedProjectFile> {
  const bytes = await readProjectBytes(path);
  const doc = new Y.Doc();
  const result = mergeProjectFile(doc, bytes);
  if (!result.ok) {
    doc.destroy();
    throw new CommandFailure(`"${path}": ${result.error}`);
  }
  return { doc, texts: result.texts };
}

/** The added documents' texts loaded as articles (each already checked by the file's reading). */
export function addedArticles(texts: ReadonlyMap<DocumentId, string>): Article[] {
  return [...texts].map(([id, source]) => loadArticle(source, `${id}.md`, id));
}

/** True when `path` exists; false when it does not; a {@link CommandFailure} when it cannot be checked. */
export async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new CommandFailure(`cannot check "${path}": ${error instanceof Error ? error.message : String(error)}`);
  }
}
