/**
 * The application root: reads the route and the library, routes between the library and
 * the reader, and turns the "show library" command into navigation. Everything else lives
 * in the screens.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { ReadingPositionStore } from '../services/reading-positions.ts';
import type { CommandBus } from '../store/command-bus.ts';
import { listedEntries, type LibraryStore } from '../store/library-store.ts';
import { LibraryScreen } from '../library/LibraryScreen.tsx';
import { ReaderScreen } from './ReaderScreen.tsx';
import { MissingTextNotice } from './MissingTextNotice.tsx';
import { Shell } from '../ui/Shell.tsx';
import { libraryHref, parseRoute } from './routes.ts';

/** Services the app is started with (created once in main.tsx). */
export interface AppProps {
  readonly library: LibraryStore;
  readonly positions: ReadingPositionStore;
  readonly commands: CommandBus;
}

function subscribeHash(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function Notice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Shell
      context={title}
      sidebarLabel="Library"
      sidebar={<a className="sidebar__heading-link" href={libraryHref()}>Library</a>}
      mainLabel={title}
      main={<section className="notice"><h1>{title}</h1>{children}</section>}
      marginShown={false}
      status={<span className="status-bar__meta">{title}</span>}
    />
  );
}

/** The root component. */
export function App({ library, positions, commands }: AppProps) {
  const hash = useSyncExternalStore(subscribeHash, () => window.location.hash);
  const state = useSyncExternalStore(library.subscribe, library.getSnapshot);
  const route = parseRoute(hash);

  useEffect(() => commands.subscribe((command) => {
    if (command === 'show-library') window.location.hash = libraryHref();
  }), [commands]);

  useEffect(() => {
    document.title = 'Marginalia';
  }, [route.name]);

  if (state.status === 'loading') return <Notice title="Loading library…"><p>Reading the bundled articles.</p></Notice>;
  if (state.status === 'error') return <Notice title="The library could not be loaded"><p role="alert">{state.message}</p></Notice>;

  if (route.name === 'reader') {
    const entry = state.entries.find((candidate) => candidate.id === route.documentId);
    const added = state.added.find((candidate) => candidate.view.id === route.documentId);
    if (entry === undefined && added !== undefined) {
      const waiting = added.text.status === 'loading';
      return (
        <Notice title={waiting ? 'Opening…' : 'Text not downloaded yet'}>
          <MissingTextNotice entry={added} addedDocuments={library.addedDocuments} />
        </Notice>
      );
    }
    if (entry === undefined) {
      return <Notice title="Article not found"><p>No article has the id “{route.documentId}”. <a href={libraryHref()}>Back to the library</a>.</p></Notice>;
    }
    if (entry.status === 'error') {
      return <Notice title="This article could not be opened"><p role="alert">{entry.message}</p><p><a href={libraryHref()}>Back to the library</a></p></Notice>;
    }
    return <ReaderScreen key={entry.id} article={entry.article} entries={listedEntries(state)} positions={positions} commands={commands} />;
  }
  return <LibraryScreen entries={state.bundled} listed={listedEntries(state)} added={state.added} addedDocuments={library.addedDocuments} positions={positions} commands={commands} />;
}
