/**
 * Test helper: an added document as the app keeps it — its article file (front-matter id =
 * the document id its canonical text gives) and the registry record describing it.
 */
import { loadArticle, type Article } from '#shared/documents/article.ts';
import { addedDocumentId } from '#shared/documents/hash.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { serializeArticleMarkdown } from '#shared/documents/markdown-serializer.ts';
import { readerSchema } from '#shared/documents/schema.ts';
import type { NewDocument } from '#shared/model/documents.ts';

/** An added document's article file, its loaded article and its registry record. */
export type AddedDocumentFixture = { readonly id: DocumentId; readonly source: string; readonly article: Article; readonly record: NewDocument };

/** Builds an added document of `paragraphs` (one paragraph each) titled `title`. */
export function addedDocument(paragraphs: readonly string[], title = paragraphs[0] ?? 'Untitled'): AddedDocumentFixture {
  const doc = readerSchema.nodes.doc!.create(null, paragraphs.map((text) => readerSchema.nodes.paragraph!.create(null, readerSchema.text(text))));
  const meta = { title, titleSupplied: false, author: null, publisher: null, sourceFile: null };
  const draft = loadArticle(serializeArticleMarkdown({ ...meta, id: 'doc-0000000000000000' as DocumentId }, doc), 'draft.md');
  const id = addedDocumentId(draft.hash) as DocumentId;
  const source = serializeArticleMarkdown({ ...meta, id }, doc);
  const article = loadArticle(source, `${id}.md`, id);
  const record: NewDocument = { id, title, titleSupplied: false, author: null, date: null, format: 'txt', fileName: 'interview.txt', hash: article.hash, length: article.text.length };
  return { id, source, article, record };
}
