/**
 * The one check that an added document's text is the text its id names
 * (docs/architecture.md §5–6): the article file must parse (the dialect of markdown.ts),
 * its front matter must carry the id, and the id must be the one its canonical text's
 * content hash gives (`addedDocumentId`). The sync server runs it before storing a text,
 * the app before keeping a text it fetched, so a text is never stored under a wrong id.
 */
import { loadArticle, type Article } from './article.ts';
import { DocumentError } from './errors.ts';
import { addedDocumentId } from './hash.ts';
import type { DocumentId } from './manifest.ts';

/** The verdict of {@link checkAddedText}. */
export type AddedTextCheck =
  | { readonly ok: true; readonly article: Article }
  | { readonly ok: false; readonly reason: string };

/** Checks that `source` is the article file of the added document `id`; the reason says what is wrong. */
export function checkAddedText(source: string, id: DocumentId): AddedTextCheck {
  let article: Article;
  try {
    article = loadArticle(source, `${id}.md`, id);
  } catch (error) {
    if (error instanceof DocumentError) return { ok: false, reason: `the text does not parse: ${error.message}` };
    throw error;
  }
  const derived = addedDocumentId(article.hash);
  if (derived !== id) {
    return { ok: false, reason: `the text's content hash gives the id ${derived}, not ${id}` };
  }
  return { ok: true, article };
}
