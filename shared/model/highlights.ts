/**
 * Highlight operations: create, trash, restore, tag and untag.
 *
 * A highlight is a Y.Map holding its anchor as one plain value (`s`, never edited field by
 * field), an optional trash marker (`x`) and one entry per tag ever applied, keyed by the
 * tag id. Two people applying the same tag write the same key, so they converge to one
 * application; untag writes a negative time instead of deleting the key, so "who removed
 * it, when" is kept, and an untag racing a re-apply resolves like any concurrent map write
 * (one deterministic winner on every replica).
 */
import * as Y from 'yjs';
import type { HighlightId, TagId } from './ids.ts';
import { HIGHLIGHT, roots, type AnchorRecord, type ApplicationValue, type TrashRecord } from './layout.ts';
import { write, type Actor } from './write.ts';

/** TextPositionSelector: offsets in the document's canonical text (UTF-16 units). */
export type PositionSelector = { readonly start: number; readonly end: number };
/** TextQuoteSelector: the quoted text with some context either side. */
export type QuoteSelector = { readonly exact: string; readonly prefix: string; readonly suffix: string };

/** What a new highlight needs. */
export type NewHighlight = {
  readonly documentId: string;
  /** Content hash of the document text the selectors were described on (stored compacted). */
  readonly documentHash: string;
  readonly position: PositionSelector;
  readonly quote: QuoteSelector;
  /** Tags applied in the same gesture. */
  readonly tags?: readonly TagId[];
  readonly id?: HighlightId;
};

/** Hex digits of the document hash kept per highlight (64 bits). */
export const STORED_HASH_DIGITS = 16;

/**
 * The form of a document content hash stored with each highlight: the first 16 hex digits
 * of the digest (algorithm prefix dropped), e.g. `sha256:3fa2…` → `3fa2…` (16 digits).
 * 64 bits are ample to tell document versions apart, and the position fast path verifies
 * the quote anyway; the full 71-character hash would cost a fifth of the new-highlight
 * budget in every update.
 */
export function compactDocumentHash(hash: string): string {
  return hash.slice(hash.indexOf(':') + 1, hash.indexOf(':') + 1 + STORED_HASH_DIGITS);
}

/** True if a highlight's stored hash denotes the document whose full content hash is `currentHash`. */
export function sameDocumentVersion(storedHash: string, currentHash: string): boolean {
  return storedHash.length > 0 && compactDocumentHash(storedHash) === compactDocumentHash(currentHash);
}

function highlightMap(doc: Y.Doc, id: HighlightId): Y.Map<unknown> {
  const map = roots(doc).highlights.get(id);
  if (!map) throw new Error(`unknown highlight ${id}`);
  return map;
}

/** Seconds for an application entry (never 0, so the sign always carries meaning). */
function applicationTime(at: number): number {
  return Math.max(1, Math.floor(at / 1000));
}

/** Creates a highlight (optionally already tagged) and returns its id. */
export function addHighlight(doc: Y.Doc, actor: Actor, input: NewHighlight): HighlightId {
  const { start, end } = input.position;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new Error(`invalid highlight span ${start}..${end}`);
  }
  return write(doc, actor, ({ member, at, newId }) => {
    const id = input.id ?? (newId() as HighlightId);
    const highlights = roots(doc).highlights;
    if (highlights.has(id)) throw new Error(`highlight ${id} already exists`);
    const anchor: AnchorRecord = {
      d: input.documentId,
      h: compactDocumentHash(input.documentHash),
      p: [start, end],
      q: [input.quote.exact, input.quote.prefix, input.quote.suffix],
      b: member,
      a: at,
    };
    const map = new Y.Map<unknown>();
    map.set(HIGHLIGHT.anchor, anchor);
    for (const tag of input.tags ?? []) {
      if (!roots(doc).tags.has(tag)) throw new Error(`unknown tag ${tag}`);
      map.set(tag, applicationTime(at));
    }
    highlights.set(id, map);
    return id;
  });
}

/** Applies a tag to a highlight. Returns false (and writes nothing) if it is already applied. */
export function applyTag(doc: Y.Doc, actor: Actor, highlight: HighlightId, tag: TagId): boolean {
  const map = highlightMap(doc, highlight);
  if (!roots(doc).tags.has(tag)) throw new Error(`unknown tag ${tag}`);
  const current = map.get(tag) as ApplicationValue | undefined;
  if (current !== undefined && current > 0) return false;
  write(doc, actor, ({ at }) => map.set(tag, applicationTime(at)));
  return true;
}

/** Removes a tag from a highlight (keeping who/when). Returns false if it was not applied. */
export function removeTag(doc: Y.Doc, actor: Actor, highlight: HighlightId, tag: TagId): boolean {
  const map = highlightMap(doc, highlight);
  const current = map.get(tag) as ApplicationValue | undefined;
  if (current === undefined || current < 0) return false;
  write(doc, actor, ({ at }) => map.set(tag, -applicationTime(at)));
  return true;
}

function setTrash(doc: Y.Doc, actor: Actor, id: HighlightId, deleted: 0 | 1): void {
  const map = highlightMap(doc, id);
  write(doc, actor, ({ member, at }) => {
    const record: TrashRecord = { d: deleted, b: member, a: at };
    map.set(HIGHLIGHT.trash, record);
  });
}

/** Moves a highlight (with its tags and notes) to the trash. */
export function deleteHighlight(doc: Y.Doc, actor: Actor, id: HighlightId): void {
  setTrash(doc, actor, id, 1);
}

/** Restores a trashed highlight with its tags and notes. */
export function restoreHighlight(doc: Y.Doc, actor: Actor, id: HighlightId): void {
  setTrash(doc, actor, id, 0);
}
