/**
 * The library: one card per bundled article with its title (supplied titles marked),
 * author and publisher as the source states them, and the furthest reading progress. An
 * article that failed to load gets an error card saying why; the others open normally.
 */
import type { LibraryEntry } from '../services/documents.ts';
import type { ReadingPositionStore } from '../services/reading-positions.ts';
import { ProgressBar } from '../ui/ProgressBar.tsx';
import { SuppliedTitleMark } from '../ui/SuppliedTitleMark.tsx';
import { readerHref } from '../app/routes.ts';

/** Props of {@link Library}. */
export interface LibraryProps {
  readonly entries: readonly LibraryEntry[];
  readonly positions: ReadingPositionStore;
}

function ReadyCard({ entry, positions }: { entry: Extract<LibraryEntry, { status: 'ready' }>; positions: ReadingPositionStore }) {
  const { meta } = entry.article;
  const progress = positions.get(meta.id)?.progress ?? 0;
  return (
    <li className="library-card" data-document-id={meta.id}>
      <h2 className="library-card__title">
        <a href={readerHref(meta.id)} className="library-card__link">{meta.title}</a>
        {meta.titleSupplied && <> <SuppliedTitleMark /></>}
      </h2>
      <dl className="library-card__facts">
        <div><dt>Author</dt><dd className="library-card__author">{meta.author ?? 'Unknown author'}</dd></div>
        <div><dt>Publisher</dt><dd className="library-card__publisher">{meta.publisher ?? 'Unknown publisher'}</dd></div>
      </dl>
      <ProgressBar value={progress} label={`Reading progress of ${meta.title}`} />
    </li>
  );
}

function ErrorCard({ entry }: { entry: Extract<LibraryEntry, { status: 'error' }> }) {
  return (
    <li className="library-card library-card--error" data-document-id={entry.id}>
      <h2 className="library-card__title">This article could not be opened</h2>
      <p className="library-card__file"><code>{entry.file}</code></p>
      <p className="library-card__error" role="alert">{entry.message}</p>
      <p className="library-card__hint">The other articles are not affected. Restore the file, then reload.</p>
    </li>
  );
}

/** The library grid. */
export function Library({ entries, positions }: LibraryProps) {
  const failed = entries.filter((entry) => entry.status === 'error').length;
  return (
    <section className="library" aria-labelledby="library-heading">
      <header className="library__header">
        <h1 id="library-heading">Library</h1>
        <p className="library__summary">
          {entries.length} article{entries.length === 1 ? '' : 's'}
          {failed > 0 && ` · ${failed} could not be opened`}
        </p>
      </header>
      <ul className="library__list">
        {entries.map((entry) => entry.status === 'ready'
          ? <ReadyCard key={entry.id} entry={entry} positions={positions} />
          : <ErrorCard key={entry.id} entry={entry} />)}
      </ul>
    </section>
  );
}
