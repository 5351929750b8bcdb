/**
 * Annotations across the whole corpus ("retrieve segments"): filter by tag (a parent
 * includes its children), person, document, with-note only and text in quote, note, reply
 * or code name;
 * click a result to open its article, scroll to the highlight and focus it. The view filter
 * (whose highlights are shown, chosen in the status bar) narrows the list too. Records of the
 * project no reader can use (docs/architecture.md §9) are counted in one quiet line.
 *
 * Every match is listed (no cap): the list is virtualised (ui/VirtualList.tsx), so only the
 * rows in view are rendered, and the results come from the incremental annotation index
 * (use-annotation-results.ts), so neither opening the panel nor a keystroke rebuilds views.
 * The panel opens with its filters; the results and rows follow in a deferred render.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { TagId } from '#shared/model/ids.ts';
import { describeSkipped } from '#shared/model/read-guards.ts';
import type { TagIndex } from '#shared/model/tag-index.ts';
import type { AnnotationEntry } from '#shared/model/annotation-index.ts';
import type { Article } from '#shared/documents/article.ts';
import { documentTitles } from '../store/use-library-articles.ts';
import { useDocVersion, useWorkspaceSnapshot } from '../annotations/use-workspace.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { VirtualList } from '../ui/VirtualList.tsx';
import { displayMembers, formatTime, memberNames } from './people.ts';
import { useAnnotationResults } from './use-annotation-results.ts';

/** The codebook as indented options: live tags, children under their parent, by name. */
function tagOptions(index: TagIndex): { id: TagId; name: string; depth: number }[] {
  const out: { id: TagId; name: string; depth: number }[] = [];
  const visit = (parent: TagId | null, depth: number): void => {
    for (const id of index.children(parent)) {
      out.push({ id, name: index.tags.get(id)?.name ?? '', depth });
      visit(id, depth + 1);
    }
  };
  visit(null, 0);
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
  const docVersion = useDocVersion(doc);
  const [tag, setTag] = useState('');
  const [person, setPerson] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [withNote, setWithNote] = useState(false);
  const [text, setText] = useState('');
  // The field shows every key at once; the rows follow as soon as React has time.
  const query = useDeferredValue(text);
  const { viewFilter } = useWorkspaceSnapshot(workspace);
  const shown = workspace.shownMember();
  // The panel's first frame shows its filters; the results (a pass over every entry) and the
  // list (measuring every row's place) follow in a deferred render that React can
  // interrupt, instead of all of it in the click's task (60–80 ms at 10,000 highlights).
  const listed = useDeferredValue(true, false);
  const { index, version, results, hidden, pending, built } = useAnnotationResults(doc, { tag, person, documentId, withNote, text: query }, shown, listed);

  /* eslint-disable react-hooks/exhaustive-deps -- the versions stand for the doc's and the index's content */
  const members = useMemo(() => displayMembers(doc), [doc, docVersion]);
  const nameOf = useMemo(() => memberNames(doc), [doc, docVersion]);
  const titleOf = useMemo(() => documentTitles(articles), [articles]);
  const tags = useMemo(() => tagOptions(index.tagIndex()), [index, version]);
  /** Documents that carry highlights, in library order (unknown ids last), and what could not be read. */
  const { documents, skippedLine } = useMemo(() => {
    // Nothing to list before every highlight was read once: the first build refreshes `version` per slice.
    if (!listed || !built) return { documents: [], skippedLine: '' };
    const ids = new Set<string>();
    for (const entry of index.entries()) ids.add(entry.view.documentId);
    const order = new Map(articles.map((article, at) => [article.meta.id as string, at]));
    const sorted = [...ids].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
    return { documents: sorted, skippedLine: describeSkipped(index.skipped()) };
  }, [index, version, articles, listed, built]);
  /* eslint-enable react-hooks/exhaustive-deps */

  const renderItem = (entry: AnnotationEntry) => <AnnotationRow entry={entry} titleOf={titleOf} nameOf={nameOf} onOpen={() => workspace.jumpTo(entry.view.id, entry.view.documentId)} />;
  return (
    <div className="annotations-panel" data-query={query} aria-busy={!listed || pending > 0}>
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
        <input type="search" placeholder="Text in quote, note or code" value={text} onChange={(e) => setText(e.target.value)} aria-label="Filter by text" data-testid="filter-text" />
      </div>
      <p className="annotations-panel__count" data-testid="annotation-count" aria-live="polite">
        {!listed ? 'Reading highlights…' : !built ? `Reading highlights… ${pending} to go` : `${results.length} highlight${results.length === 1 ? '' : 's'}${pending > 0 ? ' (updating…)' : ''}`}
      </p>
      {hidden > 0 && <p className="panel-empty" data-testid="annotations-hidden">{hidden} more hidden by “Showing: {viewFilter.show === 'mine' ? 'only mine' : nameOf(shown ?? undefined)}” (status bar)</p>}
      {skippedLine !== '' && <p className="panel-empty" data-testid="annotations-skipped">{skippedLine}</p>}
      <VirtualList items={results} keyOf={(entry) => entry.view.id} renderItem={renderItem} estimateSize={120} label="Highlights" className="annotation-list annotations-panel__list" />
    </div>
  );
}

/** Props of {@link AnnotationRow}. */
interface AnnotationRowProps {
  readonly entry: AnnotationEntry;
  readonly titleOf: (id: string) => string;
  readonly nameOf: ReturnType<typeof memberNames>;
  readonly onOpen: () => void;
}

/** One result: quote, codes, first note and where it is from; a click jumps to it. */
function AnnotationRow({ entry: { view }, titleOf, nameOf, onOpen }: AnnotationRowProps) {
  return (
    <button type="button" className="annotation-item" onClick={onOpen} data-testid="annotation-item" data-highlight-id={view.id}>
      <span className="annotation-item__quote">“{view.quote.exact.length > 220 ? `${view.quote.exact.slice(0, 220)}…` : view.quote.exact}”</span>
      <span className="annotation-item__tags">
        {view.tags.map((applied) => (
          <span key={applied.tag.id} className="tag-chip"><span className={`tag-swatch tag-swatch-${applied.tag.id}`} aria-hidden="true" />{applied.tag.name}</span>
        ))}
      </span>
      {view.notes[0] !== undefined && view.notes[0].text !== '' && <span className="annotation-item__note">{view.notes[0].text}</span>}
      <span className="annotation-item__meta" data-testid="annotation-document">{titleOf(view.documentId)} · {nameOf(view.createdBy)} · {formatTime(view.createdAt)}</span>
    </button>
  );
}
