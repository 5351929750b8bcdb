/**
 * The loaded library as an external store: loading starts once at startup (outside React,
 * so StrictMode's double effects never fetch twice) and components read it with
 * `useSyncExternalStore`.
 */
import { loadLibrary, type FetchText, type LibraryLoad } from '../services/documents.ts';

/** Loading, or the result of loading. */
export type LibraryState = { readonly status: 'loading' } | LibraryLoad;

/** A subscribable, load-once library. */
export interface LibraryStore {
  getSnapshot(): LibraryState;
  subscribe(listener: () => void): () => void;
}

/** Starts loading the library with `fetcher` and returns the store. */
export function createLibraryStore(fetcher: FetchText): LibraryStore {
  let state: LibraryState = { status: 'loading' };
  const listeners = new Set<() => void>();
  void loadLibrary(fetcher).then((loaded) => {
    state = loaded;
    for (const listener of [...listeners]) listener();
  });
  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
