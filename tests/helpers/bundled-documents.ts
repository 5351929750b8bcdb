/**
 * Test helper: paths of the repository's bundled documents and seeds, and a synchronous
 * loader of every bundled article (tests in this folder share it).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Article } from '#shared/documents/article.ts';
import { loadArticle } from '#shared/documents/article.ts';
import type { Manifest } from '#shared/documents/manifest.ts';
import { parseManifest } from '#shared/documents/manifest.ts';

/** The repository's `documents/` folder. */
export const documentsDir = fileURLToPath(new URL('../../documents/', import.meta.url));
/** The source texts the bundled documents were converted from (tests/baselines/seeds). */
export const seedsDir = fileURLToPath(new URL('../baselines/seeds/', import.meta.url));

/** The parsed bundled manifest. */
export function bundledManifest(): Manifest {
  return parseManifest(JSON.parse(readFileSync(`${documentsDir}manifest.json`, 'utf8')));
}

/** Raw source of one bundled article file. */
export function bundledSource(file: string): string {
  return readFileSync(`${documentsDir}${file}`, 'utf8');
}

/** Every bundled article, loaded and checked against its manifest id, in manifest order. */
export function bundledArticles(): Article[] {
  return bundledManifest().documents.map((entry) => loadArticle(bundledSource(entry.file), entry.file, entry.id));
}
