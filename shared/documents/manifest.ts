/**
 * Document identity and the bundled-documents manifest (`documents/manifest.json`).
 *
 * The manifest is the ordered list of bundled articles: a stable id and the file that
 * holds it. Ids are slugs chosen once and never changed, because every highlight stores
 * one. File names are plain names inside the documents folder (no paths), so a manifest
 * can never point a reader outside that folder.
 */
import { DocumentError } from './errors.ts';

/** Stable id of a bundled document: a lowercase slug such as `azerbaijan-us-russia-dynamics`. */
export type DocumentId = string & { readonly __brand: 'DocumentId' };

/** The facts a source states about itself; anything it does not state is `null`. */
export interface DocumentMeta {
  /** Stable slug id; equals the manifest entry's id. */
  id: DocumentId;
  /** The article's title, verbatim from the source, or drawn from its own words (see `titleSupplied`). */
  title: string;
  /** True when the source has no title and `title` was drawn from the article's own words. */
  titleSupplied: boolean;
  /** Author as the source states it, else null. */
  author: string | null;
  /** Publisher as the source states it, else null. */
  publisher: string | null;
  /** File name of the scraped source text this document was converted from, else null. */
  sourceFile: string | null;
}

/** One manifest line: which file holds which document. */
export interface ManifestEntry {
  /** Stable document id. */
  id: DocumentId;
  /** File name inside the documents folder, e.g. `azerbaijan-us-russia-dynamics.md`. */
  file: string;
}

/** The parsed `manifest.json`: documents in reading order. */
export interface Manifest {
  /** Format version; only 1 exists. */
  version: 1;
  /** Bundled documents in the order the library lists them. */
  documents: ManifestEntry[];
}

const documentIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const documentFilePattern = /^[A-Za-z0-9][A-Za-z0-9._-]*\.md$/;

/** True when `value` is a well-formed document id (lowercase slug, 1–100 characters). */
export function isDocumentId(value: unknown): value is DocumentId {
  return typeof value === 'string' && value.length <= 100 && documentIdPattern.test(value);
}

/** Brands `value` as a {@link DocumentId}; throws {@link DocumentError} when it is not a slug. */
export function toDocumentId(value: string): DocumentId {
  if (!isDocumentId(value)) {
    throw new DocumentError(`"${value}" is not a valid document id (lowercase letters, digits and single hyphens)`);
  }
  return value;
}

/**
 * Validates the JSON of `manifest.json` (already `JSON.parse`d).
 * Throws {@link DocumentError} naming the first problem: wrong version, unknown keys,
 * bad or duplicate ids, file names that are not plain `.md` names, duplicate files.
 */
export function parseManifest(json: unknown, fileName = 'manifest.json'): Manifest {
  const fail = (reason: string): never => {
    throw new DocumentError(reason, { fileName });
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail('the manifest must be a JSON object');
  const root = json as Record<string, unknown>;
  for (const key of Object.keys(root)) {
    if (key !== 'version' && key !== 'documents') fail(`unknown key "${key}" (allowed: version, documents)`);
  }
  if (root.version !== 1) fail(`"version" must be 1, found ${JSON.stringify(root.version)}`);
  if (!Array.isArray(root.documents)) fail('"documents" must be an array');
  const documents: ManifestEntry[] = [];
  const seenIds = new Set<string>();
  const seenFiles = new Set<string>();
  (root.documents as unknown[]).forEach((raw, index) => {
    const at = `documents[${index}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(`${at} must be an object with "id" and "file"`);
    const entry = raw as Record<string, unknown>;
    for (const key of Object.keys(entry)) {
      if (key !== 'id' && key !== 'file') fail(`${at}: unknown key "${key}" (allowed: id, file)`);
    }
    if (!isDocumentId(entry.id)) fail(`${at}: "id" must be a lowercase slug, found ${JSON.stringify(entry.id)}`);
    if (typeof entry.file !== 'string' || !documentFilePattern.test(entry.file)) {
      fail(`${at}: "file" must be a plain .md file name without folders, found ${JSON.stringify(entry.file)}`);
    }
    const id = entry.id as DocumentId;
    const file = entry.file as string;
    if (seenIds.has(id)) fail(`${at}: duplicate id "${id}"`);
    if (seenFiles.has(file)) fail(`${at}: duplicate file "${file}"`);
    seenIds.add(id);
    seenFiles.add(file);
    documents.push({ id, file });
  });
  return { version: 1, documents };
}
