/**
 * Table of contents built from the article's outline. Entries are buttons (they act, they do
 * not navigate away); the section being read carries `aria-current="location"` and is kept
 * visible in the sidebar while the reader scrolls.
 */
import { useEffect, useRef } from 'react';
import type { OutlineEntry } from '#shared/documents/article.ts';

/** Props of {@link Contents}. */
export interface ContentsProps {
  readonly outline: readonly OutlineEntry[];
  /** Index of the current section, or -1. */
  readonly activeIndex: number;
  onSelect(entry: OutlineEntry, index: number): void;
}

/** The table of contents. */
export function Contents({ outline, activeIndex, onSelect }: ContentsProps) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const current = list.current?.querySelector('[aria-current="location"]');
    current?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);
  if (outline.length === 0) return <p className="sidebar__empty">This article has no headings.</p>;
  const minLevel = Math.min(...outline.map((entry) => entry.level));
  return (
    <ol ref={list} className="contents" aria-label="Table of contents">
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
