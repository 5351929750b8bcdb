/**
 * The HTTP endpoints for added documents' texts, on the same front door as the rooms
 * (docs/architecture.md §6, electron/server/README.md "Document texts"):
 *
 * - `PUT /documents/<projectId>/<documentId>`: the article file, UTF-8. Refused with 413
 *   as soon as it is known to exceed `maxDocumentTextBytes` (from Content-Length before
 *   reading anything, else while reading, never buffering more than the limit); with 422
 *   and the reason when it is not UTF-8, does not parse, or its content hash does not give
 *   `<documentId>` (checked in a worker thread, text-checker.ts). A text is immutable: an
 *   id already stored answers 200 and nothing is rewritten; a new one 201.
 * - `GET` (and `HEAD`): 200 with the text, `text/markdown; charset=utf-8`, ETag = the id,
 *   cached for a year as immutable; 304 on a matching If-None-Match; 404 when absent.
 *
 * Every request carries `Authorization: Bearer <token>`, checked as a room's token is
 * (`verifyToken`: read from the store at every request, so a revocation anywhere — the
 * CLI, another instance over PostgreSQL — refuses the next request): 401 without a token
 * or with an unknown one, 403 when it is revoked or for another project. Each token has a
 * request rate and a byte rate (429 with Retry-After), and uploads in flight are capped
 * server-wide (503). Browser pages get CORS answers for the origins the websocket accepts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DocumentId } from '#shared/documents/manifest.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import { REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { parseDocumentTextPath } from '#shared/sync/document-urls.ts';
import { originMatcher } from './front-door.ts';
import { logEntry } from './server-log.ts';
import type { SyncServerLogger } from './server-log.ts';
import { APP_ORIGIN, createRateBucket } from './server-limits.ts';
import type { RateBucket, ServerLimits } from './server-limits.ts';
import type { AccessStore, TextStore } from './server-store.ts';
import { createTextChecker } from './text-checker.ts';

/** The document-text endpoints of one server. */
export interface TextEndpoints {
  /** Answers `request` if it is a document-text request (true), or leaves it (false). */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** Stops the checker thread. */
  close(): Promise<void>;
}

interface TokenBuckets {
  readonly requests: RateBucket;
  readonly bytes: RateBucket;
}

type Target = { readonly projectId: ProjectId; readonly documentId: DocumentId };

const IMMUTABLE_CACHE = 'private, max-age=31536000, immutable';

