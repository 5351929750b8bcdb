/**
 * Reading stored values without trusting them, and the record of what was skipped.
 *
 * A project doc arrives from files, from IndexedDB and from every teammate's client, so any
 * value in it may be of the wrong type: an older or newer app, a damaged file, or one
 * hostile `members.set(id, null)`. Readers therefore check each value they use. A record
 * that cannot be used (a highlight without a readable anchor, a note that is not a map) is
 * skipped and written to a {@link SkipLog} once; a bad optional field reads as its safe
 * default (no description, unknown time). Callers show the log's summary ("3 records
 * skipped (…)") so nothing disappears silently and nothing crashes for the whole team.
 */
import * as Y from 'yjs';
import type { MemberId } from './ids.ts';

/** The kinds of stored record a reader may skip. */
export type SkippedKind = 'member' | 'tag' | 'highlight' | 'note' | 'reply' | 'memo';

/** One record a reader could not use, and why. */
export type SkippedRecord = { readonly kind: SkippedKind; readonly id: string; readonly reason: string };

/** What readers skipped during one query; each record is listed once, however often it was read. */
export type SkipLog = {
  readonly records: readonly SkippedRecord[];
  skip(kind: SkippedKind, id: string, reason: string): void;
};

/** Who trashed something and when (`by` is '' and `at` 0 when the stored marker lacks them). */
export type TrashInfo = { readonly by: MemberId; readonly at: number };

/** A new, empty skip log. */
export function createSkipLog(): SkipLog {
  const records: SkippedRecord[] = [];
  const seen = new Set<string>();
  return {
    records,
    skip(kind, id, reason) {
      const key = `${kind}\u0000${id}`;
      if (seen.has(key)) return;
      seen.add(key);
      records.push({ kind, id, reason });
    },
  };
}

/** One line for people: "N records skipped (reason; reason …)", or '' when nothing was skipped. */
export function describeSkipped(records: readonly SkippedRecord[]): string {
  if (records.length === 0) return '';
  const reasons = new Map<string, number>();
  for (const record of records) {
    const reason = `${record.kind}: ${record.reason}`;
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const listed = [...reasons].slice(0, 3).map(([reason, count]) => (count > 1 ? `${count} × ${reason}` : reason));
  const more = reasons.size > 3 ? `; ${reasons.size - 3} more kinds` : '';
  return `${records.length} record${records.length === 1 ? '' : 's'} skipped (${listed.join('; ')}${more})`;
}

/** True if `value` is a Yjs map (the stored shape of tags, highlights, notes and replies). */
export function isRecordMap(value: unknown): value is Y.Map<unknown> {
  return value instanceof Y.Map;
}

/** `value` if it is a string. */
export function readString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Largest time in ms a JavaScript Date can hold (either side of the epoch). */
const MAX_TIME = 8.64e15;

/** True for a number of ms since the epoch that a Date can hold. */
export function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_TIME;
}

/** `value` if it is a usable time in ms. */
export function readTime(value: unknown): number | undefined {
  return isTime(value) ? value : undefined;
}

/** The text of a stored note or reply body: a Y.Text (or, tolerated, a plain string). */
export function readText(value: unknown): string | undefined {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : undefined;
}

/** The trash marker `value` as read: trashed when its flag is 1, whoever and whenever the marker lacks. */
export function readTrash(value: unknown): TrashInfo | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as { d?: unknown; b?: unknown; a?: unknown };
  if (record.d !== 1) return null;
  return { by: (readString(record.b) ?? '') as MemberId, at: readTime(record.a) ?? 0 };
}
