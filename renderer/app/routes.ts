/**
 * Hash routes: `#/` is the library, `#/read/<document-id>` an article. Hash routing works
 * identically under app://marginalia/index.html and http://127.0.0.1/, survives reloads
 * (the reload test relies on it) and needs no server support.
 */

/** Where the user is. */
export type Route =
  | { readonly name: 'library' }
  | { readonly name: 'reader'; readonly documentId: string };

/** Parses `location.hash`; anything unknown is the library. */
export function parseRoute(hash: string): Route {
  const match = /^#\/read\/([^/?#]+)$/.exec(hash);
  if (match?.[1] !== undefined) {
    try {
      return { name: 'reader', documentId: decodeURIComponent(match[1]) };
    } catch {
      return { name: 'library' };
    }
  }
  return { name: 'library' };
}

/** Link to the library. */
export function libraryHref(): string {
  return '#/';
}

/** Link to an article. */
export function readerHref(documentId: string): string {
  return `#/read/${encodeURIComponent(documentId)}`;
}
