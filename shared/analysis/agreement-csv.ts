/**
 * Agreement as CSV, for the command line and the Agreement tab's *Save CSV…*: one row per
 * pair of coders and code, then the pair's overall row (code "All codes"); with more than
 * two coders, rows for all coders together carry α only. Names are cells like any export
 * cell (#shared/export/csv.ts: RFC 4180 quoting, formula neutralising); an undefined
 * measure is an empty cell, numbers are written in full precision.
 */
import { csvField, csvText, neutraliseFormula } from '#shared/export/csv.ts';
import type { AgreementFigures, AgreementReport } from './agreement.ts';

/** The header row's columns, in order. */
export const AGREEMENT_CSV_COLUMNS = ['coder_a', 'coder_b', 'code_id', 'code', 'n', 'a', 'b', 'both', 'neither', 'agreement', 'kappa', 'jaccard', 'alpha'] as const;

/** The label of each pair's overall row. */
export const ALL_CODES = 'All codes';

function textCell(value: string): string {
  return csvField(neutraliseFormula(csvText(value)));
}

function numberCell(value: number | null): string {
  return value === null ? '' : String(value);
}

function figureCells(figures: AgreementFigures): string[] {
  return [figures.n, figures.a, figures.b, figures.both, figures.neither, figures.agreement, figures.kappa, figures.jaccard, figures.alpha].map(numberCell);
}

/** Renders `report` as CSV text (CRLF row ends, a CRLF after the last row). */
export function agreementToCsv(report: AgreementReport): string {
  const names = new Map(report.coders.map((coder) => [coder.id as string, coder.name || coder.id]));
  const rows: string[][] = [[...AGREEMENT_CSV_COLUMNS]];
  const pairs = report.pairs ?? [{ a: report.coders[0]?.id ?? '', b: report.coders[1]?.id ?? '', codes: report.codes, overall: report.overall }];
  for (const pair of pairs) {
    const coders = [textCell(names.get(pair.a) ?? pair.a), textCell(names.get(pair.b) ?? pair.b)];
    for (const row of pair.codes) rows.push([...coders, row.id, textCell(row.name), ...figureCells(row)]);
    rows.push([...coders, '', ALL_CODES, ...figureCells(pair.overall)]);
  }
  if (report.pairs) {
    const all = [textCell(report.coders.map((coder) => coder.name || coder.id).join(' + ')), ''];
    for (const row of report.codes) rows.push([...all, row.id, textCell(row.name), ...figureCells(row)]);
    rows.push([...all, '', ALL_CODES, ...figureCells(report.overall)]);
  }
  return rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
}
