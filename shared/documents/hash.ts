/**
 * Content hash of a canonical text: `sha256:` followed by the lowercase hex SHA-256 of
 * its UTF-8 bytes.
 *
 * Highlights store the hash of the text they were made on; when it still matches, their
 * offsets are trusted as is. lib0's hashing runs in every environment (pure JS in the
 * browser, node:crypto under Node) and gives identical results, so the renderer, the main
 * process and the command line agree without any platform API in shared code.
 */
import { toHexString } from 'lib0/buffer';
import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';

/** Prefix naming the algorithm, so a later change of algorithm is visible in stored data. */
export const contentHashPrefix = 'sha256:';

/** `sha256:<64 hex digits>` of the UTF-8 encoding of `text`. */
export function contentHash(text: string): string {
  return contentHashPrefix + toHexString(digest(encodeUtf8(text)));
}

/** Prefix of the ids of documents people add themselves (bundled articles have slugs). */
export const addedDocumentIdPrefix = 'doc-';

/**
 * The id of an added document whose canonical text has content hash `hash`: `doc-` and the
 * first 16 hex digits of the digest. Derived from the text alone, so the same file added by
 * two people offline gets the same id.
 */
export function addedDocumentId(hash: string): string {
  const digits = hash.startsWith(contentHashPrefix) ? hash.slice(contentHashPrefix.length) : hash;
  return addedDocumentIdPrefix + digits.slice(0, 16);
}
