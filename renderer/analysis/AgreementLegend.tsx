/**
 * The legend beside the agreement numbers: the unit they count, N, and each formula in a
 * line, so a reader of the table never has to guess what "κ" or "—" means here
 * (docs/architecture.md §10 holds the full definitions).
 */
import { formatCount } from './agreement-format.ts';

/** Props of {@link AgreementLegend}. */
export interface AgreementLegendProps {
  readonly documents: number;
  /** N: code points of the selected documents. */
  readonly codePoints: number;
  /** Coded highlights that no longer anchor, left out. */
  readonly unplaced: number;
}

/** The legend. */
export function AgreementLegend({ documents, codePoints, unplaced }: AgreementLegendProps) {
  return (
    <dl className="agreement__legend" data-testid="agreement-legend">
      <dt>Unit</dt>
      <dd>one character (Unicode code point) of the text; N = {formatCount(codePoints)} in {documents} {documents === 1 ? 'document' : 'documents'}. A person's overlapping highlights count once.</dd>
      <dt>A, B, Both</dt>
      <dd>characters coded with the code by A, by B, by both.</dd>
      <dt>Agr.</dt>
      <dd>Po = (both + neither) / N</dd>
      <dt>κ</dt>
      <dd>Cohen's kappa (Po − Pe) / (1 − Pe), Pe = pA·pB + (1 − pA)(1 − pB)</dd>
      <dt>Jacc.</dt>
      <dd>Jaccard: both / (coded by A or B)</dd>
      <dt>α</dt>
      <dd>Krippendorff's unitizing alpha (2004): 1 − observed / expected disagreement of the coded stretches</dd>
      <dt>All codes</dt>
      <dd>the codes' tables added together; α over all codes</dd>
      <dt>—</dt>
      <dd>undefined: nobody coded it, or no variation to correct for</dd>
      {unplaced > 0 && (
        <>
          <dt>Left out</dt>
          <dd>{unplaced} coded {unplaced === 1 ? 'highlight no longer anchors' : 'highlights no longer anchor'} in the current text</dd>
        </>
      )}
    </dl>
  );
}
