/**
 * The ready-made `addSource` of a REFI-QDA import: a source that is no bundled article
 * becomes a document added to the project (shared/model/documents.ts), converted as plain
 * text (every non-empty line a paragraph, shared/documents/import/plain-text.ts), and its
 * selections land through the converter's offset map on the same words of the canonical
 * text. The registry keeps metadata only: the caller gets each converted document through
 * `keep` and stores its text apart from the project doc, as for any added document.
 */
import type { ConvertedDocument } from '../documents/import/article-file.ts';
import { convertPlainText } from '../documents/import/plain-text.ts';
import { addDocument } from '../model/documents.ts';
import type { AddQdpxSource } from './qdpx-identities.ts';

/** An `addSource` adding each source as a document (format `qdpx`); `keep` receives the converted document to store its text. */
export function addSourcesAsDocuments(keep: (converted: ConvertedDocument) => void): AddQdpxSource {
  return (doc, actor, source) => {
    const fileName = `${source.name || source.guid}.txt`;
    let result: ReturnType<typeof convertPlainText>;
    try {
      result = convertPlainText(source.text, fileName);
    } catch {
      return undefined;
    }
    const { converted, toCanonical } = result;
    const { article } = converted;
    addDocument(doc, actor, {
      id: converted.id,
      title: source.name || article.meta.title,
      titleSupplied: source.name === '',
      author: null,
      date: null,
      format: 'qdpx',
      fileName,
      hash: article.hash,
      length: article.text.length,
    });
    keep(converted);
    return { documentId: converted.id, text: article.text, hash: article.hash, toCanonical };
  };
}
