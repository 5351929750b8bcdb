/**
 * From a converted reader document and the facts its file states to the finished
 * {@link ConvertedDocument}: the id from the canonical text's hash, the title (stated, or
 * drawn from the first heading or line and marked supplied), the article file in the
 * dialect, and that file loaded back as an {@link Article}.
 *
 * Everything here is a function of the document and the facts, so the same file always
 * yields the same id and the same article file byte for byte, on any machine.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Article } from '../article.ts';
import { loadArticle } from '../article.ts';
import { TextMap } from '../canonical.ts';
import { contentHash, contentHashPrefix } from '../hash.ts';
import type { DocumentId, DocumentMeta } from '../manifest.ts';
import { serializeArticleMarkdown } from '../markdown-serializer.ts';
import { ConvertError } from './errors.ts';
import type { ResolvedConvertLimits } from './errors.ts';

/** The formats a user's file may have. */
export type DocumentFormat = 'md' | 'txt' | 'html' | 'docx' | 'pdf';

/** A user's file converted into a reader document. */
export interface ConvertedDocument {
  /** `doc-` + the first 16 hex digits of the canonical text's content hash. */
  id: DocumentId;
  /** The article file in the dialect (`markdown.ts`). */
  source: string;
  /** `source` loaded: canonical text, hash, outline. */
  article: Article;
  /** The format the file was read as. */
  format: DocumentFormat;
  /** The file's name as given. */
  fileName: string;
  /** A date the file itself states in its metadata, never invented; else null. */
  date: string | null;
}

/** What a file states about itself; null where it is silent. */
export interface StatedFacts {
  title: string | null;
  author: string | null;
  publisher: string | null;
  date: string | null;
  /** True when `title` was itself drawn from the text (an article file that says so). */
  titleSupplied?: boolean;
}

/** Facts of a file that states nothing. */
export const noFacts: StatedFacts = { title: null, author: null, publisher: null, date: null };

/** Longest title drawn from a document's own words, in characters. */
export const maxSuppliedTitleLength = 120;

/** The id of a document whose canonical text is `text`. */
export function documentIdOf(text: string): DocumentId {
  return `doc-${contentHash(text).slice(contentHashPrefix.length, contentHashPrefix.length + 16)}` as DocumentId;
}

/** A stated fact cleaned of line breaks and surrounding or repeated whitespace; empty reads as null. */
export function statedValue(value: string | null | undefined): string | null {
  const clean = (value ?? '').replace(/\s+/g, ' ').trim();
  return clean === '' ? null : clean;
}

/** The plain name of a file given with or without a folder. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}

/**
 * Finishes a conversion. Throws {@link ConvertError} `no-text` when `doc` is null (nothing
 * to read) and `too-long` when the canonical text exceeds the limit.
 */
export function finishConversion(
  doc: ProseMirrorNode | null,
  facts: StatedFacts,
  format: DocumentFormat,
  fileName: string,
  limits: ResolvedConvertLimits,
): ConvertedDocument {
  if (doc === null) throw new ConvertError('no-text', fileName, 'the file holds no text to read');
  const textMap = TextMap.fromDoc(doc);
  const text = textMap.text;
  if (text.length > limits.maxTextCharacters) {
    throw new ConvertError('too-long', fileName,
      `its text is ${text.length.toLocaleString('en')} characters long, more than the ${limits.maxTextCharacters.toLocaleString('en')} a document may have`);
  }
  const id = documentIdOf(text);
  const statedTitle = statedValue(facts.title);
  const meta: DocumentMeta = {
    id,
    title: statedTitle ?? suppliedTitle(textMap),
    titleSupplied: statedTitle === null || facts.titleSupplied === true,
    author: statedValue(facts.author),
    publisher: statedValue(facts.publisher),
    sourceFile: baseName(fileName),
  };
  const source = serializeArticleMarkdown(meta, doc);
  const article = loadArticle(source, `${id}.md`, id);
  if (article.text !== text) throw new Error(`${fileName}: the article file does not read back to the converted text`);
  return { id, source, article, format, fileName, date: statedValue(facts.date) };
}

/** The first heading's text, else the first block's, shortened at a word to {@link maxSuppliedTitleLength}. */
function suppliedTitle(textMap: TextMap): string {
  const first = textMap.blocks.find((block) => block.node.type.name === 'heading') ?? textMap.blocks[0];
  const text = statedValue(first?.node.textContent) ?? 'Untitled';
  if (text.length <= maxSuppliedTitleLength) return text;
  const cut = text.slice(0, maxSuppliedTitleLength - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxSuppliedTitleLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
