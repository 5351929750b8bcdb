/**
 * Highlights of the open article whose text could not be found (the article changed
 * beyond what fuzzy anchoring accepts). Listed with their quote, tags and notes — never
 * dropped; they stay in the project and in exports.
 */
import { useMemo, useSyncExternalStore } from 'react';
import type { HighlightView } from '../../shared/model/views.ts';
import { getHighlight } from '../../shared/model/queries.ts';
import { useDocVersion, useWorkspaceSnapshot } from '../store/use-workspace.ts';
import type { AnnotationWorkspace } from '../store/workspace.ts';

const noSubscription = () => () => undefined;

/** The unanchored panel. */
export function UnanchoredPanel({ workspace }: { readonly workspace: AnnotationWorkspace }) {
  const doc = workspace.session.doc;
  const version = useDocVersion(doc);
  const { readerDocumentId } = useWorkspaceSnapshot(workspace);
  const reader = workspace.reader();
  const highlights = reader?.highlights;
  useSyncExternalStore(highlights?.subscribe ?? noSubscription, () => version);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  const views = useMemo(() => (highlights?.unanchored() ?? []).map((id) => getHighlight(doc, id)).filter((view): view is HighlightView => view !== undefined), [doc, version, highlights, readerDocumentId]);
  if (reader === null) return <p className="panel-empty">Open an article to see which of its highlights could not be placed.</p>;
  if (views.length === 0) return <p className="panel-empty">Every highlight of this article found its text.</p>;
  return (
    <ol className="annotation-list">
      {views.map((view) => (
        <li key={view.id} className="annotation-item annotation-item--static" data-testid="unanchored-item">
          <span className="annotation-item__quote">“{view.quote.exact}”</span>
          <span className="annotation-item__tags">{view.tags.map((applied) => <span key={applied.tag.id} className="tag-chip">{applied.tag.name}</span>)}</span>
          {view.notes.map((note) => <span key={note.id} className="annotation-item__note">{note.text}</span>)}
        </li>
      ))}
    </ol>
  );
}
