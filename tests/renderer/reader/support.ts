/** Loads one bundled article in Node for reader unit tests (the same loader the renderer uses). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadArticle, type Article } from '#shared/documents/article.ts';
import { toDocumentId } from '#shared/documents/manifest.ts';

const documentsDir = fileURLToPath(new URL('../../../documents/', import.meta.url));

/** The bundled article with this id (file `<id>.md`). */
export function bundledArticle(id: string): Article {
  return loadArticle(readFileSync(`${documentsDir}${id}.md`, 'utf8'), `${id}.md`, toDocumentId(id));
}
