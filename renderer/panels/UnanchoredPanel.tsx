/**
 * Highlights anywhere in the corpus whose text could not be found (their article changed
 * beyond what fuzzy anchoring accepts, or the article is not in the library). Each is
 * listed with its quote, its document's title, tags and notes — never dropped: it stays in
 * the project and in exports. The person may move one to the trash (restorable there) or
 * open its article to look for the passage. The list is virtualised (ui/VirtualList.tsx):
 * after an article changes, thousands of highlights may lose their text at once. Finding
 * them anchors every highlight of the corpus once (the articles not opened yet): the panel
 * opens at once and does that in slices of at most 8 ms, its progress on screen.
 */
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { HighlightView } from '#shared/model/views.ts';
import { deleteHighlight } from '#shared/model/highlights.ts';
import { getHighlight } from '#shared/model/queries.ts';
import { createCorpusUnanchoredIndex, type CorpusUnanchoredIndex, type UnanchoredHighlight, type UnanchoredReason } from '../store/corpus-unanchored.ts';
import { documentTitles } from '../store/use-library-articles.ts';
import { useDocVersion } from '../annotations/use-workspace.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import type { Article } from '#shared/documents/article.ts';
import { VirtualList } from '../ui/VirtualList.tsx';
import { formatTime, memberNames } from './people.ts';

const REASONS: Record<UnanchoredReason, string> = {
  'text-not-found': 'its text is no longer in the article',
  'document-missing': 'its article is not in the library',
  'old-version': 'left on an earlier version: its passage was not found in the new one',
};

const NONE_REPLACED: ReadonlySet<string> = new Set();

/** Props of {@link UnanchoredPanel}. */
export interface UnanchoredPanelProps {
  readonly workspace: AnnotationWorkspace;
  /** The loaded library (the texts highlights are anchored against). */
  readonly articles: readonly Article[];
  /** Added documents replaced by a newer version (their highlights are listed as left behind). */
  readonly replaced?: ReadonlySet<string>;
}

/** The unanchored panel. */
export function UnanchoredPanel({ workspace, articles, replaced = NONE_REPLACED }: UnanchoredPanelProps) {
  const doc = workspace.session.doc;
  const version = useDocVersion(doc);
  const index = useMemo(() => createCorpusUnanchoredIndex(articles, replaced), [articles, replaced]);
  const titleOf = useMemo(() => documentTitles(articles), [articles]);
  const scan = useSlicedScan(doc, version, index);
  const entries = useMemo(() => {
    if (scan.found === null) return [];
    const nameOf = memberNames(doc);
    return scan.found.flatMap((entry) => {
      const view = getHighlight(doc, entry.id);
      return view === undefined ? [] : [{ entry, view, by: nameOf(view.createdBy) }];
    });
  }, [doc, scan.found]);
  if (articles.length === 0) return <p className="panel-empty">The library is still loading.</p>;
  if (scan.found === null) {
    return (
      <p className="panel-empty" data-testid="unanchored-checking">
        Checking where every highlight of the corpus sits…{' '}
        <progress max={scan.total} value={scan.done} aria-label="Highlights checked" />
      </p>
    );
  }
  if (entries.length === 0) return <p className="panel-empty">Every highlight in the corpus found its text.</p>;
  return (
    <div className="unanchored-panel">
      <p className="annotations-panel__count" data-testid="unanchored-count">
        {entries.length} highlight{entries.length === 1 ? '' : 's'} could not be placed. They stay in the project and in exports.
      </p>
      <VirtualList
        items={entries}
        keyOf={({ view }) => view.id}
        estimateSize={130}
        label="Unanchored highlights"
        className="annotation-list"
        rowProps={({ entry }) => ({ 'data-testid': 'unanchored-item', 'data-document-id': entry.documentId })}
        renderItem={({ entry, view, by }) => (
          <div className="annotation-item annotation-item--static">
            <span className="annotation-item__quote">“{view.quote.exact}”</span>
            <UnanchoredTags view={view} />
            {view.notes.map((note) => <span key={note.id} className="annotation-item__note">{note.text}</span>)}
            <span className="annotation-item__meta" data-testid="unanchored-document">
              {titleOf(entry.documentId)} · {by} · {formatTime(view.createdAt)} · {REASONS[entry.reason]}
            </span>
            <span className="tag-editor__actions">
              {entry.reason === 'text-not-found' && (
                <button type="button" className="button" onClick={() => workspace.jumpTo(view.id, entry.documentId)}>Open article</button>
              )}
              {entry.reason === 'old-version' && articles.some((article) => article.meta.id === entry.documentId) && (
                <button type="button" className="button" onClick={() => workspace.jumpTo(view.id, entry.documentId)}>Open old version</button>
              )}
              <button type="button" className="button" onClick={() => deleteHighlight(doc, workspace.actor(), view.id)}>Move to trash</button>
            </span>
          </div>
        )}
      />
    </div>
  );
}

/** What the sliced scan has found so far: null until its first pass is done. */
interface SlicedScan {
  readonly found: readonly UnanchoredHighlight[] | null;
  readonly done: number;
  readonly total: number;
}

/**
 * The corpus scan, run in slices of at most 8 ms after the panel is on screen (the first
 * one anchors every highlight of the articles not opened yet); again after each change of
 * the doc, keeping the last list on screen until the new one is ready.
 */
function useSlicedScan(doc: Y.Doc, version: number, index: CorpusUnanchoredIndex): SlicedScan {
  const [scan, setScan] = useState<SlicedScan>({ found: null, done: 0, total: 0 });
  useEffect(() => {
    const controller = new AbortController();
    void index.scanInSlices(doc, {
      signal: controller.signal,
      onProgress: (done, total) => setScan((previous) => (previous.found === null ? { found: null, done, total } : previous)),
    }).then((found) => {
      if (found !== null) setScan({ found, done: 0, total: 0 });
    });
    return () => controller.abort();
  }, [doc, version, index]);
  return scan;
}

function UnanchoredTags({ view }: { readonly view: HighlightView }) {
  if (view.tags.length === 0) return null;
  return (
    <span className="annotation-item__tags">
      {view.tags.map((applied) => <span key={applied.tag.id} className="tag-chip"><span className={`tag-swatch tag-swatch-${applied.tag.id}`} aria-hidden="true" />{applied.tag.name}</span>)}
    </span>
  );
}
