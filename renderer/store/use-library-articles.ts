/**
 * The loaded articles of the library store, for the annotation panels: document titles
 * instead of ids, and the article texts the corpus-wide unanchored list anchors against.
 * Memoised on the store's snapshot, which is replaced only when loading finishes.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { Article } from '#shared/documents/article.ts';
import type { LibraryState, LibraryStore } from './library-store.ts';

/** The articles that loaded, in manifest order (empty while loading or after a failure). */
export function loadedArticles(state: LibraryState): readonly Article[] {
  return state.status === 'ready' ? state.entries.flatMap((entry) => (entry.status === 'ready' ? [entry.article] : [])) : [];
}

/** Document id → title of the loaded articles; unknown ids read as the id itself. */
export function documentTitles(articles: readonly Article[]): (documentId: string) => string {
  const titles = new Map(articles.map((article) => [article.meta.id as string, article.meta.title]));
  return (documentId) => titles.get(documentId) ?? documentId;
}

/** The loaded articles of `library`, re-read when the store changes. */
export function useLibraryArticles(library: LibraryStore): readonly Article[] {
  const state = useSyncExternalStore(library.subscribe, library.getSnapshot);
  return useMemo(() => loadedArticles(state), [state]);
}

const NO_IDS: ReadonlySet<string> = new Set();

/** Ids of added documents replaced by a newer version, re-read when the store changes. */
export function useReplacedDocuments(library: LibraryStore): ReadonlySet<string> {
  const state = useSyncExternalStore(library.subscribe, library.getSnapshot);
  return useMemo(() => {
    if (state.status !== 'ready') return NO_IDS;
    const ids = state.added.filter((entry) => entry.view.next !== null).map((entry) => entry.view.id as string);
    return ids.length === 0 ? NO_IDS : new Set(ids);
  }, [state]);
}
