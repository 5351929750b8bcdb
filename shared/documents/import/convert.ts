/**
 * Converting a file a person adds into an article file (the dialect of ../markdown.ts).
 *
 * This version reads plain text (`.txt`: each non-empty line a paragraph, the first line
 * also the title, marked as supplied) and article files in our own dialect (`.md`); every
 * other format is refused as unsupported. The document's id follows its canonical text
 * (`addedDocumentId` of its content hash), so the same text always gets the same id.
 */
import { loadArticle, type Article } from '../article.ts';
import { canonicalText } from '../canonical.ts';
import { DocumentError } from '../errors.ts';
import { addedDocumentId, contentHash } from '../hash.ts';
import type { DocumentId, DocumentMeta } from '../manifest.ts';
import { parseArticleMarkdown } from '../markdown.ts';
import { serializeArticleMarkdown } from '../markdown-serializer.ts';
import { readerSchema } from '../schema.ts';
import type { Node as ProseMirrorNode } from 'prosemirror-model';

// Present in every environment Marginalia runs in; shared code is compiled without DOM or Node types.
declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string };

/** Bounds on what a conversion accepts. */
export interface ConvertLimits {
  /** Largest file in bytes (default 50 MB). */
  readonly maxBytes?: number;
  /** Longest canonical text in UTF-16 units (default 5,000,000). */
  readonly maxTextLength?: number;
}

/** A converted file: its article file, the parsed article and what the file stated. */
export interface ConvertedDocument {
  readonly id: DocumentId;
  /** The article file (dialect of markdown.ts). */
  readonly source: string;
  readonly article: Article;
  readonly format: 'md' | 'txt' | 'html' | 'docx' | 'pdf';
  readonly fileName: string;
  readonly date: string | null;
}

/** Why a file was refused. */
export type ConvertErrorReason = 'too-large' | 'too-long' | 'unsupported' | 'malformed' | 'no-text' | 'zip-bomb';

/** A refused file; `message` says why in words a person can act on. */
export class ConvertError extends Error {
  readonly reason: ConvertErrorReason;
  constructor(reason: ConvertErrorReason, message: string) {
    super(message);
    this.name = 'ConvertError';
    this.reason = reason;
  }
}

const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const DEFAULT_MAX_TEXT = 5_000_000;

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function decodeText(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConvertError('malformed', `${fileName} is not UTF-8 text`);
  }
}

function paragraphsDoc(lines: readonly string[]): ProseMirrorNode {
  return readerSchema.node('doc', null, lines.map((line) => readerSchema.node('paragraph', null, [readerSchema.text(line)])));
}

function finish(doc: ProseMirrorNode, meta: Omit<DocumentMeta, 'id'>, format: ConvertedDocument['format'], fileName: string, limits: ConvertLimits): ConvertedDocument {
  const text = canonicalText(doc);
  if (text.trim() === '') throw new ConvertError('no-text', `${fileName} holds no text`);
  if (text.length > (limits.maxTextLength ?? DEFAULT_MAX_TEXT)) throw new ConvertError('too-long', `${fileName} is too long to read as one document`);
  const id = addedDocumentId(contentHash(text)) as DocumentId;
  const source = serializeArticleMarkdown({ ...meta, id }, doc);
  return { id, source, article: loadArticle(source, fileName, id), format, fileName, date: null };
}

function fromText(text: string, fileName: string, limits: ConvertLimits): ConvertedDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '');
  const first = lines[0];
  if (first === undefined) throw new ConvertError('no-text', `${fileName} holds no text`);
  return finish(paragraphsDoc(lines), { title: first, titleSupplied: true, author: null, publisher: null, sourceFile: fileName }, 'txt', fileName, limits);
}

function fromArticleMarkdown(text: string, fileName: string, limits: ConvertLimits): ConvertedDocument {
  let parsed: ReturnType<typeof parseArticleMarkdown>;
  try {
    parsed = parseArticleMarkdown(text, fileName);
  } catch (error) {
    throw new ConvertError('malformed', error instanceof DocumentError ? error.message : `${fileName} could not be read`);
  }
  const { id: _id, ...meta } = parsed.meta;
  return finish(parsed.doc, meta, 'md', fileName, limits);
}

/** Converts one file; throws {@link ConvertError} with the reason when it is refused. */
export async function convertDocument(bytes: Uint8Array, fileName: string, options: ConvertLimits = {}): Promise<ConvertedDocument> {
  if (bytes.length > (options.maxBytes ?? DEFAULT_MAX_BYTES)) throw new ConvertError('too-large', `${fileName} is too large`);
  const extension = extensionOf(fileName);
  if (extension === 'txt') return fromText(decodeText(bytes, fileName), fileName, options);
  if (extension === 'md') return fromArticleMarkdown(decodeText(bytes, fileName), fileName, options);
  throw new ConvertError('unsupported', `${fileName}: this kind of file cannot be added`);
}
