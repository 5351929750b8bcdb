/**
 * Checking an added document's text before it is stored: the article file must parse in
 * the article dialect (#shared/documents/markdown.ts) under the document's own id, and its
 * canonical text must hash to that id (`addedDocumentId`). A text that fails is never
 * stored, so a damaged or foreign text (from a file, a teammate, the server) can never sit
 * under an id whose highlights were made on another text.
 */
import { loadArticle, type Article } from '#shared/documents/article.ts';
import { addedDocumentId } from '#shared/documents/hash.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';

/** A text refused by {@link checkDocumentText}; the message says why. */
export class DocumentTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentTextError';
  }
}

/** Parses `source` as the text of document `id`; throws {@link DocumentTextError} when it is not. */
export function checkDocumentText(id: string, source: string): Article {
  let article: Article;
  try {
    article = loadArticle(source, `${id}.md`, id as DocumentId);
  } catch (error) {
    throw new DocumentTextError(`The text of ${id} is not a readable article: ${error instanceof Error ? error.message : String(error)}`);
  }
  const expected = addedDocumentId(article.hash);
  if (expected !== id) throw new DocumentTextError(`The text stored as ${id} is the text of ${expected}: it was not stored.`);
  return article;
}
