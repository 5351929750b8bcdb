/**
 * The trash: deleted highlights (with their tags and notes, which stay attached) and
 * deleted tags, each restorable by anyone. Trashed highlights can be many (a whole
 * document's worth), so their list is virtualised (ui/VirtualList.tsx); trashed codes are
 * few and listed plainly.
 */
import { useMemo } from 'react';
import { restoreHighlight } from '#shared/model/highlights.ts';
import { listTrash } from '#shared/model/queries.ts';
import { restoreTag } from '#shared/model/tags.ts';
import { listDocuments } from '#shared/model/document-views.ts';
import { restoreDocument } from '#shared/model/documents.ts';
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import { documentTitles } from '../store/use-library-articles.ts';
import { useDocRead } from '../annotations/use-workspace.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { VirtualList } from '../ui/VirtualList.tsx';
import { formatTime, memberNames } from './people.ts';

/** Props of {@link TrashPanel}. */
export interface TrashPanelProps {
  readonly workspace: AnnotationWorkspace;
  /** The loaded library: documents are shown by title. */
  readonly articles: readonly Article[];
}

/** The trash panel. */
/** Everything in the trash, with the names of the people who put it there. */
function readTrash(doc: Y.Doc) {
  return { ...listTrash(doc), documents: listDocuments(doc).filter((view) => view.deleted !== null), nameOf: memberNames(doc) };
}

export function TrashPanel({ workspace, articles }: TrashPanelProps) {
  const doc = workspace.session.doc;
  const trash = useDocRead(doc, readTrash);
  const titleOf = useMemo(() => documentTitles(articles), [articles]);
  if (trash.highlights.length === 0 && trash.tags.length === 0 && trash.documents.length === 0) return <p className="panel-empty">The trash is empty.</p>;
  return (
    <div className="trash-panel">
      {trash.documents.length > 0 && <h3>Documents</h3>}
      <ol className="annotation-list">
        {trash.documents.map((view) => (
          <li key={view.id} className="annotation-item annotation-item--static" data-testid="trash-document">
            <span className="annotation-item__quote">{view.title}</span>
            <span className="annotation-item__meta">{view.fileName} · deleted by {trash.nameOf(view.deleted?.by)} {formatTime(view.deleted?.at)} · its highlights come back with it</span>
            <button type="button" className="button" onClick={() => restoreDocument(doc, workspace.actor(), view.id)} aria-label={`Restore ${view.title}`}>Restore</button>
          </li>
        ))}
      </ol>
      {trash.highlights.length > 0 && <h3>Highlights</h3>}
      {trash.highlights.length > 0 && (
        <VirtualList
          items={trash.highlights}
          keyOf={(view) => view.id}
          estimateSize={110}
          label="Highlights in the trash"
          className="annotation-list trash-panel__highlights"
          renderItem={(view) => (
            <div className="annotation-item annotation-item--static" data-testid="trash-item">
              <span className="annotation-item__quote">“{view.quote.exact}”</span>
              <span className="annotation-item__tags">
                {view.tags.map((applied) => <span key={applied.tag.id} className="tag-chip"><span className={`tag-swatch tag-swatch-${applied.tag.id}`} aria-hidden="true" />{applied.tag.name}</span>)}
              </span>
              {view.notes.map((note) => <span key={note.id} className="annotation-item__note">{note.text}</span>)}
              <span className="annotation-item__meta">{titleOf(view.documentId)} · deleted by {trash.nameOf(view.deleted?.by)} {formatTime(view.deleted?.at)}</span>
              <button type="button" className="button" onClick={() => restoreHighlight(doc, workspace.actor(), view.id)}>Restore</button>
            </div>
          )}
        />
      )}
      {trash.tags.length > 0 && <h3>Tags</h3>}
      <ol className="annotation-list trash-panel__tags">
        {trash.tags.map((tag) => (
          <li key={tag.id} className="annotation-item annotation-item--static" data-testid="trash-tag">
            <span className="tag-chip"><span className={`tag-swatch tag-swatch-${tag.id}`} aria-hidden="true" />{tag.name}</span>
            <span className="annotation-item__meta">deleted by {trash.nameOf(tag.deleted?.by)} {formatTime(tag.deleted?.at)}</span>
            <button type="button" className="button" onClick={() => restoreTag(doc, workspace.actor(), tag.id)}>Restore</button>
          </li>
        ))}
      </ol>
    </div>
  );
}
