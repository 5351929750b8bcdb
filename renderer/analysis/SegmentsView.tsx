/**
 * The Analysis panel's Segments tab: every coded segment of one code across the corpus
 * (or in one article), grouped by article, each in context with its codes, coders, note
 * and replies; a click opens the highlight in the reader. Opened on a code from elsewhere
 * (a codebook row's "Segments", a table cell) through the subject (segments-subject.ts).
 *
 * "Print…" prints only the segments: a print sheet beside the app root that the print
 * stylesheet shows instead of the app (no top bar, panels or reader), then window.print().
 */
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { segmentsOfCode } from '#shared/analysis/segments.ts';
import type { AnalysisViewProps } from './analysis-tabs.ts';
import { parseSegmentsSubject } from './segments-subject.ts';
import { SegmentList } from './SegmentList.tsx';
import { useCodedProject } from './use-coded-segments.ts';

/** Segments rendered in the panel at most (the print sheet has them all). */
const PANEL_LIMIT = 300;

/** The Segments tab. */
export function SegmentsView({ workspace, articles, subject }: AnalysisViewProps) {
  const project = useCodedProject(workspace, articles);
  const opened = parseSegmentsSubject(subject);
  const [tagId, setTagId] = useState(opened.tagId);
  const [documentId, setDocumentId] = useState(opened.documentId);
  useEffect(() => {
    if (subject === null) return;
    const next = parseSegmentsSubject(subject);
    setTagId(next.tagId);
    setDocumentId(next.documentId);
  }, [subject]);

  const code = project.codes.find((candidate) => candidate.id === tagId);
  const groups = useMemo(
    () => (code === undefined ? [] : segmentsOfCode(project.excerpts, project.texts, code.id, documentId === '' ? undefined : documentId)),
    [project, code, documentId],
  );
  const count = groups.reduce((sum, group) => sum + group.segments.length, 0);
  const where = documentId === '' ? 'the corpus' : (project.documents.find((document) => document.id === documentId)?.title ?? documentId);

  return (
    <div className="segments-view">
      <div className="filters" role="group" aria-label="Segments of">
        <select value={code?.id ?? ''} onChange={(event) => setTagId(event.target.value)} aria-label="Code" data-testid="segments-code">
          <option value="">Choose a code…</option>
          {project.codes.map((entry) => <option key={entry.id} value={entry.id}>{'\u2003'.repeat(entry.depth)}{entry.name}</option>)}
        </select>
        <select value={documentId} onChange={(event) => setDocumentId(event.target.value)} aria-label="Article" data-testid="segments-document">
          <option value="">All articles</option>
          {project.documents.map((document) => <option key={document.id} value={document.id}>{document.title}</option>)}
        </select>
        <button type="button" className="button" disabled={count === 0} onClick={() => window.print()}>Print…</button>
      </div>
      <p className="analysis-count" aria-live="polite" data-testid="segments-count">
        {code === undefined ? 'Choose a code to see its segments.' : `${count} segment${count === 1 ? '' : 's'} coded ${code.name} in ${where}`}
      </p>
      <SegmentList groups={groups} workspace={workspace} limit={PANEL_LIMIT} />
      {count > PANEL_LIMIT && <p className="panel-empty">Showing the first {PANEL_LIMIT}; Print… has them all.</p>}
      {code !== undefined && createPortal(
        <div className="print-sheet" data-testid="print-sheet">
          <h1>{code.name}</h1>
          <p>{count} segment{count === 1 ? '' : 's'} in {where}</p>
          <SegmentList groups={groups} />
        </div>,
        document.body,
      )}
    </div>
  );
}
