/**
 * The Agreement tab of the Analysis panel: how far two people coded the same code points
 * with the same codes (docs/architecture.md §10). Choose the two coders (at first the two
 * who coded most highlights) and the documents (all at first); per code and for all codes
 * the tab shows what each coded, what both coded, percent agreement, Cohen's κ, Jaccard
 * and Krippendorff's unitizing α, with a legend of the unit and formulas beside them.
 *
 * The numbers follow the project live: a teammate's coding arriving by sync re-reads the
 * codings once changes settle (a short debounce, so a burst of updates costs one pass).
 * The computation is `marginalia agreement`'s (#shared/analysis), so the tab, the command
 * line and the saved CSV agree to the last digit. Records of the project no reader can use
 * (docs/architecture.md §9) are left out and counted in one quiet line.
 */
import { useEffect, useMemo, useState } from 'react';
import { computeAgreement, type AgreementFigures } from '#shared/analysis/agreement.ts';
import { readCodings } from '#shared/analysis/agreement-codings.ts';
import { createSkipLog, describeSkipped } from '#shared/model/read-guards.ts';
import { useDocVersion } from '../annotations/use-workspace.ts';
import { displayMembers } from '../panels/people.ts';
import { ANALYSIS_TABS, type AnalysisViewProps } from './analysis-tabs.ts';
import { formatCount, formatMeasure, pickCoders } from './agreement-format.ts';
import { AgreementLegend } from './AgreementLegend.tsx';
import { saveAgreementCsv } from './agreement-save.ts';
import './agreement.css';

/** How long the codings must be still before they are read again (ms). */
const SETTLE_MS = 250;

