/**
 * Which documents a project has live highlights on. The Export dialog queries excerpts one
 * document at a time (so a 10,000-highlight project never blocks typing) and needs the
 * list of documents worth visiting without reading the Yjs layout itself; this is that
 * read, in one pass over the highlights.
 */
import type * as Y from 'yjs';
import { roots } from './layout.ts';
import { documentOf, isTrashed } from './views.ts';

/** Ids of the documents with at least one live (not trashed) highlight, in no particular order. */
export function highlightedDocumentIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  roots(doc).highlights.forEach((map) => {
    if (isTrashed(map)) return;
    const id = documentOf(map);
    if (id !== undefined) ids.add(id);
  });
  return ids;
}
