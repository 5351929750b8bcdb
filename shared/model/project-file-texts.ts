/**
 * The texts of added documents in project files: writing a project with them, and checking
 * a file's texts against its registry before anything is merged.
 *
 * A project file carries exactly the texts of its registry's readable records — live, in
 * the trash or replaced by a newer version (root `d`, documents.ts) — each as an article
 * file (shared/documents/markdown.ts) whose front-matter id is the document id. A text is
 * the document's text when it parses, its canonical text's content hash gives exactly its
 * id (`addedDocumentId`) and equals the hash the record holds. The writer refuses to write
 * a file the reader would refuse: a record without its text throws
 * {@link MissingDocumentTextsError} naming every missing id, a text that is not its
 * record's throws with the reason.
 */
import * as Y from 'yjs';
import { loadArticle } from '#shared/documents/article.ts';
import { addedDocumentId } from '#shared/documents/hash.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { listDocuments, type DocumentView } from './document-views.ts';
import { PROJECT_FILE_MAX_BYTES, encodeProjectFrame, type DocumentTextEntry } from './project-file-frame.ts';

/** Thrown by {@link encodeProjectFile} when texts of registered documents are not at hand. */
export class MissingDocumentTextsError extends Error {
  override readonly name = 'MissingDocumentTextsError';
  /** The documents whose texts are missing, by id. */
  readonly missing: readonly DocumentId[];

  /** Names every missing document in the message. */
  constructor(missing: readonly DocumentId[]) {
    super(`the texts of ${missing.length === 1 ? 'one added document are' : `${missing.length} added documents are`} not at hand: ${missing.join(', ')}`);
    this.missing = missing;
  }
}

/** The registered documents (readable records) whose texts `texts` lacks; empty when a file can be written. */
export function missingDocumentTexts(doc: Y.Doc, texts: ReadonlyMap<string, string> = new Map()): DocumentId[] {
  return listDocuments(doc).filter((record) => !texts.has(record.id)).map((record) => record.id);
}

/** Why `text` is not the text of `record` (document `id`), or undefined when it is. */
export function documentTextProblem(id: string, text: string, record: DocumentView | undefined): string | undefined {
  if (record === undefined) return `it carries the text of ${id}, a document its project does not list`;
  let hash: string;
  try {
    hash = loadArticle(text, id, id as DocumentId).hash;
  } catch (error) {
    return `the text of ${id} is not a readable article (${error instanceof Error ? error.message : String(error)})`;
  }
  if (addedDocumentId(hash) !== id) return `the text of ${id} is not that document's text (it is the text of ${addedDocumentId(hash)})`;
  if (hash !== record.hash) return `the text of ${id} does not match the content hash its record holds`;
  return undefined;
}

/**
 * Checks a file's texts against the registry of its doc: every readable record has its
 * text, every text belongs to a record and is that record's text. Returns the texts keyed
 * by id, or the first problem found.
 */
export function checkDocumentTexts(doc: Y.Doc, texts: ReadonlyMap<string, string>): { ok: true; texts: ReadonlyMap<DocumentId, string> } | { ok: false; error: string } {
  const records = new Map(listDocuments(doc).map((record) => [record.id as string, record]));
  const missing = [...records.keys()].filter((id) => !texts.has(id));
  if (missing.length > 0) return { ok: false, error: `the project file lacks the texts of documents it lists: ${missing.join(', ')}` };
  for (const [id, text] of texts) {
    const problem = documentTextProblem(id, text, records.get(id));
    if (problem !== undefined) return { ok: false, error: `the project file is refused: ${problem}` };
  }
  return { ok: true, texts: texts as ReadonlyMap<DocumentId, string> };
}

/**
 * Serialises the whole project doc as a project file with the texts of its added documents
 * (`texts`: article files by document id; texts of documents the registry does not list
 * are left out). Throws {@link MissingDocumentTextsError} when a registered document's text
 * is missing, and an error with the reason when a text is not its record's or the file
 * would exceed the size limits; a project without added documents needs no texts.
 */
export function encodeProjectFile(doc: Y.Doc, texts: ReadonlyMap<string, string> = new Map()): Uint8Array {
  const records = listDocuments(doc);
  const missing = missingDocumentTexts(doc, texts);
  if (missing.length > 0) throw new MissingDocumentTextsError(missing);
  const entries: DocumentTextEntry[] = [];
  for (const record of [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const text = texts.get(record.id) as string;
    const problem = documentTextProblem(record.id, text, record);
    if (problem !== undefined) throw new Error(`cannot write the project file: ${problem}`);
    entries.push([record.id, text]);
  }
  const bytes = encodeProjectFrame(Y.encodeStateAsUpdate(doc), entries);
  if (bytes.length > PROJECT_FILE_MAX_BYTES) {
    throw new Error(`the project is too large for a project file (${bytes.length} bytes, limit ${PROJECT_FILE_MAX_BYTES})`);
  }
  return bytes;
}
