/**
 * The Analysis panel's "Compare" tab: choose two people and a code (or any code); the open
 * article then shows what A coded alone, B alone, and both (compare-paint.ts), with a
 * legend. Next / Previous disagreement (buttons, or N / P with the caret anywhere but a text
 * field) scroll the reader to each A-only or B-only segment and announce it ("Ana only:
 * “…”"); one action resolves it as the person: "Apply <code> here" or "Remove mine"
 * (compare-model.ts; ordinary writes, so Ctrl/Cmd+Z undoes them). Closing the panel
 * (×, or Escape in the panel or the article) or choosing another tab removes the painting:
 * the normal view is back.
 *
 * The choice lives in the tab's subject (#shared/analysis/compare.ts), so the agreement
 * table can open this tab on a pair and a code.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { parseCompareSubject, serializeCompareSubject, type CompareSubject } from '#shared/analysis/compare.ts';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import { displayMembers } from '../panels/people.ts';
import { useDocVersion, useWorkspaceSnapshot } from '../annotations/use-workspace.ts';
import { codebookOrder } from '../store/annotation-actions.ts';
import type { AnalysisViewProps } from './analysis-tabs.ts';
import { compareInArticle, kindLabel } from './compare-model.ts';
import { startComparePaint, type ComparePainter } from './compare-paint.ts';
import { CompareLegend, CompareResolve } from './CompareParts.tsx';
import './compare.css';

/** A key that steps through disagreements, unless typed into a field. */
function stepOf(event: KeyboardEvent): 1 | -1 | 0 {
  if (event.ctrlKey || event.metaKey || event.altKey) return 0;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select') != null) return 0;
  if (event.key === 'n' || event.key === 'N') return 1;
  if (event.key === 'p' || event.key === 'P') return -1;
  return 0;
}

