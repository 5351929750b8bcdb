/**
 * The Analysis panel's Co-occurrence tab: codes × codes, each cell n12 — segments of the
 * row's code that carry the column's code or overlap a segment coded with it — and the
 * c-coefficient n12 / (n1 + n2 − n12) beside it (#shared/analysis/cooccurrence.ts; n12
 * counts the row's segments, so the table need not be symmetric). A click on a cell lists
 * its segments under the table; "Save CSV…" saves every pair through the app's save dialog.
 */
import { useMemo, useState } from 'react';
import { cCoefficient, cooccurrence, cooccurrenceCell } from '#shared/analysis/cooccurrence.ts';
import { cooccurrenceCsv, formatCoefficient } from '#shared/analysis/cooccurrence-format.ts';
import { groupSegments } from '#shared/analysis/segments.ts';
import { detectPlatform } from '../services/platform.ts';
import type { AnalysisViewProps } from './analysis-tabs.ts';
import { SegmentList } from './SegmentList.tsx';
import { useCodedProject } from './use-coded-segments.ts';

/** The Co-occurrence tab. */
export function CooccurrenceView({ workspace, articles }: AnalysisViewProps) {
  const project = useCodedProject(workspace, articles);
  const table = useMemo(() => cooccurrence(project.excerpts, project.codes), [project]);
  const [cell, setCell] = useState<{ readonly row: number; readonly column: number } | null>(null);
  const chosen = cell === null ? undefined : { one: table.codes[cell.row], two: table.codes[cell.column] };
  const groups = useMemo(() => {
    if (chosen?.one === undefined || chosen.two === undefined) return [];
    const { counted, partners } = cooccurrenceCell(project.excerpts, chosen.one.id, chosen.two.id);
    const ids = new Set([...counted, ...partners]);
    return groupSegments(project.excerpts.filter((excerpt) => ids.has(excerpt.id)), project.texts);
  }, [project, chosen?.one, chosen?.two]);

  if (table.codes.length < 2) return <p className="panel-empty">Co-occurrence needs at least two codes.</p>;

  const save = async (): Promise<void> => {
    try {
      await detectPlatform().saveFile({ suggestedName: 'co-occurrence.csv', content: cooccurrenceCsv(table), filters: [{ name: 'CSV', extensions: ['csv'] }] });
    } catch (error) {
      workspace.notify({ kind: 'error', text: `The table could not be saved: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  const n12Of = (row: number, column: number) => (table.n12[row] as readonly number[])[column] as number;

  return (
    <div className="cooccurrence-view">
      <div className="analysis-toolbar">
        <p className="analysis-count">n12 segments of the row’s code with the column’s code on or over them; c-coefficient below.</p>
        <button type="button" className="button" onClick={() => void save()}>Save CSV…</button>
      </div>
      <div className="analysis-table-scroll">
        <table className="analysis-table" data-testid="cooccurrence-table">
          <thead>
            <tr>
              <th scope="col">Code (n)</th>
              {table.codes.map((code) => <th key={code.id} scope="col" title={code.name}><span className="analysis-table__heading">{code.name}</span></th>)}
            </tr>
          </thead>
          <tbody>
            {table.codes.map((code, row) => (
              <tr key={code.id} data-code={code.name}>
                <th scope="row" title={code.name}>{code.name} <span className="analysis-table__zero">({table.n[row]})</span></th>
                {table.codes.map((other, column) => {
                  if (row === column) return <td key={other.id} className="analysis-table__diagonal">—</td>;
                  const n12 = n12Of(row, column);
                  const c = formatCoefficient(cCoefficient(n12, table.n[row] as number, table.n[column] as number));
                  return (
                    <td key={other.id} data-testid="cooccurrence-cell">
                      {n12 === 0 ? <span className="analysis-table__zero">0</span> : (
                        <button
                          type="button"
                          className="analysis-table__cell"
                          aria-pressed={cell?.row === row && cell.column === column}
                          onClick={() => setCell({ row, column })}
                        >
                          <span className="visually-hidden">{code.name} with {other.name}: </span>
                          <span className="cooccurrence__n12">{n12}</span>
                          <span className="visually-hidden">, c </span>
                          <span className="cooccurrence__c">{c}</span>
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chosen?.one !== undefined && chosen.two !== undefined && (
        <section className="cooccurrence__segments" aria-label="Segments of the chosen cell">
          <h3 className="analysis-count" data-testid="cooccurrence-chosen">{chosen.one.name} with {chosen.two.name}</h3>
          <SegmentList groups={groups} workspace={workspace} />
        </section>
      )}
    </div>
  );
}
