/**
 * The project's added documents as the library sees them: every record of the registry
 * (#shared/model/document-views.ts) with the state of its text on this computer — loaded
 * (an `Article`, titled as the registry says now), not downloaded yet, or unreadable.
 *
 * Created once outside React. It follows the project doc (a teammate's addition arrives
 * through sync and shows at once) and the text store (a text stored here or arriving from
 * the server is parsed and shown). Texts never change under an id, so each is parsed once.
 * With a fetcher (the team's document transfer), a text missing here is downloaded in the
 * background as soon as its record appears; a text the server does not have yet, or an
 * unreachable server, is tried again after a growing pause (a Retry tries at once).
 */
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import { listDocuments, type DocumentView } from '#shared/model/document-views.ts';
import { checkDocumentText } from './document-text-check.ts';
import type { DocumentTextStore } from './document-texts.ts';

/** The state of one added document's text here. */
export type AddedText =
  | { readonly status: 'ready'; readonly article: Article }
  | { readonly status: 'loading' }
  | { readonly status: 'missing'; readonly downloading: boolean; readonly failure: string | null; readonly notUploaded?: boolean }
  | { readonly status: 'error'; readonly message: string };

/** One registry record with its text. */
export interface AddedDocumentEntry {
  readonly view: DocumentView;
  readonly text: AddedText;
  /** Shown in the library: neither in the trash nor replaced by a newer version. */
  readonly listed: boolean;
}

/** Fetches a text that is not here (the transfer module); resolves undefined when nobody has it. */
export type FetchDocumentText = (id: string) => Promise<string | undefined>;

/** The subscribable list of added documents. */
export interface AddedDocuments {
  getSnapshot(): readonly AddedDocumentEntry[];
  subscribe(listener: () => void): () => void;
  /** Where the texts are stored (adding a file stores its text here first). */
  readonly texts: DocumentTextStore;
  /** True when a fetcher was given: a missing text can be downloaded. */
  readonly canDownload: boolean;
  /** Downloads a missing text through the fetcher and stores it. */
  download(id: string): Promise<void>;
  /** The text of `id`: here, or downloaded through the fetcher; undefined when neither has it. Rejects when a download fails. */
  textOf(id: string): Promise<string | undefined>;
}

/** Options of {@link createAddedDocuments}. */
export interface AddedDocumentsOptions {
  readonly doc: Y.Doc;
  readonly texts: DocumentTextStore;
  /** Null where no server can send texts (no team sync). */
  readonly fetchText?: FetchDocumentText | null;
  /** Pauses before trying a failed background download again (ms); the last repeats. */
  readonly retryDelaysMs?: readonly number[];
}

/** Default pauses between background download attempts. */
export const DOWNLOAD_RETRY_DELAYS_MS: readonly number[] = [2000, 4000, 8000, 15_000, 30_000, 60_000];

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Starts following `doc` and `texts`. */
export function createAddedDocuments({ doc, texts, fetchText = null, retryDelaysMs = DOWNLOAD_RETRY_DELAYS_MS }: AddedDocumentsOptions): AddedDocuments {
  const parsed = new Map<string, AddedText>();
  const titled = new Map<string, { key: string; article: Article }>();
  const listeners = new Set<() => void>();
  const attempts = new Map<string, number>();
  const retries = new Map<string, ReturnType<typeof setTimeout>>();
  let views: readonly DocumentView[] = [];
  let viewsKey = '';
  let snapshot: readonly AddedDocumentEntry[] = [];

  const withRegistryMeta = (view: DocumentView, article: Article): Article => {
    const key = JSON.stringify([view.title, view.titleSupplied, view.author]);
    const cached = titled.get(view.id);
    if (cached !== undefined && cached.key === key) return cached.article;
    const next = { ...article, meta: { ...article.meta, title: view.title, titleSupplied: view.titleSupplied, author: view.author } };
    titled.set(view.id, { key, article: next });
    return next;
  };

  const rebuild = (): void => {
    snapshot = views.map((view) => {
      const text = parsed.get(view.id) ?? { status: 'loading' as const };
      return {
        view,
        listed: view.deleted === null && view.next === null,
        text: text.status === 'ready' ? { status: 'ready' as const, article: withRegistryMeta(view, text.article) } : text,
      };
    });
    for (const listener of [...listeners]) listener();
  };

  const load = async (id: string): Promise<void> => {
    try {
      const source = await texts.get(id);
      parsed.set(id, source === undefined ? { status: 'missing', downloading: false, failure: null } : { status: 'ready', article: checkDocumentText(id, source) });
    } catch (error) {
      parsed.set(id, { status: 'error', message: describe(error) });
    }
    rebuild();
  };

  const isMissing = (id: string): boolean => parsed.get(id)?.status === 'missing';

  const download = async (id: string): Promise<void> => {
    if (fetchText === null) return;
    const known = parsed.get(id);
    if (known?.status === 'missing' && known.downloading) return;
    clearTimeout(retries.get(id));
    retries.delete(id);
    parsed.set(id, { status: 'missing', downloading: true, failure: null });
    rebuild();
    try {
      const source = await fetchText(id);
      if (source === undefined) throw new Error('nobody has shared this text with the server yet');
      await texts.put(id, source).catch(() => undefined);
      await load(id);
      if (!isMissing(id)) attempts.delete(id);
    } catch (error) {
      // A text kept in memory only (storage failed) still opens this session.
      await load(id);
      if (!isMissing(id)) return;
      const problem = (error as { problem?: unknown }).problem;
      parsed.set(id, { status: 'missing', downloading: false, failure: describe(error), notUploaded: problem === 'not-uploaded' });
      rebuild();
      if (problem === 'not-uploaded' || problem === 'offline') retryLater(id);
    }
  };

  const retryLater = (id: string): void => {
    const attempt = attempts.get(id) ?? 0;
    attempts.set(id, attempt + 1);
    const delay = retryDelaysMs[Math.min(attempt, retryDelaysMs.length - 1)] ?? 60_000;
    retries.set(id, setTimeout(() => {
      retries.delete(id);
      if (isMissing(id)) void download(id);
    }, delay));
  };

  const loadThenFetch = async (id: string): Promise<void> => {
    await load(id);
    const known = parsed.get(id);
    if (known?.status === 'missing' && !known.downloading && known.failure === null) void download(id);
  };

  const readRegistry = (): void => {
    const next = listDocuments(doc);
    const key = JSON.stringify(next);
    if (key === viewsKey) return;
    views = next;
    viewsKey = key;
    for (const view of views) {
      if (!parsed.has(view.id)) {
        parsed.set(view.id, { status: 'loading' });
        void loadThenFetch(view.id);
      }
    }
    rebuild();
  };

  let scheduled = false;
  // afterTransaction rather than 'update': an update listener makes Yjs encode every
  // transaction's update (the whole project's, as it loads) only for it to be ignored here.
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (scheduled || transaction.changed.size === 0) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      readRegistry();
    });
  });
  texts.subscribe((id) => {
    const known = parsed.get(id);
    if (known === undefined || known.status !== 'ready') void load(id);
  });
  readRegistry();

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    texts,
    canDownload: fetchText !== null,
    download,
    async textOf(id) {
      const local = await texts.get(id);
      if (local !== undefined || fetchText === null) return local;
      return fetchText(id);
    },
  };
}
