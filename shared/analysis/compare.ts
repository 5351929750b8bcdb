/**
 * Comparing two coders on one document (the Analysis panel's "Compare" tab): which text A
 * coded alone, B alone, and both, for one code or for any code, in code points
 * (docs/architecture.md §10). The disagreements are the A-only and B-only segments, in
 * text order.
 *
 * The tab's subject — how another view (the agreement table) opens it on a pair and a
 * code — is the JSON string `{"a": memberId, "b": memberId, "tag": tagId | null}`.
 */
import type { MemberId, TagId } from '#shared/model/ids.ts';
import type { Interval } from './coder-spans.ts';

/** What the Compare tab shows: two coders and a code (null = any code). */
export interface CompareSubject {
  readonly a: MemberId | null;
  readonly b: MemberId | null;
  readonly tag: TagId | null;
}

/** Who coded a segment. */
export type SegmentKind = 'a' | 'b' | 'both';

/** A maximal run of code points with the same kind. */
export interface CompareSegment extends Interval {
  readonly kind: SegmentKind;
}

/** The subject as the tab's subject string. */
export function serializeCompareSubject(subject: CompareSubject): string {
  return JSON.stringify({ a: subject.a, b: subject.b, tag: subject.tag });
}

/** Reads a subject string; anything missing or unreadable reads as null (nothing chosen). */
export function parseCompareSubject(raw: string | null): CompareSubject {
  const empty: CompareSubject = { a: null, b: null, tag: null };
  if (raw === null) return empty;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return empty;
    const record = value as Record<string, unknown>;
    const id = (field: unknown): string | null => (typeof field === 'string' && field !== '' ? field : null);
    return { a: id(record.a) as MemberId | null, b: id(record.b) as MemberId | null, tag: id(record.tag) as TagId | null };
  } catch {
    return empty;
  }
}

/**
 * The segments of A's and B's merged intervals (each sorted, non-overlapping): every
 * maximal run covered by A only, B only, or both, in text order. Text neither coded is
 * not a segment.
 */
export function compareIntervals(a: readonly Interval[], b: readonly Interval[]): CompareSegment[] {
  const cuts = new Set<number>();
  for (const interval of [...a, ...b]) {
    cuts.add(interval.start);
    cuts.add(interval.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const covers = (list: readonly Interval[], at: number): boolean => list.some((interval) => interval.start <= at && at < interval.end);
  const out: CompareSegment[] = [];
  for (let index = 0; index + 1 < points.length; index += 1) {
    const start = points[index] as number;
    const end = points[index + 1] as number;
    const inA = covers(a, start);
    const inB = covers(b, start);
    if (!inA && !inB) continue;
    const kind: SegmentKind = inA && inB ? 'both' : inA ? 'a' : 'b';
    const last = out.at(-1);
    if (last !== undefined && last.kind === kind && last.end === start) out[out.length - 1] = { start: last.start, end, kind };
    else out.push({ start, end, kind });
  }
  return out;
}

/** The disagreements (A-only and B-only segments), in text order. */
export function disagreements(segments: readonly CompareSegment[]): CompareSegment[] {
  return segments.filter((segment) => segment.kind !== 'both');
}
