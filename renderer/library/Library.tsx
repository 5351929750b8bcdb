/**
 * The library: one card per bundled article with its title (supplied titles marked),
 * author and publisher as the source states them, how many highlights and notes the open
 * project carries on it (yours and the team's, once annotating can start), and the furthest
 * reading progress. An
 * article that failed to load gets an error card saying why; the others open normally.
 * A readable card is a link as a whole, so the entire card is the target a person aims at.
 * Progress follows the position store, so the reader's last save shows as soon as it lands.
 */
import { useId, useMemo, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import type { LibraryEntry } from '../services/documents.ts';
import type { AddedDocumentEntry, AddedDocuments } from '../store/added-documents.ts';
import { useOptionalWorkspace } from '../annotations/use-workspace.ts';
import type { ReadingPositionStore } from '../services/reading-positions.ts';
import { ProgressBar, formatPercent } from '../ui/ProgressBar.tsx';
import { SuppliedTitleMark } from '../ui/SuppliedTitleMark.tsx';
import { readerHref } from '../app/routes.ts';
import type { ArticleCounts } from '../store/project-summary.ts';
import { useArticleCounts } from './use-article-counts.ts';
import { AddedDocumentsList } from './AddedDocumentsList.tsx';
import { CountsLine, NO_COUNTS } from './CountsLine.tsx';
import { ACCEPTED_FILES, addFiles, type FileResult } from './document-import.ts';
import { ImportResults } from './ImportResults.tsx';
import { QdpxImport } from './QdpxImport.tsx';

/** Props of {@link Library}. */
export interface LibraryProps {
  /** The bundled articles. */
  readonly entries: readonly LibraryEntry[];
  /** The project's added documents with their texts' state. */
  readonly added: readonly AddedDocumentEntry[];
  /** Where added documents live (null: the library holds bundled articles only). */
  readonly addedDocuments: AddedDocuments | null;
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

/** True when a drag carries files (not text or a link dragged inside the page). */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer.types.includes('Files');
}

/** The library grid: bundled articles, then the documents added to this project; files dropped on it are added. */
export function Library({ entries, added, addedDocuments, positions }: LibraryProps) {
  // Re-render when a position is saved (the reader saves its last one as the library opens).
  useSyncExternalStore(positions.subscribe, positions.revision);
  const counts = useArticleCounts();
  const workspace = useOptionalWorkspace();
  const [results, setResults] = useState<readonly FileResult[]>([]);
  const [dropping, setDropping] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const failed = entries.filter((entry) => entry.status === 'error').length;
  const canAdd = workspace !== null && addedDocuments !== null;
  const listed = added.filter((entry) => entry.listed).length;
  // The hash is read when an import needs it, not on every render of the library.
  const bundled = useMemo(() => entries.flatMap((entry) => (entry.status === 'ready' ? [{ id: entry.article.meta.id, text: entry.article.text, get hash() { return entry.article.hash; } }] : [])), [entries]);

  const add = (files: readonly File[]): void => {
    if (!canAdd || files.length === 0) return;
    void addFiles(files, { doc: workspace.session.doc, actor: () => workspace.actor(), texts: addedDocuments.texts }, setResults);
  };
  const onDragOver = (event: DragEvent): void => {
    if (!canAdd || !carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  };
  const onDrop = (event: DragEvent): void => {
    setDropping(false);
    if (!canAdd || event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    add([...event.dataTransfer.files]);
  };

  return (
    <section
      className={`library${dropping ? ' library--dropping' : ''}`}
      aria-labelledby="library-heading"
      data-testid="library"
      onDragOver={onDragOver}
      onDragLeave={(event) => { if (event.currentTarget === event.target) setDropping(false); }}
      onDrop={onDrop}
    >
      <header className="library__header">
        <div className="library__title-row">
          <h1 id="library-heading">Library</h1>
          {canAdd && (
            <div className="library__actions">
              <button type="button" className="button" onClick={() => picker.current?.click()}>Add documents…</button>
              <input ref={picker} type="file" hidden multiple accept={ACCEPTED_FILES} data-testid="add-documents-file" onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                add(files);
              }} />
              <QdpxImport workspace={workspace} texts={addedDocuments.texts} articles={bundled} />
            </div>
          )}
        </div>
        <p className="library__summary">
          {entries.length} article{entries.length === 1 ? '' : 's'}
          {listed > 0 && ` · ${listed} added to this project`}
          {failed > 0 && ` · ${failed} could not be opened`}
          {canAdd && <span className="library__drop-hint"> · drop Markdown, text, HTML, Word or PDF files here to add them</span>}
        </p>
        <ImportResults results={results} onDismiss={() => setResults([])} />
      </header>
      <ul className="library__list">
        {entries.map((entry) => entry.status === 'ready'
          ? <ReadyCard key={entry.id} entry={entry} positions={positions} counts={counts === null ? null : counts.get(entry.id) ?? NO_COUNTS} />
          : <ErrorCard key={entry.id} entry={entry} />)}
      </ul>
      {addedDocuments !== null && <AddedDocumentsList entries={added} added={addedDocuments} workspace={workspace} counts={counts} positions={positions} />}
    </section>
  );
}
