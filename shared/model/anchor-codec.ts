/**
 * The anchor codec: a highlight's stored anchor value (one plain value under the
 * highlight's `s` key, layout.ts) to and from the shape the rest of the app reads.
 *
 * The stored form keeps one-letter keys and tuples because it travels in every update
 * (docs/architecture.md §8 budgets); nothing outside shared/model needs to know that form.
 * Decoding checks the shape, so a damaged or foreign value fails with a clear error instead
 * of turning into `undefined` offsets deep inside anchoring.
 */
import type * as Y from 'yjs';
import type { HighlightId, MemberId } from './ids.ts';
import type { PositionSelector, QuoteSelector } from './highlights.ts';
import { HIGHLIGHT, roots, type AnchorRecord } from './layout.ts';
import { isRecordMap, isTime } from './read-guards.ts';

/** A highlight's anchor as read: where and on which document version it was made, by whom and when. */
export type StoredAnchor = {
  readonly documentId: string;
  /** Compact content hash of the text the selectors describe (see compactDocumentHash). */
  readonly documentHash: string;
  readonly position: PositionSelector;
  readonly quote: QuoteSelector;
  readonly createdBy: MemberId;
  /** Creation time, ms since the epoch. */
  readonly createdAt: number;
};

/** The stored value for `anchor` (the hash is stored as given: compact it first). */
export function encodeAnchor(anchor: StoredAnchor): AnchorRecord {
  return {
    d: anchor.documentId,
    h: anchor.documentHash,
    p: [anchor.position.start, anchor.position.end],
    q: [anchor.quote.exact, anchor.quote.prefix, anchor.quote.suffix],
    b: anchor.createdBy,
    a: anchor.createdAt,
  };
}

function isTuple(value: unknown, length: number, type: 'number' | 'string'): boolean {
  return Array.isArray(value) && value.length === length && value.every((item) => typeof item === type);
}

function isOffsetPair(value: unknown): boolean {
  if (!isTuple(value, 2, 'number')) return false;
  const [start, end] = value as [number, number];
  return Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start <= end;
}

/** True if `value` has the shape of a stored anchor (offsets whole, 0 ≤ start ≤ end; a time a Date can hold). */
export function isStoredAnchorValue(value: unknown): value is AnchorRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.d === 'string' &&
    typeof record.h === 'string' &&
    isOffsetPair(record.p) &&
    isTuple(record.q, 3, 'string') &&
    typeof record.b === 'string' &&
    isTime(record.a)
  );
}

/** Reads a stored anchor value; throws if `value` is not one. */
export function decodeAnchor(value: unknown): StoredAnchor {
  if (!isStoredAnchorValue(value)) throw new Error(`not a stored highlight anchor: ${JSON.stringify(value) ?? String(value)}`);
  return {
    documentId: value.d,
    documentHash: value.h,
    position: { start: value.p[0], end: value.p[1] },
    quote: { exact: value.q[0], prefix: value.q[1], suffix: value.q[2] },
    createdBy: value.b,
    createdAt: value.a,
  };
}

/** The anchor `value` as read, or undefined if it is not a stored anchor (a damaged or foreign value). */
export function readAnchor(value: unknown): StoredAnchor | undefined {
  return isStoredAnchorValue(value) ? decodeAnchor(value) : undefined;
}

/** The anchor of highlight `id` (live or trashed), or undefined if the doc has no such highlight or it has no readable anchor. */
export function anchorOf(doc: Y.Doc, id: HighlightId): StoredAnchor | undefined {
  const map: unknown = roots(doc).highlights.get(id);
  return isRecordMap(map) ? readAnchor(map.get(HIGHLIGHT.anchor)) : undefined;
}
