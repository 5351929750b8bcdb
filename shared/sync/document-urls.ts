/**
 * Where the sync server keeps the texts of added documents (docs/architecture.md §6): one
 * HTTP resource per project and document, `<base>/documents/<projectId>/<documentId>`,
 * on the same server (and port) as the project's websocket.
 *
 * A team's server is known by its websocket URL (`ws://…` or `wss://…`, from the invite);
 * its HTTP base is derived here and only here, so the app, the command line and the tests
 * can never disagree on it: `ws:` becomes `http:`, `wss:` becomes `https:`, host, port
 * and path are kept, a trailing slash, query and fragment are dropped.
 */
import { isDocumentId, type DocumentId } from '../documents/manifest.ts';
import { addedDocumentIdPrefix } from '../documents/hash.ts';
import type { ProjectId } from '../model/ids.ts';
import { isProjectId } from './rooms.ts';

/** The largest document text a server takes by default, in UTF-8 bytes (`--max-document-text-bytes`). */
export const DEFAULT_MAX_DOCUMENT_TEXT_BYTES = 20 * 1024 * 1024;

/** Path prefix of the document-text endpoints. */
export const DOCUMENT_TEXTS_PATH = '/documents/';

/**
 * The HTTP(S) base of a sync server given by its websocket URL (`ws://host:port/path` →
 * `http://host:port/path`). Throws on anything but a `ws:` or `wss:` URL.
 */
export function httpBaseOf(serverUrl: string): string {
  const match = /^(wss?):\/\/([^/?#\s]+)([^?#\s]*)(?:[?#]\S*)?$/i.exec(serverUrl.trim());
  if (!match) throw new Error(`a server address is ws://… or wss://…, got ${JSON.stringify(serverUrl)}`);
  const [, scheme = '', authority = '', path = ''] = match;
  return `${scheme.toLowerCase() === 'wss' ? 'https' : 'http'}://${authority}${path.replace(/\/+$/, '')}`;
}

/** The URL of one document's text on the server whose HTTP base is `base`. */
export function documentTextUrl(base: string, projectId: ProjectId, documentId: DocumentId): string {
  return `${base}${DOCUMENT_TEXTS_PATH}${encodeURIComponent(projectId)}/${encodeURIComponent(documentId)}`;
}

/** True for the id of a document people added (`doc-` + 16 hex digits), the only kind the server stores. */
export function isAddedDocumentId(value: unknown): value is DocumentId {
  return isDocumentId(value) && value.startsWith(addedDocumentIdPrefix) && /^[0-9a-f]{16}$/.test(value.slice(addedDocumentIdPrefix.length));
}

/** What a request path names: a project and an added document; null when it is no document-text path. */
export function parseDocumentTextPath(path: string): { projectId: ProjectId; documentId: DocumentId } | null | 'malformed' {
  if (!path.startsWith(DOCUMENT_TEXTS_PATH)) return null;
  const parts = path.slice(DOCUMENT_TEXTS_PATH.length).split('/');
  if (parts.length !== 2) return 'malformed';
  const [projectId, documentId] = parts;
  if (!isProjectId(projectId) || !isAddedDocumentId(documentId)) return 'malformed';
  return { projectId, documentId };
}
