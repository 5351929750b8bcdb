/**
 * Inter-coder agreement of a project (docs/architecture.md §10): per code and per pair of
 * coders the 2×2 table over all code points of the selected documents with percent
 * agreement, Cohen's κ and Jaccard, and Krippendorff's unitizing α over the chosen coders.
 *
 * - Rows: the codes asked for, or else every code at least one chosen coder applied, in
 *   codebook order.
 * - Overall: Po, κ and Jaccard of the pooled table (the rows' tables added cell by cell);
 *   α with the rows' codes as the categories (1 − ΣDₒ/ΣDₑ).
 * - Two coders: each row is the pair A = coders[0], B = coders[1]. More than two: each row
 *   keeps N and α over all of them (its two-coder cells are null), and `pairs` gives every
 *   pair's own rows and overall, α included.
 */
import type { MemberId, TagId } from '#shared/model/ids.ts';
import { coveredLength, intersectionLength } from './agreement-intervals.ts';
import type { Codings } from './agreement-codings.ts';
import { agreementTable, pairMeasures, poolTables, type AgreementTable } from './agreement-measures.ts';
import { unitizingAlpha, unitizingDisagreement, type UnitizingDisagreement } from './unitizing-alpha.ts';

/** The figures of one code, or of all codes together; null where undefined or not a two-coder figure. */
export type AgreementFigures = {
  /** N: code points of the selected documents (times the number of codes when pooled). */
  readonly n: number;
  readonly a: number | null;
  readonly b: number | null;
  readonly both: number | null;
  readonly neither: number | null;
  readonly agreement: number | null;
  readonly kappa: number | null;
  readonly jaccard: number | null;
  readonly alpha: number | null;
};

/** One code's row. */
export type AgreementRow = AgreementFigures & { readonly id: TagId; readonly name: string };

/** One pair of coders. */
export type AgreementPair = {
  readonly a: MemberId;
  readonly b: MemberId;
  readonly codes: readonly AgreementRow[];
  readonly overall: AgreementFigures;
};

/** The whole result, as `marginalia agreement --format json` writes it. */
export type AgreementReport = {
  readonly unit: 'codepoint';
  readonly coders: readonly { readonly id: MemberId; readonly name: string }[];
  readonly documents: readonly { readonly id: string; readonly title: string; readonly codePoints: number }[];
  readonly codes: readonly AgreementRow[];
  readonly overall: AgreementFigures;
  /** Every pair of coders, when more than two are chosen. */
  readonly pairs?: readonly AgreementPair[];
};

/** What to compute. */
export type AgreementChoice = {
  /** Two or more distinct coders. */
  readonly coders: readonly MemberId[];
  /** The codes to report; default: every code a chosen coder applied. */
  readonly codes?: readonly TagId[];
};

function figures(table: AgreementTable, alpha: number | null): AgreementFigures {
  return { ...table, ...pairMeasures(table), alpha };
}

function tableOf(codings: Codings, total: number, code: TagId, a: MemberId, b: MemberId): AgreementTable {
  const first = codings.units(code, a);
  const second = codings.units(code, b);
  let sizeA = 0;
  let sizeB = 0;
  let both = 0;
  first.forEach((units, d) => {
    const other = second[d] ?? [];
    sizeA += coveredLength(units);
    sizeB += coveredLength(other);
    both += intersectionLength(units, other);
  });
  return agreementTable(total, sizeA, sizeB, both);
}

/** Computes agreement over `codings`; throws for fewer than two distinct coders. */
export function computeAgreement(codings: Codings, choice: AgreementChoice): AgreementReport {
  const coderIds = [...new Set(choice.coders)];
  if (coderIds.length < 2) throw new Error('agreement needs two different coders');
  const names = new Map(codings.coders.map((coder) => [coder.id, coder.name]));
  const codeNames = new Map(codings.codes.map((code) => [code.id as string, code.name]));
  const codes = choice.codes
    ? [...new Set(choice.codes)].map((id) => ({ id, name: codeNames.get(id) ?? id }))
    : codings.codes.filter((code) => coderIds.some((coder) => codings.used(code.id, coder)));
  const lengths = codings.documents.map((document) => document.codePoints);
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const disagreementOf = (code: TagId, coders: readonly MemberId[]): UnitizingDisagreement =>
    unitizingDisagreement(lengths, coders.map((coder) => codings.units(code, coder)));

  const pairOf = (a: MemberId, b: MemberId): AgreementPair => {
    const tables = codes.map((code) => tableOf(codings, total, code.id, a, b));
    const disagreements = codes.map((code) => disagreementOf(code.id, [a, b]));
    return {
      a,
      b,
      codes: codes.map((code, i) => ({ id: code.id, name: code.name, ...figures(tables[i] as AgreementTable, unitizingAlpha([disagreements[i] as UnitizingDisagreement])) })),
      overall: figures(poolTables(tables), unitizingAlpha(disagreements)),
    };
  };

  const base = {
    unit: 'codepoint' as const,
    coders: coderIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    documents: codings.documents.map(({ id, title, codePoints }) => ({ id, title, codePoints })),
  };
  if (coderIds.length === 2) {
    const pair = pairOf(coderIds[0] as MemberId, coderIds[1] as MemberId);
    return { ...base, codes: pair.codes, overall: pair.overall };
  }
  const pairs: AgreementPair[] = [];
  for (let i = 0; i < coderIds.length; i++) for (let j = i + 1; j < coderIds.length; j++) pairs.push(pairOf(coderIds[i] as MemberId, coderIds[j] as MemberId));
  const disagreements = codes.map((code) => disagreementOf(code.id, coderIds));
  const allCoders = (n: number, alpha: number | null): AgreementFigures => ({ n, a: null, b: null, both: null, neither: null, agreement: null, kappa: null, jaccard: null, alpha });
  return {
    ...base,
    codes: codes.map((code, i) => ({ id: code.id, name: code.name, ...allCoders(total, unitizingAlpha([disagreements[i] as UnitizingDisagreement])) })),
    overall: allCoders(total * codes.length, unitizingAlpha(disagreements)),
    pairs,
  };
}
