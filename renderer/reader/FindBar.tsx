/**
 * The find bar above the article: a search field, "3 of 17", previous/next and close.
 * Enter / Shift+Enter step, Escape closes (the global shortcuts F3 / Ctrl+G arrive through
 * the platform's commands). It is a controlled view over the find plugin's state: it owns
 * only the text being typed.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { FindState } from './find-plugin.ts';

/** Props of {@link FindBar}. */
export interface FindBarProps {
  readonly query: string;
  readonly find: FindState | null;
  /** Bumped whenever Ctrl/Cmd+F is pressed again, to refocus and select the field. */
  readonly focusRequest: number;
  onQueryChange(query: string): void;
  onStep(direction: 1 | -1): void;
  onClose(): void;
}

/** Human wording of the match count. */
export function describeFindCount(find: FindState | null, query: string): string {
  if (query.trim() === '' || find === null) return '';
  if (find.matches.length === 0) return 'No matches';
  const total = `${find.matches.length}${find.truncated ? '+' : ''}`;
  return `${find.current + 1} of ${total}`;
}

/** The find bar. */
export function FindBar({ query, find, focusRequest, onQueryChange, onStep, onClose }: FindBarProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onStep(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  const hasMatches = (find?.matches.length ?? 0) > 0;
  const count = describeFindCount(find, query);

  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={input}
        className="find-bar__input"
        type="search"
        value={query}
        placeholder="Find in article"
        aria-label="Find in article"
        spellCheck={false}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <output className="find-bar__count" aria-live="polite" data-testid="find-count">{count}</output>
      <button type="button" className="icon-button" onClick={() => onStep(-1)} disabled={!hasMatches} aria-label="Previous match" title="Previous match (Shift+Enter)">↑</button>
      <button type="button" className="icon-button" onClick={() => onStep(1)} disabled={!hasMatches} aria-label="Next match" title="Next match (Enter)">↓</button>
      <button type="button" className="icon-button" onClick={onClose} aria-label="Close find" title="Close (Escape)">✕</button>
    </div>
  );
}
