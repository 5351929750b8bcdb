/**
 * Table of contents built from the article's outline. Entries are buttons (they act, they do
 * not navigate away); the section being read carries `aria-current="location"`.
 */
import type { OutlineEntry } from '../../shared/documents/article.ts';

/** Props of {@link Contents}. */
export interface ContentsProps {
  readonly outline: readonly OutlineEntry[];
  /** Index of the current section, or -1. */
  readonly activeIndex: number;
  onSelect(entry: OutlineEntry, index: number): void;
}

/** The table of contents. */
export function Contents({ outline, activeIndex, onSelect }: ContentsProps) {
  if (outline.length === 0) return <p className="sidebar__empty">This article has no headings.</p>;
  const minLevel = Math.min(...outline.map((entry) => entry.level));
  return (
    <ol className="contents" aria-label="Table of contents">
      {outline.map((entry, index) => (
        <li key={entry.pos} className={`contents__item contents__item--depth-${Math.min(3, entry.level - minLevel)}`}>
          <button
            type="button"
            className="contents__link"
            aria-current={index === activeIndex ? 'location' : undefined}
            onClick={() => onSelect(entry, index)}
          >
            {entry.title}
          </button>
        </li>
      ))}
    </ol>
  );
}
