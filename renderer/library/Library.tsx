/**
 * The library: one card per bundled article with its title (supplied titles marked),
 * author and publisher as the source states them, how many highlights and notes the open
 * project carries on it (yours and the team's, once annotating can start), and the furthest
 * reading progress. An
 * article that failed to load gets an error card saying why; the others open normally.
 * A readable card is a link as a whole, so the entire card is the target a person aims at.
 * Progress follows the position store, so the reader's last save shows as soon as it lands.
 */
import { useId, useSyncExternalStore } from 'react';
import type { LibraryEntry } from '../services/documents.ts';
import type { ReadingPositionStore } from '../services/reading-positions.ts';
import { ProgressBar, formatPercent } from '../ui/ProgressBar.tsx';
import { SuppliedTitleMark } from '../ui/SuppliedTitleMark.tsx';
import { readerHref } from '../app/routes.ts';
import type { ArticleCounts } from '../store/project-summary.ts';
import { useArticleCounts } from './use-article-counts.ts';

/** Props of {@link Library}. */
export interface LibraryProps {
  readonly entries: readonly LibraryEntry[];
  readonly positions: ReadingPositionStore;
}

/**
 * A readable article's card: the whole card is one link (one Tab stop, Enter opens it, a
 * click anywhere on it opens it), named by its own text: title, author, publisher, progress.
 */
function ReadyCard({ entry, positions, counts }: { entry: Extract<LibraryEntry, { status: 'ready' }>; positions: ReadingPositionStore; counts: ArticleCounts | null }) {
  const { meta } = entry.article;
  const progress = positions.get(meta.id)?.progress ?? 0;
  const id = useId();
  return (
    <li className="library-card" data-document-id={meta.id}>
      <a href={readerHref(meta.id)} className="library-card__link">
        <h2 className="library-card__title">
          <span id={`${id}-title`}>{meta.title}</span>
          {meta.titleSupplied && <> <SuppliedTitleMark /></>}
        </h2>
        <dl className="library-card__facts" id={`${id}-facts`}>
          <div><dt>Author</dt><dd className="library-card__author">{meta.author ?? 'Unknown author'}</dd></div>
          <div><dt>Publisher</dt><dd className="library-card__publisher">{meta.publisher ?? 'Unknown publisher'}</dd></div>
        </dl>
        {counts !== null && <CountsLine counts={counts} />}
        <ProgressBar value={progress} label={`Reading progress of ${meta.title}`} />
        <span className="visually-hidden" id={`${id}-progress`}>{formatPercent(progress)} read</span>
      </a>
    </li>
  );
}

/** "Highlights 2 yours · 1 team’s   Notes 1 yours · 0 team’s", or that there are none yet (shown once annotating can start). */
function CountsLine({ counts }: { counts: ArticleCounts }) {
  const pair = (label: string, kind: 'highlights' | 'notes') => (
    <div data-testid={`article-${kind}`}>
      <dt>{label}</dt>
      <dd><span data-count="yours">{counts[kind].yours}</span> yours · <span data-count="team">{counts[kind].team}</span> team’s</dd>
    </div>
  );
  if (counts.highlights.yours + counts.highlights.team + counts.notes.yours + counts.notes.team === 0) {
    return <p className="library-card__counts library-card__counts--none" data-testid="article-counts">No highlights or notes yet</p>;
  }
  return (
    <dl className="library-card__facts library-card__counts" data-testid="article-counts">
      {pair('Highlights', 'highlights')}
      {pair('Notes', 'notes')}
    </dl>
  );
}

const NONE: ArticleCounts = { highlights: { yours: 0, team: 0 }, notes: { yours: 0, team: 0 } };

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
  // Re-render when a position is saved (the reader saves its last one as the library opens).
  useSyncExternalStore(positions.subscribe, positions.revision);
  const counts = useArticleCounts();
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
          ? <ReadyCard key={entry.id} entry={entry} positions={positions} counts={counts === null ? null : counts.get(entry.id) ?? NONE} />
          : <ErrorCard key={entry.id} entry={entry} />)}
      </ul>
    </section>
  );
}
