/**
 * Moving added documents' texts between this computer and the team's sync server
 * (docs/architecture.md §6, "Document texts"). Pure of React; `fetch` is injectable.
 *
 * - Upload: every document of the project's registry whose text is here and that the
 *   server has not yet confirmed is PUT to `/documents/<project>/<id>`. Confirmations are
 *   kept in memory per server and project, for the life of the page. A network failure,
 *   a 5xx or a 429 ends the pass and retries it after a backoff (doubling, with jitter,
 *   at least the server's Retry-After); any other refusal (4xx) is reported once and that
 *   text is not sent again by this transfer — a refused token (401/403) stops every upload
 *   until the connection comes back.
 * - Fetch on demand: `fetchText(id)` returns the local text, or GETs it, checks it against
 *   its id (checkAddedText: it parses, and its content hash gives the id) and against the
 *   registry's hash, and only then keeps it locally. A text the server lacks is a
 *   {@link DocumentTextError} saying who has not uploaded it yet.
 * - Re-runs when the registry changes (root `d`) and when the connection comes back
 *   (`watchConnection`, or a call of `reconnected()`).
 */
import type * as Y from 'yjs';
import { checkAddedText } from '#shared/documents/added-text.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { listDocuments, readDocumentById } from '#shared/model/document-views.ts';
import { observeDocumentRegistry } from '#shared/model/document-watch.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import { getMember } from '#shared/model/members.ts';
import { DEFAULT_MAX_DOCUMENT_TEXT_BYTES, documentTextUrl, httpBaseOf } from '#shared/sync/document-urls.ts';

/** The texts kept on this computer, by document id. */
export interface LocalDocumentTexts {
  get(id: DocumentId): Promise<string | undefined>;
  put(id: DocumentId, source: string): Promise<void>;
}

/** What a transfer reports as it goes. */
export type TransferEvent =
  | { readonly kind: 'uploaded'; readonly id: DocumentId; readonly stored: boolean }
  | { readonly kind: 'refused'; readonly id: DocumentId; readonly status: number; readonly reason: string }
  | { readonly kind: 'retrying'; readonly inMs: number; readonly reason: string };

/** Why a text could not be had: not on the server yet, unreachable server, refused, or not the text its id names. */
export type DocumentTextProblem = 'not-uploaded' | 'offline' | 'refused' | 'corrupt';

/** A text that could not be fetched, with a sentence a person can act on. */
export class DocumentTextError extends Error {
  readonly problem: DocumentTextProblem;
  constructor(problem: DocumentTextProblem, message: string) {
    super(message);
    this.name = 'DocumentTextError';
    this.problem = problem;
  }
}

/** Backoff between upload passes that failed for a passing reason. */
export interface TransferBackoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

/** Options of {@link startDocumentTransfer}. */
export interface DocumentTransferOptions {
  /** The team's websocket URL (`ws://…` or `wss://…`), as in the team credentials. */
  readonly serverUrl: string;
  readonly token: string;
  readonly projectId: ProjectId;
  /** The project doc, whose registry (root `d`) lists the documents. */
  readonly doc: Y.Doc;
  readonly texts: LocalDocumentTexts;
  readonly fetch?: typeof fetch;
  readonly backoff?: TransferBackoff;
  readonly report?: (event: TransferEvent) => void;
  /** Largest text sent, in UTF-8 bytes; larger ones are reported refused (413) without sending. Default: the server's default limit. */
  readonly maxTextBytes?: number;
  /** Subscribes to the team connection coming back (returns the unsubscribe function); each call re-runs the uploads. */
  readonly watchConnection?: (onConnected: () => void) => () => void;
}

/** A running transfer for one project on one server. */
export interface DocumentTransfer {
  /** Runs an upload pass now (or after the one running); resolves when it is over. */
  sync(): Promise<void>;
  /** The text of `id`: local, or fetched, checked and kept. Rejects with a {@link DocumentTextError}. */
  fetchText(id: DocumentId): Promise<string>;
  /** True once the server has the text of `id`. */
  confirmed(id: DocumentId): boolean;
  /** The connection came back: clears the backoff and a token refusal, and uploads again. */
  reconnected(): void;
  /** Stops watching and retrying. */
  stop(): void;
}

/** The default backoff: 1 s doubling to a minute. */
export const DEFAULT_TRANSFER_BACKOFF: TransferBackoff = { initialMs: 1000, maxMs: 60_000 };

/** Texts the server confirmed, per `<http base> <project>`, for the life of the page. */
const confirmations = new Map<string, Set<DocumentId>>();

type Attempt = { readonly kind: 'done' } | { readonly kind: 'retry'; readonly afterMs: number; readonly reason: string } | { readonly kind: 'blocked' };