/** The tab. */
export function CompareView({ workspace, subject }: AnalysisViewProps) {
  const doc = workspace.session.doc;
  const version = useDocVersion(doc);
  const { member, readerDocumentId } = useWorkspaceSnapshot(workspace);
  const me = member?.id ?? null;
  /* eslint-disable react-hooks/exhaustive-deps -- version stands for the doc's content */
  const members = useMemo(() => displayMembers(doc), [doc, version]);
  const codes = useMemo(() => codebookOrder(doc).map((node) => node.tag), [doc, version]);
  const parsed = parseCompareSubject(subject);
  const a = parsed.a ?? me ?? members[0]?.id ?? null;
  const b = parsed.b ?? members.find((candidate) => candidate.id !== a)?.id ?? null;
  const tag = parsed.tag !== null && codes.some((code) => code.id === parsed.tag) ? parsed.tag : null;
  const nameOf = (id: MemberId | null): string => members.find((candidate) => candidate.id === id)?.name ?? 'someone';
  const reader = readerDocumentId === null ? null : workspace.reader();
  const comparison = useMemo(
    () => (reader === null || a === null || b === null || a === b ? null : compareInArticle(doc, reader.article, a, b, tag)),
    [doc, version, reader, a, b, tag],
  );
  /* eslint-enable react-hooks/exhaustive-deps */
  const [current, setCurrent] = useState(-1);
  const painter = useRef<ComparePainter | null>(null);
  // Another article starts from its first disagreement.
  useEffect(() => setCurrent(-1), [readerDocumentId]);
  const count = comparison?.disagreements.length ?? 0;
  const shownIndex = Math.min(current, count - 1);
  const shown = shownIndex >= 0 ? comparison?.disagreements[shownIndex] ?? null : null;
  // What the live region says: the current disagreement (after a resolution, the one that moved into its place).
  const excerpt = shown === null ? '' : shown.text.length > 120 ? `${shown.text.slice(0, 120)}…` : shown.text;
  const announced = shown === null ? '' : `${kindLabel(shown.kind, nameOf(a), nameOf(b))}: “${excerpt}” (${shownIndex + 1} of ${count})`;

  const choose = (change: Partial<CompareSubject>): void => {
    setCurrent(-1);
    workspace.openAnalysis('compare', serializeCompareSubject({ a, b, tag, ...change }));
  };

  // Paint while the tab is open on a reader; unpainting restores the normal view.
  useEffect(() => {
    if (reader === null) return undefined;
    const started = startComparePaint(reader.view);
    painter.current = started;
    return () => {
      started.stop();
      if (painter.current === started) painter.current = null;
    };
  }, [reader]);
  // After a resolution the next disagreement moves into the current place: show it once painted.
  const revealAfterPaint = useRef(false);
  useEffect(() => {
    painter.current?.paint(comparison?.segments ?? [], shownIndex);
    if (revealAfterPaint.current && shownIndex >= 0) {
      revealAfterPaint.current = false;
      painter.current?.elementOf(shownIndex)?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  }, [comparison, shownIndex, reader]);

  const step = (direction: 1 | -1): void => {
    if (comparison === null || count === 0) return;
    const next = shownIndex < 0 ? (direction === 1 ? 0 : count - 1) : (shownIndex + direction + count) % count;
    const segment = comparison.disagreements[next];
    if (segment === undefined) return;
    setCurrent(next);
    requestAnimationFrame(() => painter.current?.elementOf(next)?.scrollIntoView({ block: 'center', inline: 'nearest' }));
  };
  const stepRef = useRef(step);
  stepRef.current = step;
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      // Escape in the article leaves the comparison too (in the panel, the panel's own Escape
      // does), unless the find bar or a popover is open to take it first. The article's editor
      // marks every Escape as handled (it selects the parent node), so that mark says nothing.
      if (event.key === 'Escape' && workspace.getSnapshot().popover === null && document.querySelector('.find-bar') === null) {
        const target = event.target as Element | null;
        if (target?.closest('.reader-document') != null) {
          event.preventDefault();
          workspace.setPanel(null);
        }
        return;
      }
      const direction = stepOf(event);
      if (direction === 0) return;
      event.preventDefault();
      stepRef.current(direction);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [workspace]);

  return (
    <div className="compare-view" data-testid="compare-view">
      <div className="compare__choices" role="group" aria-label="Compare">
        <label className="compare__field">A
          <select value={a ?? ''} onChange={(event) => choose({ a: event.target.value as MemberId })} data-testid="compare-a">
            {members.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
          </select>
        </label>
        <label className="compare__field">B
          <select value={b ?? ''} onChange={(event) => choose({ b: event.target.value as MemberId })} data-testid="compare-b">
            {members.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
          </select>
        </label>
        <label className="compare__field">Code
          <select value={tag ?? ''} onChange={(event) => choose({ tag: event.target.value === '' ? null : (event.target.value as TagId) })} data-testid="compare-code">
            <option value="">Any code</option>
            {codes.map((code) => <option key={code.id} value={code.id}>{code.name}</option>)}
          </select>
        </label>
      </div>
      {reader === null && <p className="panel-empty">Open an article to compare its coding.</p>}
      {reader !== null && a !== null && a === b && <p className="panel-empty">Choose two different people.</p>}
      {comparison !== null && (
        <>
          <CompareLegend nameA={nameOf(a)} nameB={nameOf(b)} segments={comparison.segments} />
          <div className="compare__steps">
            <button type="button" className="button" onClick={() => step(-1)} disabled={count === 0} aria-keyshortcuts="P" data-testid="compare-previous">Previous disagreement</button>
            <button type="button" className="button" onClick={() => step(1)} disabled={count === 0} aria-keyshortcuts="N" data-testid="compare-next">Next disagreement</button>
          </div>
          <p className="compare__status" data-testid="compare-count">
            {count === 0 ? 'No disagreements in this article.' : `${count} disagreement${count === 1 ? '' : 's'} in this article (N / P step).`}
          </p>
          <p className="compare__current" role="status" aria-live="polite" data-testid="compare-announce">{announced}</p>
          {shown !== null && me !== null && reader !== null && (
            <CompareResolve onResolved={() => { revealAfterPaint.current = true; }} workspace={workspace} article={reader.article} comparison={comparison} segment={shown} tag={tag} me={me} codeName={codes.find((code) => code.id === tag)?.name ?? ''} />
          )}
        </>
      )}
    </div>
  );
}
