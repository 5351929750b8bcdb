/**
 * The project's added documents as the library sees them: every record of the registry
 * (#shared/model/document-views.ts) with the state of its text on this computer — loaded
 * (an `Article`, titled as the registry says now), not downloaded yet, or unreadable.
 *
 * Created once outside React. It follows the project doc (a teammate's addition arrives
 * through sync and shows at once) and the text store (a text stored here or arriving from
 * the server is parsed and shown). Texts never change under an id, so each is parsed once.
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
  | { readonly status: 'missing'; readonly downloading: boolean; readonly failure: string | null }
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
}

/** Options of {@link createAddedDocuments}. */
export interface AddedDocumentsOptions {
  readonly doc: Y.Doc;
  readonly texts: DocumentTextStore;
  /** Null until a server transfer exists. */
  readonly fetchText?: FetchDocumentText | null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Starts following `doc` and `texts`. */
export function createAddedDocuments({ doc, texts, fetchText = null }: AddedDocumentsOptions): AddedDocuments {
  const parsed = new Map<string, AddedText>();
  const titled = new Map<string, { key: string; article: Article }>();
  const listeners = new Set<() => void>();
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

  const readRegistry = (): void => {
    const next = listDocuments(doc);
    const key = JSON.stringify(next);
    if (key === viewsKey) return;
    views = next;
    viewsKey = key;
    for (const view of views) {
      if (!parsed.has(view.id)) {
        parsed.set(view.id, { status: 'loading' });
        void load(view.id);
      }
    }
    rebuild();
  };

  let scheduled = false;
  doc.on('update', () => {
    if (scheduled) return;
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
    async download(id) {
      if (fetchText === null) return;
      parsed.set(id, { status: 'missing', downloading: true, failure: null });
      rebuild();
      try {
        const source = await fetchText(id);
        if (source === undefined) throw new Error('nobody has shared this text with the server yet');
        await texts.put(id, source);
        await load(id);
      } catch (error) {
        // A text kept in memory only (storage failed) still opens this session.
        await load(id);
        if (parsed.get(id)?.status !== 'ready') parsed.set(id, { status: 'missing', downloading: false, failure: describe(error) });
        rebuild();
      }
    },
  };
}