/** Creates the endpoints over the server's token and text stores. */
export function createTextEndpoints(input: {
  readonly tokens: AccessStore;
  readonly texts: TextStore;
  readonly limits: ServerLimits;
  readonly log: SyncServerLogger;
}): TextEndpoints {
  const { tokens, texts, limits, log } = input;
  const originAllowed = originMatcher([APP_ORIGIN, ...limits.allowedOrigins]);
  const checker = createTextChecker();
  const buckets = new Map<string, TokenBuckets>();
  let uploadsInFlight = 0;

  const bucketsOf = (tokenId: string): TokenBuckets => {
    let found = buckets.get(tokenId);
    if (!found) {
      found = {
        requests: createRateBucket(limits.tokenTextRequestsPerSecond, limits.tokenTextRequestBurst),
        bytes: createRateBucket(limits.tokenTextBytesPerSecond, limits.tokenTextByteBurst),
      };
      buckets.set(tokenId, found);
    }
    return found;
  };

  const serve = async (request: IncomingMessage, response: ServerResponse, path: string): Promise<void> => {
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!originAllowed(origin)) return answer(response, 403, `origin ${origin} is not allowed`);
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('vary', 'Origin');
      response.setHeader('access-control-expose-headers', 'ETag, Retry-After');
    }
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'access-control-allow-methods': 'GET, HEAD, PUT',
        'access-control-allow-headers': 'authorization, content-type, if-none-match',
        'access-control-max-age': '600',
      });
      response.end();
      return;
    }
    const target = parseDocumentTextPath(path);
    if (target === null || target === 'malformed') {
      return answer(response, 404, 'not a document address: /documents/<project id>/<added document id>');
    }
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD' && method !== 'PUT') {
      response.setHeader('allow', 'GET, HEAD, PUT');
      return answer(response, 405, `${method} is not allowed here`);
    }
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer === undefined) {
      response.setHeader('www-authenticate', 'Bearer');
      return answer(response, 401, REFUSAL_REASONS.tokenRequired);
    }
    const verdict = await tokens.verifyToken(bearer, target.projectId);
    if (!verdict.ok) {
      log(logEntry('text-refused', { ...target, tokenId: verdict.tokenId, reason: verdict.reason }));
      const status = verdict.reason === REFUSAL_REASONS.tokenRevoked || verdict.reason === REFUSAL_REASONS.wrongProject ? 403 : 401;
      return answer(response, status, verdict.reason);
    }
    const tokenId = verdict.record.id;
    const rates = bucketsOf(tokenId);
    if (!rates.requests.take()) {
      return refuseRate(response, `over ${limits.tokenTextRequestsPerSecond} document requests/s (burst ${limits.tokenTextRequestBurst}) for token ${tokenId}`);
    }
    if (method === 'PUT') return receive(request, response, target, tokenId, rates);
    const text = await texts.get(target.projectId, target.documentId);
    if (text === null) return answer(response, 404, `${target.documentId} has not been uploaded to this project yet`);
    const etag = `"${target.documentId}"`;
    const cached = { etag, 'cache-control': IMMUTABLE_CACHE };
    if ((request.headers['if-none-match'] ?? '').split(/\s*,\s*/).includes(etag)) {
      response.writeHead(304, cached);
      response.end();
      return;
    }
    const body = Buffer.from(text, 'utf8');
    if (method === 'GET' && !rates.bytes.take(body.byteLength)) {
      return refuseRate(response, `over ${limits.tokenTextBytesPerSecond} document bytes/s (burst ${limits.tokenTextByteBurst}) for token ${tokenId}`);
    }
    response.writeHead(200, { ...cached, 'content-type': 'text/markdown; charset=utf-8', 'content-length': String(body.byteLength) });
    response.end(method === 'HEAD' ? undefined : body);
  };

  const receive = async (request: IncomingMessage, response: ServerResponse, target: Target, tokenId: string, rates: TokenBuckets): Promise<void> => {
    const max = limits.maxDocumentTextBytes;
    const declared = Number(request.headers['content-length'] ?? NaN);
    if (declared > max) return tooLarge(request, response, target, tokenId, `the text is ${declared} bytes, over the limit of ${max}`);
    if (uploadsInFlight >= limits.maxTextUploadsInFlight) {
      response.setHeader('retry-after', '1');
      return answer(response, 503, `${uploadsInFlight} document uploads are in progress (limit ${limits.maxTextUploadsInFlight}); try again`, request);
    }
    if (Number.isFinite(declared) && !rates.bytes.take(declared)) {
      return refuseRate(response, `over ${limits.tokenTextBytesPerSecond} document bytes/s (burst ${limits.tokenTextByteBurst}) for token ${tokenId}`, request);
    }
    uploadsInFlight++;
    try {
      const body = await readAtMost(request, max);
      if (body === null) return tooLarge(request, response, target, tokenId, `the text is over the limit of ${max} bytes`);
      if (!Number.isFinite(declared) && !rates.bytes.take(body.byteLength)) {
        return refuseRate(response, `over ${limits.tokenTextBytesPerSecond} document bytes/s (burst ${limits.tokenTextByteBurst}) for token ${tokenId}`);
      }
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      } catch {
        return unprocessable(response, target, tokenId, 'the text is not valid UTF-8');
      }
      const stored = await texts.get(target.projectId, target.documentId);
      if (stored !== null && stored === text) return answer(response, 200, `${target.documentId} is already stored`);
      const reason = await checker.check(text, target.documentId);
      if (reason !== null) return unprocessable(response, target, tokenId, reason);
      const outcome = await texts.put(target.projectId, target.documentId, text, body.byteLength);
      log(logEntry('text-stored', { ...target, tokenId, bytes: body.byteLength, outcome }));
      return outcome === 'stored' ? answer(response, 201, `${target.documentId} stored`) : answer(response, 200, `${target.documentId} is already stored`);
    } finally {
      uploadsInFlight--;
    }
  };

  const tooLarge = (request: IncomingMessage, response: ServerResponse, target: Target, tokenId: string, reason: string): void => {
    log(logEntry('text-refused', { ...target, tokenId, status: 413, reason }));
    answer(response, 413, reason, request);
  };

  const unprocessable = (response: ServerResponse, target: Target, tokenId: string, reason: string): void => {
    log(logEntry('text-refused', { ...target, tokenId, status: 422, reason }));
    answer(response, 422, reason);
  };

  const refuseRate = (response: ServerResponse, reason: string, request?: IncomingMessage): void => {
    log(logEntry('text-refused', { status: 429, reason }));
    response.setHeader('retry-after', '1');
    answer(response, 429, reason, request);
  };

  return {
    handle(request, response) {
      const path = (request.url ?? '/').split('?')[0] ?? '/';
      if (parseDocumentTextPath(path) === null) return false;
      serve(request, response, path).catch((error: unknown) => {
        log(logEntry('text-failed', { path, error: String(error) }));
        if (!response.headersSent) answer(response, 503, 'the server could not store or read the text; try again', request);
        else response.destroy();
      });
      return true;
    },
    close: () => checker.close(),
  };
}

/**
 * Answers with a plain-text reason. With `unread` (a request whose body is not read), the
 * connection is closed after the answer, so that no more of the body is taken in.
 */
function answer(response: ServerResponse, status: number, reason: string, unread?: IncomingMessage): void {
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };
  if (unread && !unread.complete) headers.connection = 'close';
  response.writeHead(status, headers);
  response.end(`${reason}\n`);
  if (unread && !unread.complete) response.once('finish', () => unread.socket.destroySoon?.());
}

/** The request body, or null as soon as it exceeds `max` bytes (then reading stops). */
function readAtMost(request: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const onData = (chunk: Buffer): void => {
      total += chunk.byteLength;
      if (total > max) {
        request.off('data', onData);
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks, total)));
    request.once('error', reject);
  });
}
