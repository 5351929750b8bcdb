/**
 * The Analysis panel's Codes × documents tab: how many segments of each code each article
 * holds (#shared/analysis/code-matrix.ts), with each code's total and each article's count
 * of coded highlights. A click on a count opens the Segments tab on that code in that
 * article (or in the corpus, from a code's total). The table scrolls inside the panel.
 */
import { useMemo } from 'react';
import { codeDocumentMatrix } from '#shared/analysis/code-matrix.ts';
import type { AnalysisViewProps } from './analysis-tabs.ts';
import { SEGMENTS_TAB_ID, segmentsSubject } from './segments-subject.ts';
import { useCodedProject } from './use-coded-segments.ts';

/** The Codes × documents tab. */
export function CodeMatrixView({ workspace, articles }: AnalysisViewProps) {
  const project = useCodedProject(workspace, articles);
  const matrix = useMemo(() => codeDocumentMatrix(project.excerpts, project.codes, project.documents), [project]);
  if (matrix.codes.length === 0) return <p className="panel-empty">No codes yet: code some highlights to see them counted per article.</p>;

  const open = (tagId: string, documentId?: string) => workspace.openAnalysis(SEGMENTS_TAB_ID, segmentsSubject(tagId, documentId));
  return (
    <div className="analysis-table-scroll">
      <table className="analysis-table" data-testid="code-matrix">
        <caption className="analysis-count">Coded segments per code and article</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            {matrix.documents.map((document) => (
              <th key={document.id} scope="col" title={document.title}><span className="analysis-table__heading">{document.title}</span></th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {matrix.codes.map((code, row) => (
            <tr key={code.id} data-code={code.name}>
              <th scope="row">{code.name}</th>
              {matrix.documents.map((document, column) => {
                const count = (matrix.counts[row] as readonly number[])[column] as number;
                return (
                  <td key={document.id} data-testid="matrix-cell">
                    {count === 0 ? <span className="analysis-table__zero">0</span> : (
                      <button type="button" className="analysis-table__cell" aria-label={`${count} ${code.name} in ${document.title}`} onClick={() => open(code.id, document.id)}>{count}</button>
                    )}
                  </td>
                );
              })}
              <td data-testid="matrix-code-total">
                <button type="button" className="analysis-table__cell analysis-table__total" aria-label={`${matrix.codeTotals[row] ?? 0} ${code.name} in all articles`} onClick={() => open(code.id)}>{matrix.codeTotals[row]}</button>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" title="Highlights carrying at least one code (a highlight with several codes counts once)">Coded highlights</th>
            {matrix.documentTotals.map((total, column) => <td key={matrix.documents[column]?.id} data-testid="matrix-document-total">{total}</td>)}
            <td data-testid="matrix-total">{matrix.total}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
