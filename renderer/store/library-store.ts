/**
 * The loaded library as an external store: loading starts once at startup (outside React,
 * so StrictMode's double effects never fetch twice) and components read it with
 * `useSyncExternalStore`.
 *
 * It joins the bundled articles with the project's added documents (added-documents.ts):
 * `entries` holds every article that can be opened — the bundled ones in manifest order,
 * then each added document whose text is here (old versions and trashed ones too, so
 * their highlights keep their titles and the old text stays readable) — which is what the
 * reader, the panels, the exports and the analysis work from; `bundled` and `added` are
 * what the library shows.
 */
import { loadLibrary, type FetchText, type LibraryEntry } from '../services/documents.ts';
import type { AddedDocumentEntry, AddedDocuments } from './added-documents.ts';

/** Loading, or the result of loading. */
export type LibraryState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | {
    readonly status: 'ready';
    /** Every article that opens: bundled, then added documents whose text is here. */
    readonly entries: readonly LibraryEntry[];
    /** The bundled articles (and those that failed to load). */
    readonly bundled: readonly LibraryEntry[];
    /** Every added document of the project, with its text's state. */
    readonly added: readonly AddedDocumentEntry[];
  };

/** A subscribable, load-once library. */
export interface LibraryStore {
  getSnapshot(): LibraryState;
  subscribe(listener: () => void): () => void;
  /** The project's added documents (null where the library has only bundled articles). */
  readonly addedDocuments: AddedDocuments | null;
}

/** The library's entries for the added documents whose text is here. */
function addedEntries(added: readonly AddedDocumentEntry[]): LibraryEntry[] {
  return added.flatMap((entry) => (entry.text.status === 'ready' ? [{ status: 'ready' as const, id: entry.view.id, file: entry.view.fileName, article: entry.text.article }] : []));
}

/** The articles the library lists (sidebar, cards): bundled, then added documents in the library whose text is here. */
export function listedEntries(state: Extract<LibraryState, { status: 'ready' }>): readonly LibraryEntry[] {
  return [...state.bundled, ...addedEntries(state.added.filter((entry) => entry.listed))];
}

/** Starts loading the library with `fetcher` and returns the store; `added` joins the project's added documents. */
export function createLibraryStore(fetcher: FetchText, added: AddedDocuments | null = null): LibraryStore {
  let bundled: LibraryState = { status: 'loading' };
  let state: LibraryState = bundled;
  const listeners = new Set<() => void>();
  const refresh = (): void => {
    if (bundled.status === 'ready') {
      const addedNow = added?.getSnapshot() ?? [];
      state = { status: 'ready', bundled: bundled.bundled, added: addedNow, entries: [...bundled.bundled, ...addedEntries(addedNow)] };
    } else {
      state = bundled;
    }
    for (const listener of [...listeners]) listener();
  };
  void loadLibrary(fetcher).then((loaded) => {
    bundled = loaded.status === 'ready' ? { status: 'ready', entries: loaded.entries, bundled: loaded.entries, added: [] } : loaded;
    refresh();
  });
  added?.subscribe(refresh);
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    addedDocuments: added,
  };
}
