/**
 * Reads the bundled documents from disk: `manifest.json`, then every article it lists.
 *
 * One broken article must not hide the others, so each document yields its own result —
 * the loaded article or an error entry with a human message — while a missing or
 * malformed manifest (which leaves nothing to list) throws a DocumentError. Every file is
 * checked to be a regular file of a sane size before it is read (bounded-read.ts), since
 * the folder can be any folder named on the command line.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '#shared/documents/article.ts';
import { loadArticle } from '#shared/documents/article.ts';
import { DocumentError } from '#shared/documents/errors.ts';
import type { Manifest } from '#shared/documents/manifest.ts';
import { parseManifest } from '#shared/documents/manifest.ts';
import { readRegularFile } from './bounded-read.ts';

/** Largest manifest read (the bundled one is about 2 KB). */
export const MANIFEST_MAX_BYTES = 1024 * 1024;
/** Largest article read (the bundled ones are under 100 KB). */
export const DOCUMENT_MAX_BYTES = 16 * 1024 * 1024;

/** Result of loading one manifest entry. */
export type BundledDocumentResult =
  | { ok: true; article: Article }
  | { ok: false; id: string; file: string; error: string };

/** File name of the manifest inside a documents folder. */
export const manifestFileName = 'manifest.json';

/**
 * The repository's `documents/` folder, resolved from this module's location
 * (`electron/services/` → `../../documents`). Code bundled elsewhere must pass its own folder.
 */
export function defaultDocumentsDir(): string {
  return fileURLToPath(new URL('../../documents/', import.meta.url));
}

/** Reads and validates `<dir>/manifest.json`; throws DocumentError when it is missing or malformed. */
export async function readManifest(dir: string): Promise<Manifest> {
  const path = join(dir, manifestFileName);
  let source: string;
  try {
    source = (await readRegularFile(path, MANIFEST_MAX_BYTES, 'manifests')).toString('utf8');
  } catch (error) {
    throw new DocumentError(`cannot read the manifest (${describe(error)})`, { fileName: path });
  }
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    throw new DocumentError(`the manifest is not valid JSON (${describe(error)})`, { fileName: path });
  }
  return parseManifest(json, path);
}

/**
 * Loads every document listed in `<dir>/manifest.json`, in manifest order.
 * A missing or malformed article becomes an `{ ok: false }` entry; the others still load.
 */
export async function readBundledDocuments(dir: string): Promise<BundledDocumentResult[]> {
  const manifest = await readManifest(dir);
  return Promise.all(manifest.documents.map(async (entry): Promise<BundledDocumentResult> => {
    const path = join(dir, entry.file);
    try {
      const source = (await readRegularFile(path, DOCUMENT_MAX_BYTES, 'articles')).toString('utf8');
      return { ok: true, article: loadArticle(source, entry.file, entry.id) };
    } catch (error) {
      const message = error instanceof DocumentError
        ? error.message
        : `${entry.file}: cannot read the document (${describe(error)})`;
      return { ok: false, id: entry.id, file: entry.file, error: message };
    }
  }));
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code === 'ENOENT' ? 'file not found' : error.code;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Every bundled article, for commands that need all of them (export, agreement,
 * co-occurrence): the articles, or the one line saying which document does not load.
 */
export async function readAllBundledArticles(dir: string): Promise<{ ok: true; articles: Article[] } | { ok: false; error: string }> {
  const loaded = await readBundledDocuments(dir);
  const broken = loaded.find((result) => !result.ok);
  if (broken && !broken.ok) return { ok: false, error: `document ${broken.id} does not load: ${broken.error}` };
  return { ok: true, articles: loaded.flatMap((result) => (result.ok ? [result.article] : [])) };
}
