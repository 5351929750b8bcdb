/**
 * Converting a file someone adds into an article file of the dialect of ../markdown.ts,
 * keyed by the document id its canonical text gives (`addedDocumentId`).
 *
 * This converter reads only plain text (`.txt`: each non-empty line a paragraph, the first
 * line also the supplied title) and articles already in the dialect (`.md`); any other
 * file is refused with the reason.
 */
import { decodeUtf8 } from 'lib0/string';
import { loadArticle, type Article } from '../article.ts';
import { DocumentError } from '../errors.ts';
import { addedDocumentId } from '../hash.ts';
import type { DocumentId, DocumentMeta } from '../manifest.ts';
import { serializeArticleMarkdown } from '../markdown-serializer.ts';
import { readerSchema } from '../schema.ts';

/** Bounds of a conversion. */
export type ConvertLimits = {
  /** Largest input accepted (bytes); default 20 MB. */
  readonly maxBytes?: number;
};

/** A converted document: its id, its article file and what the file states. */
export type ConvertedDocument = {
  readonly id: DocumentId;
  /** The article file (front-matter id = `id`). */
  readonly source: string;
  readonly article: Article;
  readonly format: 'md' | 'txt' | 'html' | 'docx' | 'pdf';
  readonly fileName: string;
  /** A date the file states, or null. */
  readonly date: string | null;
};

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function decode(bytes: Uint8Array, fileName: string): string {
  try {
    return decodeUtf8(bytes);
  } catch {
    throw new DocumentError('the file is not valid UTF-8 text', { fileName });
  }
}

function plainTextDocument(text: string, fileName: string): { meta: Omit<DocumentMeta, 'id'>; doc: Article['doc'] } {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  if (lines.length === 0) throw new DocumentError('the file holds no text', { fileName });
  const doc = readerSchema.nodes.doc!.create(null, lines.map((line) => readerSchema.nodes.paragraph!.create(null, readerSchema.text(line))));
  return { meta: { title: lines[0] as string, titleSupplied: true, author: null, publisher: null, sourceFile: fileName }, doc };
}

/** Converts one file into an article file keyed by its content; throws with the reason when it cannot. */
export async function convertDocument(bytes: Uint8Array, fileName: string, options: ConvertLimits = {}): Promise<ConvertedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) throw new DocumentError(`the file is too large (${bytes.length} bytes, limit ${maxBytes})`, { fileName });
  const extension = extensionOf(fileName);
  if (extension !== 'txt' && extension !== 'md') {
    throw new DocumentError(`cannot read ${extension === '' ? 'files without an extension' : `.${extension} files`} (readable: .txt, .md)`, { fileName });
  }
  const text = decode(bytes, fileName);
  const parsed = extension === 'txt' ? plainTextDocument(text, fileName) : loadArticle(text, fileName);
  // The id follows the canonical text, which the parse of the written file defines.
  const placeholder = 'doc-0000000000000000' as DocumentId;
  const draft = loadArticle(serializeArticleMarkdown({ ...parsed.meta, id: placeholder }, parsed.doc), fileName, placeholder);
  const id = addedDocumentId(draft.hash) as DocumentId;
  const source = serializeArticleMarkdown({ ...parsed.meta, id }, parsed.doc);
  const article = loadArticle(source, fileName, id);
  if (addedDocumentId(article.hash) !== id) throw new DocumentError('the converted text does not keep its content', { fileName });
  return { id: addedDocumentId(article.hash) as DocumentId, source, article, format: extension, fileName, date: null };
}
