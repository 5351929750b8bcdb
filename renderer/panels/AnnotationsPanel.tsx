/**
 * Annotations across the whole corpus ("retrieve segments"): filter by tag (a parent
 * includes its children), person, document, with-note only and text in quote or note;
 * click a result to open its article, scroll to the highlight and focus it. The view filter
 * (whose highlights are shown, chosen in the status bar) narrows the list too. Records of the
 * project no reader can use (docs/architecture.md §9) are counted in one quiet line.
 */
import { useMemo, useState } from 'react';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import { listMembers } from '#shared/model/project.ts';
import { filterAnnotations, listTags, type AnnotationFilter, type TagTreeNode } from '#shared/model/queries.ts';
import { createSkipLog, describeSkipped } from '#shared/model/read-guards.ts';
import { isViewOf } from '#shared/analysis/view-filter.ts';
import type { Article } from '#shared/documents/article.ts';
import { documentTitles } from '../store/use-library-articles.ts';
import { useDocVersion, useWorkspaceSnapshot } from '../annotations/use-workspace.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { formatTime, memberNames } from './people.ts';

/** Results shown at once (the count says how many matched). */
const RESULT_LIMIT = 200;

function flatten(nodes: readonly TagTreeNode[], depth = 0, out: { id: TagId; name: string; depth: number }[] = []) {
  for (const node of nodes) {
    out.push({ id: node.tag.id, name: node.tag.name, depth });
    flatten(node.children, depth + 1, out);
  }
  return out;
}

/** Props of {@link AnnotationsPanel}. */
export interface AnnotationsPanelProps {
  readonly workspace: AnnotationWorkspace;
  /** The loaded library: documents are shown by title. */
  readonly articles: readonly Article[];
}

/** The annotations panel. */
export function AnnotationsPanel({ workspace, articles }: AnnotationsPanelProps) {
  const doc = workspace.session.doc;
  const version = useDocVersion(doc);
  const [tag, setTag] = useState('');
  const [person, setPerson] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [withNote, setWithNote] = useState(false);
  const [text, setText] = useState('');

  /* eslint-disable react-hooks/exhaustive-deps -- version stands for the doc's content */
  const tags = useMemo(() => flatten(listTags(doc)), [doc, version]);
  const members = useMemo(() => listMembers(doc), [doc, version]);
  const nameOf = useMemo(() => memberNames(doc), [doc, version]);
  const titleOf = useMemo(() => documentTitles(articles), [articles]);
  /** Documents that carry highlights, in library order (unknown ids last), and what could not be read. */
  const { documents, skippedLine } = useMemo(() => {
    const ids = new Set<string>();
    const skipped = createSkipLog();
    for (const view of filterAnnotations(doc, {}, skipped)) ids.add(view.documentId);
    const order = new Map(articles.map((article, index) => [article.meta.id as string, index]));
    const sorted = [...ids].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
    return { documents: sorted, skippedLine: describeSkipped(skipped.records) };
  }, [doc, version, articles]);
  const filter: AnnotationFilter = {
    ...(tag !== '' ? { tags: [tag as TagId] } : {}),
    ...(person !== '' ? { members: [person as MemberId] } : {}),
    ...(documentId !== '' ? { documents: [documentId] } : {}),
    ...(withNote ? { withNote: true } : {}),
    ...(text.trim() !== '' ? { text } : {}),
  };
  const { viewFilter } = useWorkspaceSnapshot(workspace);
  const shown = workspace.shownMember();
  // The view filter (status bar) applies on top of the panel's own filters.
  const { results, hidden } = useMemo(() => {
    const matching = filterAnnotations(doc, filter);
    const kept = shown === null ? matching : matching.filter((view) => isViewOf(view, shown));
    return { results: kept, hidden: matching.length - kept.length };
  }, [doc, version, tag, person, documentId, withNote, text, viewFilter, shown]);
  /* eslint-enable react-hooks/exhaustive-deps */

  return (
    <div className="annotations-panel">
      <div className="filters" role="group" aria-label="Filters">
        <select value={tag} onChange={(e) => setTag(e.target.value)} aria-label="Filter by tag" data-testid="filter-tag">
          <option value="">All tags</option>
          {tags.map((entry) => <option key={entry.id} value={entry.id}>{'\u2003'.repeat(entry.depth)}{entry.name}</option>)}
        </select>
        <select value={person} onChange={(e) => setPerson(e.target.value)} aria-label="Filter by person" data-testid="filter-person">
          <option value="">Everyone</option>
          {members.map((member) => <option key={member.id} value={member.id}>{member.name}</option>)}
        </select>
        <select value={documentId} onChange={(e) => setDocumentId(e.target.value)} aria-label="Filter by document" data-testid="filter-document">
          <option value="">All documents</option>
          {documents.map((id) => <option key={id} value={id}>{titleOf(id)}</option>)}
        </select>
        <label className="field field--inline"><input type="checkbox" checked={withNote} onChange={(e) => setWithNote(e.target.checked)} data-testid="filter-with-note" /> With a note</label>
        <input type="search" placeholder="Text in quote or note" value={text} onChange={(e) => setText(e.target.value)} aria-label="Filter by text" data-testid="filter-text" />
      </div>
      <p className="annotations-panel__count" data-testid="annotation-count" aria-live="polite">{results.length} highlight{results.length === 1 ? '' : 's'}</p>
      {hidden > 0 && <p className="panel-empty" data-testid="annotations-hidden">{hidden} more hidden by “Showing: {viewFilter.show === 'mine' ? 'only mine' : nameOf(shown ?? undefined)}” (status bar)</p>}
      {skippedLine !== '' && <p className="panel-empty" data-testid="annotations-skipped">{skippedLine}</p>}
      <ol className="annotation-list">
        {results.slice(0, RESULT_LIMIT).map((view) => (
          <li key={view.id}>
            <button type="button" className="annotation-item" onClick={() => workspace.jumpTo(view.id, view.documentId)} data-testid="annotation-item">
              <span className="annotation-item__quote">“{view.quote.exact.length > 220 ? `${view.quote.exact.slice(0, 220)}…` : view.quote.exact}”</span>
              <span className="annotation-item__tags">
                {view.tags.map((applied) => (
                  <span key={applied.tag.id} className="tag-chip"><span className={`tag-swatch tag-swatch-${applied.tag.id}`} aria-hidden="true" />{applied.tag.name}</span>
                ))}
              </span>
              {view.notes[0] !== undefined && view.notes[0].text !== '' && <span className="annotation-item__note">{view.notes[0].text}</span>}
              <span className="annotation-item__meta" data-testid="annotation-document">{titleOf(view.documentId)} · {nameOf(view.createdBy)} · {formatTime(view.createdAt)}</span>
            </button>
          </li>
        ))}
      </ol>
      {results.length > RESULT_LIMIT && <p className="panel-empty">Showing the first {RESULT_LIMIT}; narrow the filters to see the rest.</p>}
    </div>
  );
}
