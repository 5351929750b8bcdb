/**
 * The co-occurrence table written out, for the Co-occurrence tab's "Save CSV…" and the
 * `marginalia cooccurrence` command: one row per ordered pair of codes (code 1, code 2),
 * with n1, n2, n12 and the c-coefficient, so a spreadsheet can pivot it either way. Cells
 * go through the CSV export's escaping (formula signs neutralised, controls dropped).
 */
import { csvField, csvText, neutraliseFormula } from '#shared/export/csv.ts';
import { cCoefficient, type CooccurrenceTable } from './cooccurrence.ts';

/** One ordered pair of the table. */
export interface CooccurrencePair {
  readonly code1: { readonly id: string; readonly name: string };
  readonly code2: { readonly id: string; readonly name: string };
  readonly n1: number;
  readonly n2: number;
  readonly n12: number;
  readonly c: number;
}

/** Every ordered pair of distinct codes, rows in code order. */
export function cooccurrencePairs(table: CooccurrenceTable): CooccurrencePair[] {
  const pairs: CooccurrencePair[] = [];
  table.codes.forEach((code1, i) => {
    table.codes.forEach((code2, j) => {
      if (i === j) return;
      const n1 = table.n[i] as number;
      const n2 = table.n[j] as number;
      const n12 = (table.n12[i] as readonly number[])[j] as number;
      pairs.push({ code1, code2, n1, n2, n12, c: cCoefficient(n12, n1, n2) });
    });
  });
  return pairs;
}

/** The c-coefficient as written: four decimals. */
export function formatCoefficient(c: number): string {
  return c.toFixed(4);
}

/** CSV (RFC 4180, CRLF): code_1, code_2, n1, n2, n12, c, then the codes' ids. */
export function cooccurrenceCsv(table: CooccurrenceTable): string {
  const cell = (value: string) => csvField(neutraliseFormula(csvText(value)));
  const lines = ['code_1,code_2,n1,n2,n12,c,code_1_id,code_2_id'];
  for (const pair of cooccurrencePairs(table)) {
    lines.push([cell(pair.code1.name), cell(pair.code2.name), pair.n1, pair.n2, pair.n12, formatCoefficient(pair.c), pair.code1.id, pair.code2.id].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** JSON: the codes with their n, and every ordered pair. */
export function cooccurrenceJson(table: CooccurrenceTable): string {
  const codes = table.codes.map((code, index) => ({ id: code.id, name: code.name, n: table.n[index] as number }));
  const pairs = cooccurrencePairs(table).map((pair) => ({ code1: pair.code1.id, code2: pair.code2.id, n12: pair.n12, c: Number(formatCoefficient(pair.c)) }));
  return `${JSON.stringify({ definition: 'n12 = segments of code1 carrying code2 or overlapping a segment coded code2; c = n12 / (n1 + n2 - n12)', codes, pairs }, null, 2)}\n`;
}
