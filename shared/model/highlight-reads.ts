/**
 * Reads of single highlights and plain passes over them, for the reader's bridge, the
 * annotation commands and the corpus-wide checks — the questions they ask without building
 * full views (a view reads every note of the project on first use; these never do).
 *
 * "Live" means not in the trash. A highlight whose map carries no anchor (never written by
 * this model; tolerated for robustness) is skipped by the passes, as the views skip it.
 */
import type * as Y from 'yjs';
import { decodeAnchor, type StoredAnchor } from './anchor-codec.ts';
import type { HighlightId, NoteId, TagId } from './ids.ts';
import { HIGHLIGHT, NOTE, roots, type TrashRecord } from './layout.ts';
import type { TagIndex } from './tag-index.ts';
import { appliedTags, createViewContext, highlightView, isTrashed, type AppliedTag, type HighlightView, type ViewContext } from './views.ts';

function liveMap(doc: Y.Doc, id: HighlightId): Y.Map<unknown> | undefined {
  const map = roots(doc).highlights.get(id);
  return map === undefined || isTrashed(map) ? undefined : map;
}

/** The anchor of a live highlight, or undefined if it is unknown, trashed or has no anchor. */
export function liveAnchorOf(doc: Y.Doc, id: HighlightId): StoredAnchor | undefined {
  const value = liveMap(doc, id)?.get(HIGHLIGHT.anchor);
  return value === undefined ? undefined : decodeAnchor(value);
}

/** Calls `visit` with the id and anchor of every live highlight, in the doc's map order. */
export function forEachLiveAnchor(doc: Y.Doc, visit: (id: HighlightId, anchor: StoredAnchor) => void): void {
  roots(doc).highlights.forEach((map, id) => {
    if (isTrashed(map)) return;
    const value = map.get(HIGHLIGHT.anchor);
    if (value !== undefined) visit(id as HighlightId, decodeAnchor(value));
  });
}

/**
 * The live tags of a highlight (after merges, oldest application first) with who applied
 * them; throws for an unknown highlight.
 */
export function appliedTagsOf(doc: Y.Doc, id: HighlightId, context: ViewContext = createViewContext(doc)): AppliedTag[] {
  const map = roots(doc).highlights.get(id);
  if (map === undefined) throw new Error(`unknown highlight ${id}`);
  return appliedTags(context, map);
}

/**
 * The ids of a highlight's live tags (after merges, oldest application first), resolved
 * with `tagIndex` — the cheap form for painting: no notes, no authorship. Empty for an
 * unknown highlight.
 */
export function liveTagIdsOf(doc: Y.Doc, id: HighlightId, tagIndex: TagIndex): TagId[] {
  const map = roots(doc).highlights.get(id);
  if (map === undefined) return [];
  const context: ViewContext = { doc, tagIndex, notesOf: () => [], memberOf: () => undefined };
  return appliedTags(context, map).map((applied) => applied.tag.id);
}

function isNoteTrashed(note: Y.Map<unknown>): boolean {
  return (note.get(NOTE.trash) as TrashRecord | undefined)?.d === 1;
}

/** The first live note of a highlight in the doc's map order, or null if it has none. */
export function firstLiveNoteOf(doc: Y.Doc, highlight: HighlightId): NoteId | null {
  for (const [id, note] of roots(doc).notes) {
    if (note.get(NOTE.highlight) === highlight && !isNoteTrashed(note)) return id as NoteId;
  }
  return null;
}

/** Views of every highlight, live and trashed, ordered by id. */
export function listAllHighlights(doc: Y.Doc, context: ViewContext = createViewContext(doc)): HighlightView[] {
  const out: HighlightView[] = [];
  roots(doc).highlights.forEach((map, id) => out.push(highlightView(context, id as HighlightId, map)));
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