/** Starts the transfer: one upload pass at once, then on every registry change and reconnection. */
export function startDocumentTransfer(options: DocumentTransferOptions): DocumentTransfer {
  const base = httpBaseOf(options.serverUrl);
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const backoff = options.backoff ?? DEFAULT_TRANSFER_BACKOFF;
  const report = options.report ?? (() => undefined);
  const maxBytes = options.maxTextBytes ?? DEFAULT_MAX_DOCUMENT_TEXT_BYTES;
  const key = `${base} ${options.projectId}`;
  const confirmed = confirmations.get(key) ?? new Set<DocumentId>();
  confirmations.set(key, confirmed);
  const refused = new Set<DocumentId>();
  const fetching = new Map<DocumentId, Promise<string>>();
  const auth = { authorization: `Bearer ${options.token}` };
  let delayMs = backoff.initialMs;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let blocked = false;
  let stopped = false;

  const upload = async (id: DocumentId, source: string): Promise<Attempt> => {
    const bytes = new TextEncoder().encode(source).byteLength;
    if (bytes > maxBytes) {
      // Refused here rather than sent: a server may cut an oversized body off, which would read as a network failure.
      report({ kind: 'refused', id, status: 413, reason: `the text is ${bytes} bytes, over the server's limit of ${maxBytes}` });
      refused.add(id);
      return { kind: 'done' };
    }
    let response: Response;
    try {
      response = await doFetch(documentTextUrl(base, options.projectId, id), { method: 'PUT', headers: { ...auth, 'content-type': 'text/markdown; charset=utf-8' }, body: source });
    } catch (error) {
      return { kind: 'retry', afterMs: 0, reason: `the server cannot be reached (${error instanceof Error ? error.message : String(error)})` };
    }
    const reason = (await response.text().catch(() => '')).trim();
    if (response.ok) {
      confirmed.add(id);
      report({ kind: 'uploaded', id, stored: response.status === 201 });
      return { kind: 'done' };
    }
    if (response.status === 429 || response.status >= 500) {
      const retryAfter = Number(response.headers.get('retry-after'));
      return { kind: 'retry', afterMs: Number.isFinite(retryAfter) ? retryAfter * 1000 : 0, reason: `${response.status} ${reason}` };
    }
    report({ kind: 'refused', id, status: response.status, reason });
    if (response.status === 401 || response.status === 403) return { kind: 'blocked' };
    refused.add(id);
    return { kind: 'done' };
  };

  const pass = async (): Promise<void> => {
    for (const view of listDocuments(options.doc)) {
      if (stopped || blocked) return;
      if (confirmed.has(view.id) || refused.has(view.id)) continue;
      const source = await options.texts.get(view.id);
      if (source === undefined) continue;
      const attempt = await upload(view.id, source);
      if (attempt.kind === 'blocked') {
        blocked = true;
        return;
      }
      if (attempt.kind === 'retry') {
        const inMs = Math.max(attempt.afterMs, Math.round(delayMs * (0.8 + Math.random() * 0.4)));
        delayMs = Math.min(backoff.maxMs, delayMs * 2);
        report({ kind: 'retrying', inMs, reason: attempt.reason });
        schedule(inMs);
        return;
      }
    }
    delayMs = backoff.initialMs;
  };

  const schedule = (inMs: number): void => {
    if (timer !== null || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      void sync();
    }, inMs);
  };

  const sync = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await pass();
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const fetchRemote = async (id: DocumentId): Promise<string> => {
    const view = readDocumentById(options.doc, id);
    const title = view ? `"${view.title}"` : id;
    let response: Response;
    try {
      response = await doFetch(documentTextUrl(base, options.projectId, id), { headers: auth });
    } catch (error) {
      throw new DocumentTextError('offline', `The text of ${title} is not on this computer and the server cannot be reached (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (response.status === 404) {
      const who = (view && getMember(options.doc, view.addedBy)?.name) || 'the person who added it';
      throw new DocumentTextError('not-uploaded', `The text of ${title} is not uploaded yet by ${who}.`);
    }
    const source = await response.text();
    if (!response.ok) throw new DocumentTextError('refused', `The server refused the text of ${title}: ${response.status} ${source.trim()}`);
    const verdict = checkAddedText(source, id);
    if (!verdict.ok) throw new DocumentTextError('corrupt', `The server sent a text that is not ${title}: ${verdict.reason}. Nothing was kept.`);
    if (view && verdict.article.hash !== view.hash) {
      throw new DocumentTextError('corrupt', `The server sent a text of ${title} whose content hash differs from the project's record. Nothing was kept.`);
    }
    await options.texts.put(id, source);
    confirmed.add(id);
    return source;
  };

  const unwatch = observeDocumentRegistry(options.doc, () => void sync());

  const transfer: DocumentTransfer = {
    sync,
    async fetchText(id) {
      const local = await options.texts.get(id);
      if (local !== undefined) return local;
      let pending = fetching.get(id);
      if (!pending) {
        pending = fetchRemote(id).finally(() => fetching.delete(id));
        fetching.set(id, pending);
      }
      return pending;
    },
    confirmed: (id) => confirmed.has(id),
    reconnected() {
      blocked = false;
      delayMs = backoff.initialMs;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      void sync();
    },
    stop() {
      stopped = true;
      unwatch();
      unwatchConnection();
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
  const unwatchConnection = options.watchConnection?.(() => transfer.reconnected()) ?? (() => undefined);
  void sync();
  return transfer;
}
