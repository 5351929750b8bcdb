/**
 * The sidebar's compact list of articles: always there, so switching articles is one click
 * from anywhere. The open article is marked `aria-current="page"`.
 */
import type { LibraryEntry } from '../services/documents.ts';
import { libraryHref, readerHref } from '../app/routes.ts';

/** Props of {@link LibraryNav}. */
export interface LibraryNavProps {
  readonly entries: readonly LibraryEntry[];
  /** The open article's id, or null in the library view. */
  readonly currentId: string | null;
}

/** Compact article list for the sidebar. */
export function LibraryNav({ entries, currentId }: LibraryNavProps) {
  return (
    <div className="library-nav">
      <h2 className="sidebar__heading">
        <a href={libraryHref()} aria-current={currentId === null ? 'page' : undefined} className="sidebar__heading-link">Library</a>
      </h2>
      <ul className="library-nav__list">
        {entries.map((entry) => (
          <li key={entry.id}>
            {entry.status === 'ready'
              ? (
                <a className="library-nav__link" href={readerHref(entry.id)} aria-current={entry.id === currentId ? 'page' : undefined}>
                  {entry.article.meta.title}
                </a>
              )
              : <span className="library-nav__broken" title={entry.message}>{entry.file} (unavailable)</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
