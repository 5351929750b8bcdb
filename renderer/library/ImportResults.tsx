/**
 * What became of each file added in the last batch, as it goes: waiting, converting, then
 * added / already in the project / restored from the trash / refused with the reason. A
 * live region, so a screen reader hears each result; Dismiss clears the list.
 */
import { REFUSAL_WORDS, type FileResult } from './document-import.ts';

function describeResult(result: FileResult): string {
  switch (result.status) {
    case 'waiting': return 'waiting';
    case 'converting': return 'converting…';
    case 'added': return `added as “${result.title}”`;
    case 'exists': return `already in the project (“${result.title}”)`;
    case 'restored': return `restored from the trash (“${result.title}”)`;
    case 'refused': return `refused: ${REFUSAL_WORDS[result.reason] ?? result.reason} — ${result.message}. Nothing was changed.`;
  }
}

/** The per-file results of the last batch. */
export function ImportResults({ results, onDismiss }: { readonly results: readonly FileResult[]; readonly onDismiss: () => void }) {
  if (results.length === 0) return null;
  const busy = results.some((result) => result.status === 'waiting' || result.status === 'converting');
  return (
    <section className="import-results" aria-label="Added files" data-testid="import-results">
      <ul className="import-results__list" aria-live="polite">
        {results.map((result, index) => (
          <li key={`${index}:${result.fileName}`} className={`import-results__item import-results__item--${result.status}`} data-testid="import-result" data-status={result.status}>
            <span className="import-results__file">{result.fileName}</span>{' '}
            <span className="import-results__status">{describeResult(result)}</span>
            {'warning' in result && result.warning !== null && <span className="import-results__warning" role="alert"> {result.warning}</span>}
          </li>
        ))}
      </ul>
      {!busy && <button type="button" className="button button--quiet" onClick={onDismiss}>Dismiss</button>}
    </section>
  );
}
