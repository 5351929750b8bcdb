/**
 * A new version of an added document (re-importing a file over it).
 *
 * The new text gets its own record (its id follows its hash), pointing back at the old one
 * (`pv`); the old record points forward (`nv`) and leaves the library, but its text stays
 * stored and readable. Each live highlight on the old version is anchored in the new text
 * the usual way (position, then exact quote, then fuzzy; shared/anchoring/anchor.ts) and,
 * when it lands, its anchor is rewritten onto the new version — described afresh there, its
 * creator and creation time kept. What does not land stays on the old version, where the
 * Unanchored panel lists it with its quote: never dropped, never forced onto a guess.
 */
import type * as Y from 'yjs';
import { anchor } from '#shared/anchoring/anchor.ts';
import { describe } from '#shared/anchoring/describe.ts';
import type { AnchorMethod } from '#shared/anchoring/types.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { encodeAnchor, readAnchor, type StoredAnchor } from './anchor-codec.ts';
import { addDocument, type NewDocument } from './documents.ts';
import { compactDocumentHash, sameDocumentVersion } from './highlights.ts';
import type { HighlightId } from './ids.ts';
import { DOCUMENT, HIGHLIGHT, roots } from './layout.ts';
import { isRecordMap, readTrash } from './read-guards.ts';
import { write, type Actor } from './write.ts';

/** Where each live highlight of the old version goes. */
export type VersionPlan = {
  readonly moved: readonly { readonly id: HighlightId; readonly anchor: StoredAnchor; readonly method: AnchorMethod }[];
  readonly unanchored: readonly { readonly id: HighlightId; readonly quote: string }[];
};

/** Anchors every live highlight of `oldId` in `next`'s text; writes nothing. */
export function planNewVersion(doc: Y.Doc, oldId: DocumentId, next: { readonly id: DocumentId; readonly text: string; readonly hash: string }): VersionPlan {
  const moved: { id: HighlightId; anchor: StoredAnchor; method: AnchorMethod }[] = [];
  const unanchored: { id: HighlightId; quote: string }[] = [];
  roots(doc).highlights.forEach((map, id) => {
    if (!isRecordMap(map) || readTrash(map.get(HIGHLIGHT.trash)) !== null) return;
    const stored = readAnchor(map.get(HIGHLIGHT.anchor));
    if (stored === undefined || stored.documentId !== oldId) return;
    const expectedHash = sameDocumentVersion(stored.documentHash, next.hash) ? next.hash : stored.documentHash;
    const result = anchor(next.text, { position: stored.position, quote: stored.quote }, { hash: next.hash, expectedHash });
    if (result.status === 'unanchored') {
      unanchored.push({ id: id as HighlightId, quote: stored.quote.exact });
      return;
    }
    const selectors = describe(next.text, { start: result.start, end: result.end });
    moved.push({
      id: id as HighlightId,
      method: result.method,
      anchor: { ...stored, documentId: next.id, documentHash: compactDocumentHash(next.hash), position: selectors.position, quote: selectors.quote },
    });
  });
  return { moved, unanchored };
}

/**
 * Records `input` as the new version of `oldId` and moves the highlights `plan` placed, in
 * one write (one undo step, one update).
 */
export function addNewVersion(doc: Y.Doc, actor: Actor, oldId: DocumentId, input: NewDocument, plan: VersionPlan): void {
  if (input.id === oldId) throw new Error('the new version has the same text as the old one');
  const old: unknown = roots(doc).documents.get(oldId);
  if (!isRecordMap(old)) throw new Error(`unknown document ${oldId}`);
  write(doc, actor, () => {
    addDocument(doc, actor, input, oldId);
    old.set(DOCUMENT.next, input.id);
    for (const move of plan.moved) {
      const map: unknown = roots(doc).highlights.get(move.id);
      if (isRecordMap(map)) map.set(HIGHLIGHT.anchor, encodeAnchor(move.anchor));
    }
  });
}
