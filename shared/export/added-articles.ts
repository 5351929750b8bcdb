/**
 * The added documents of a project as articles for the exports: each text (an article
 * file, as project files carry it) loaded, with the title and author the project's
 * registry holds now (people may have edited them since the document was added). The
 * exports then treat an added document exactly like a bundled article, by its id: its
 * source IRI is `urn:marginalia:document:<id>` like a bundled one's, and as its id follows
 * its content hash, it stays the same for the same text.
 */
import type * as Y from 'yjs';
import { loadArticle, type Article } from '../documents/article.ts';
import type { DocumentId } from '../documents/manifest.ts';
import { listDocuments } from '../model/document-views.ts';

/**
 * Loads the texts of `project`'s added documents (article files by id) as articles, in the
 * registry's order; a text without a readable record is left out. Throws a DocumentError
 * when a text does not parse (texts read from a project file were checked already).
 */
export function addedDocumentArticles(project: Y.Doc, texts: ReadonlyMap<string, string>): Article[] {
  const articles: Article[] = [];
  for (const record of listDocuments(project)) {
    const source = texts.get(record.id);
    if (source === undefined) continue;
    const article = loadArticle(source, `${record.id}.md`, record.id as DocumentId);
    articles.push({ ...article, meta: { ...article.meta, title: record.title, titleSupplied: record.titleSupplied, author: record.author } });
  }
  return articles;
}
