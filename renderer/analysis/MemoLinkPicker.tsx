/**
 * Picking a highlight to link from a memo: a search over the corpus's highlights (their
 * quotes, notes and codes, folded as every text filter is) listing the first matches with
 * their article; choosing one inserts a link to it.
 */
import { useMemo, useState } from 'react';
import type { Article } from '#shared/documents/article.ts';
import { filterAnnotations } from '#shared/model/queries.ts';
import type { HighlightView } from '#shared/model/views.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';

/** Most matches listed at once. */
const SHOWN = 20;

/** Props of {@link MemoLinkPicker}. */
export interface MemoLinkPickerProps {
  readonly workspace: AnnotationWorkspace;
  readonly articles: readonly Article[];
  onPick(highlight: HighlightView): void;
  onCancel(): void;
}

/** The picker. */
export function MemoLinkPicker({ workspace, articles, onPick, onCancel }: MemoLinkPickerProps) {
  const [query, setQuery] = useState('');
  const doc = workspace.session.doc;
  const matches = useMemo(() => filterAnnotations(doc, { text: query }).slice(0, SHOWN), [doc, query]);
  const titles = useMemo(() => new Map<string, string>(articles.map((article) => [article.meta.id, article.meta.title])), [articles]);
  return (
    <div className="memo-picker" role="group" aria-label="Link a highlight">
      <input
        type="search"
        className="memo-picker__search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
        placeholder="Find a highlight by its text, note or code"
        aria-label="Find a highlight to link"
        data-testid="memo-picker-search"
        autoFocus
      />
      {matches.length === 0 ? (
        <p className="panel-empty">No highlight matches.</p>
      ) : (
        <ul className="memo-picker__list">
          {matches.map((highlight) => (
            <li key={highlight.id}>
              <button type="button" className="memo-picker__item" data-testid="memo-picker-item" onClick={() => onPick(highlight)}>
                <span className="memo-picker__quote">“{highlight.quote.exact}”</span>
                <span className="memo-picker__source">{titles.get(highlight.documentId) ?? highlight.documentId}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--quiet" onClick={onCancel}>Cancel</button>
    </div>
  );
}
