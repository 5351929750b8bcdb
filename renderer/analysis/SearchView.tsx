/**
 * The Analysis panel's Search tab: a query over every article at once, the matches as
 * keyword-in-context lines grouped by article with a count per article. A click (or Enter
 * on a line) opens the article with the match selected (workspace.revealText).
 *
 * The corpus is folded once per set of articles (#shared/analysis/corpus-search.ts); a
 * keystroke folds only the query, and the list renders at most {@link LINE_LIMIT} lines
 * ("first N of M"), so typing stays fast however common the word. The field keeps what was
 * typed while the panel switches tabs (module state), as a find bar does.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { createCorpusIndex, searchCorpus, type KwicLine } from '#shared/analysis/corpus-search.ts';
import type { AnalysisViewProps } from './analysis-tabs.ts';
import { SEARCH_FIELD_ID } from './use-search-command.ts';

/** Lines rendered at most (every match is counted). */
export const LINE_LIMIT = 100;


let lastQuery = '';

/** The Search tab. */
export function SearchView({ workspace, articles }: AnalysisViewProps) {
  const [query, setQuery] = useState(lastQuery);
  const deferred = useDeferredValue(query);
  const corpus = useMemo(
    () => createCorpusIndex(articles.map((article) => ({ id: article.meta.id, title: article.meta.title, text: article.text }))),
    [articles],
  );
  const result = useMemo(() => searchCorpus(corpus, deferred, { limit: LINE_LIMIT }), [corpus, deferred]);
  const linesByDocument = useMemo(() => {
    const map = new Map<string, KwicLine[]>();
    for (const line of result.lines) map.set(line.documentId, [...(map.get(line.documentId) ?? []), line]);
    return map;
  }, [result]);

  const onChange = (value: string): void => {
    lastQuery = value;
    setQuery(value);
  };
  const blank = deferred.trim() === '';

  return (
    <div className="corpus-search" data-query={deferred}>
      <input
        id={SEARCH_FIELD_ID}
        type="search"
        className="corpus-search__field"
        placeholder="Search all articles"
        aria-label="Search all articles"
        aria-keyshortcuts="Control+Shift+F"
        spellCheck={false}
        value={query}
        onChange={(event) => onChange(event.target.value)}
      />
      <p className="corpus-search__count" aria-live="polite" data-testid="search-count">
        {blank ? 'Type to search every article (case and accents ignored).' : describeCount(result.total, result.documents.length, result.lines.length)}
      </p>
      {result.documents.map((hits) => (
        <section key={hits.documentId} className="corpus-search__document" data-testid="search-document" data-document-id={hits.documentId}>
          <h3 className="corpus-search__title">
            {hits.title} <span className="corpus-search__document-count" data-testid="search-document-count">{hits.count}</span>
          </h3>
          <ol className="kwic-list">
            {(linesByDocument.get(hits.documentId) ?? []).map((line) => (
              <li key={line.start}>
                <button type="button" className="kwic-line" data-testid="kwic-line" onClick={() => workspace.revealText(line.documentId, line)}>
                  <span className="kwic-line__before">{line.before}</span>
                  <mark className="kwic-line__match">{line.match}</mark>
                  <span className="kwic-line__after">{line.after}</span>
                </button>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

/** "12 matches in 3 articles", or "Showing the first 100 of 1,234 matches in 5 articles". */
export function describeCount(total: number, documents: number, shown: number): string {
  if (total === 0) return 'No matches';
  const where = `in ${documents} article${documents === 1 ? '' : 's'}`;
  const matches = `${total.toLocaleString('en')} match${total === 1 ? '' : 'es'}`;
  return shown < total ? `Showing the first ${shown} of ${matches} ${where}` : `${matches} ${where}`;
}