/** `value`, once it has not changed for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function FigureCells({ figures }: { readonly figures: AgreementFigures }) {
  return (
    <>
      <td data-column="a">{formatCount(figures.a)}</td>
      <td data-column="b">{formatCount(figures.b)}</td>
      <td data-column="both">{formatCount(figures.both)}</td>
      <td data-column="agreement">{formatMeasure(figures.agreement)}</td>
      <td data-column="kappa">{formatMeasure(figures.kappa)}</td>
      <td data-column="jaccard">{formatMeasure(figures.jaccard)}</td>
      <td data-column="alpha">{formatMeasure(figures.alpha)}</td>
    </>
  );
}

/** The Agreement tab. */
export function AgreementView({ workspace, articles }: AnalysisViewProps) {
  const doc = workspace.session.doc;
  const version = useSettled(useDocVersion(doc), SETTLE_MS);
  const [chosen, setChosen] = useState({ a: '', b: '' });
  const [documentId, setDocumentId] = useState('');
  const [saving, setSaving] = useState(false);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  const { codings, skippedLine } = useMemo(() => {
    const skipped = createSkipLog();
    const read = readCodings(doc, articles, documentId === '' ? undefined : [documentId], skipped);
    return { codings: read, skippedLine: describeSkipped(skipped.records) };
  }, [doc, version, articles, documentId]);
  const pair = pickCoders(codings.coders, chosen);
  // Keep the pair shown once it is shown: new codings arriving never swap who is A and who is B.
  useEffect(() => {
    if (pair !== null && (pair.a !== chosen.a || pair.b !== chosen.b)) setChosen(pair);
  }, [pair?.a, pair?.b]); // eslint-disable-line react-hooks/exhaustive-deps -- follows the pair shown
  const report = useMemo(() => (pair ? computeAgreement(codings, { coders: [pair.a, pair.b] }) : null), [codings, pair?.a, pair?.b]);
  const canCompare = ANALYSIS_TABS.some((tab) => tab.id === 'compare');
  // Coders as the app names people ("Alex", "Alex (2)"), their own name where not a member.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  const shownNames = useMemo(() => new Map(displayMembers(doc).map((member) => [member.id as string, member.name])), [doc, version]);
  const nameOf = (id: string) => shownNames.get(id) ?? (codings.coders.find((coder) => coder.id === id)?.name || 'Unnamed');

  const save = async (): Promise<void> => {
    if (report === null) return;
    setSaving(true);
    try {
      if (await saveAgreementCsv(report)) workspace.notify({ kind: 'info', text: 'Agreement saved as CSV.' });
    } catch (error) {
      workspace.notify({ kind: 'error', text: `The agreement could not be saved: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setSaving(false);
    }
  };

  const coderChoice = (side: 'a' | 'b', label: string) => (
    <label className="agreement__choice">
      <span>{label}</span>
      <select value={pair?.[side] ?? ''} aria-label={`Coder ${label}`} data-testid={`agreement-coder-${side}`} onChange={(event) => setChosen({ ...(pair ?? chosen), [side]: event.target.value })}>
        {codings.coders.map((coder) => (
          <option key={coder.id} value={coder.id}>{`${nameOf(coder.id)} (${coder.codedHighlights})`}</option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="agreement" data-testid="agreement-view">
      <div className="agreement__choices" role="group" aria-label="What to compare">
        {coderChoice('a', 'A')}
        {coderChoice('b', 'B')}
        <label className="agreement__choice agreement__choice--wide">
          <span>Documents</span>
          <select value={documentId} aria-label="Documents" data-testid="agreement-documents" onChange={(event) => setDocumentId(event.target.value)}>
            <option value="">All documents</option>
            {articles.map((article) => <option key={article.meta.id} value={article.meta.id}>{article.meta.title}</option>)}
          </select>
        </label>
      </div>
      {pair === null || report === null ? (
        <p className="panel-empty">Agreement needs two people in the project.</p>
      ) : report.codes.length === 0 ? (
        <p className="panel-empty" data-testid="agreement-empty">Neither {nameOf(pair.a)} nor {nameOf(pair.b)} has coded anything in these documents.</p>
      ) : (
        <div className="agreement__scroll">
          <table className="agreement__table" data-testid="agreement-table">
            <caption className="visually-hidden">Agreement per code between {nameOf(pair.a)} (A) and {nameOf(pair.b)} (B)</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col" title={`Code points ${nameOf(pair.a)} coded`}>A</th>
                <th scope="col" title={`Code points ${nameOf(pair.b)} coded`}>B</th>
                <th scope="col" title="Code points both coded">Both</th>
                <th scope="col" title="Percent agreement">Agr.</th>
                <th scope="col" title="Cohen's kappa">κ</th>
                <th scope="col" title="Jaccard index">Jacc.</th>
                <th scope="col" title="Krippendorff's unitizing alpha">α</th>
              </tr>
            </thead>
            <tbody>
              {report.codes.map((row) => (
                <tr key={row.id} data-testid="agreement-row">
                  <th scope="row">
                    {canCompare ? (
                      // The code's name opens the comparison of its coding: no column of its own past the panel's edge.
                      <button
                        type="button"
                        className="agreement__compare"
                        aria-label={`Compare ${row.name}`}
                        title={`Compare ${nameOf(pair.a)}’s and ${nameOf(pair.b)}’s coding of ${row.name}`}
                        onClick={() => workspace.openAnalysis('compare', JSON.stringify({ a: pair.a, b: pair.b, tag: row.id }))}
                      >
                        {row.name}
                      </button>
                    ) : row.name}
                  </th>
                  <FigureCells figures={row} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="agreement-overall">
                <th scope="row">All codes</th>
                <FigureCells figures={report.overall} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {report !== null && <AgreementLegend documents={report.documents.length} codePoints={report.documents.reduce((sum, document) => sum + document.codePoints, 0)} unplaced={codings.unplaced} />}
      {skippedLine !== '' && <p className="panel-empty" data-testid="agreement-skipped">{skippedLine}</p>}
      <div className="agreement__actions">
        <button type="button" className="button" disabled={report === null || saving} onClick={() => void save()}>Save CSV…</button>
      </div>
    </div>
  );
}
