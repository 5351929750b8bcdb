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
