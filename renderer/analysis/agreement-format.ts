/**
 * What the Agreement tab shows around the numbers, kept apart from the component so it is
 * plain and testable: how a figure is written ("—" where it is undefined), which two people
 * are compared before anyone chooses, and the name of the saved CSV file.
 */
import type { AgreementCoder } from '#shared/analysis/agreement-codings.ts';
import type { MemberId } from '#shared/model/ids.ts';

/** A measure to three places, or "—" where it is undefined (null). */
export function formatMeasure(value: number | null): string {
  if (value === null) return '—';
  const shown = value.toFixed(3);
  // A value that rounds to zero has no sign ("-0.000" reads as a finding where there is none).
  return shown === '-0.000' ? '0.000' : shown;
}

/** A count of code points with thousands separators, or "—". */
export function formatCount(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('en-GB');
}

/**
 * The coders compared: the chosen ones while they are still people of the project, else
 * the two who coded most highlights (`coders` comes sorted that way); null when the
 * project has fewer than two people.
 */
export function pickCoders(coders: readonly AgreementCoder[], chosen: { readonly a: string; readonly b: string }): { a: MemberId; b: MemberId } | null {
  const known = new Set<string>(coders.map((coder) => coder.id));
  const a = known.has(chosen.a) ? (chosen.a as MemberId) : coders.find((coder) => coder.id !== chosen.b)?.id;
  const b = known.has(chosen.b) && chosen.b !== a ? (chosen.b as MemberId) : coders.find((coder) => coder.id !== a)?.id;
  return a !== undefined && b !== undefined ? { a, b } : null;
}

/** The suggested file name of a saved agreement table. */
export function agreementFileName(a: string, b: string): string {
  const part = (name: string) => name.trim().replace(/[^\p{L}\p{N}_.-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'coder';
  return `agreement-${part(a)}-${part(b)}.csv`;
}
