/**
 * Reads of single highlights and plain passes over them, for the reader's bridge, the
 * annotation commands and the corpus-wide checks — the questions they ask without building
 * full views (a view reads every note of the project on first use; these never do).
 *
 * "Live" means not in the trash. A highlight whose map carries no readable anchor (never
 * written by this model, but a damaged file or another client may hold one) is skipped by
 * the passes, as the views skip it; so is a note that is not a map.
 */
import type * as Y from 'yjs';
import { readAnchor, type StoredAnchor } from './anchor-codec.ts';
import type { HighlightId, NoteId, TagId } from './ids.ts';
import { HIGHLIGHT, NOTE, roots } from './layout.ts';
import { createSkipLog, isRecordMap, readTrash } from './read-guards.ts';
import type { TagIndex } from './tag-index.ts';
import { appliedTags, createViewContext, highlightView, isTrashed, type AppliedTag, type HighlightView, type ViewContext } from './views.ts';

function liveMap(doc: Y.Doc, id: HighlightId): Y.Map<unknown> | undefined {
  const map: unknown = roots(doc).highlights.get(id);
  return !isRecordMap(map) || isTrashed(map) ? undefined : map;
}

/** The anchor of a live highlight, or undefined if it is unknown, trashed or has no anchor. */
export function liveAnchorOf(doc: Y.Doc, id: HighlightId): StoredAnchor | undefined {
  return readAnchor(liveMap(doc, id)?.get(HIGHLIGHT.anchor));
}

/** The ids of every highlight in the doc (live or trashed), in the doc's map order: cheap, nothing is read. */
export function highlightIds(doc: Y.Doc): HighlightId[] {
  return [...roots(doc).highlights.keys()] as HighlightId[];
}

/** Calls `visit` with the id and anchor of every live highlight, in the doc's map order. */
export function forEachLiveAnchor(doc: Y.Doc, visit: (id: HighlightId, anchor: StoredAnchor) => void): void {
  roots(doc).highlights.forEach((map, id) => {
    if (!isRecordMap(map) || isTrashed(map)) return;
    const anchor = readAnchor(map.get(HIGHLIGHT.anchor));
    if (anchor !== undefined) visit(id as HighlightId, anchor);
  });
}

/**
 * The live tags of a highlight (after merges, oldest application first) with who applied
 * them; throws for an unknown highlight.
 */
export function appliedTagsOf(doc: Y.Doc, id: HighlightId, context: ViewContext = createViewContext(doc)): AppliedTag[] {
  const highlights = roots(doc).highlights;
  if (!highlights.has(id)) throw new Error(`unknown highlight ${id}`);
  return appliedTags(context, highlights.get(id));
}

/**
 * The ids of a highlight's live tags (after merges, oldest application first), resolved
 * with `tagIndex` — the cheap form for painting: no notes, no authorship. Empty for an
 * unknown highlight.
 */
export function liveTagIdsOf(doc: Y.Doc, id: HighlightId, tagIndex: TagIndex): TagId[] {
  const map = roots(doc).highlights.get(id);
  if (map === undefined) return [];
  const context: ViewContext = { doc, tagIndex, notesOf: () => [], memberOf: () => undefined, skipped: createSkipLog() };
  return appliedTags(context, map).map((applied) => applied.tag.id);
}

function isNoteTrashed(note: Y.Map<unknown>): boolean {
  return readTrash(note.get(NOTE.trash)) !== null;
}

/** The first live note of a highlight in the doc's map order, or null if it has none. */
export function firstLiveNoteOf(doc: Y.Doc, highlight: HighlightId): NoteId | null {
  for (const [id, note] of roots(doc).notes) {
    if (isRecordMap(note) && note.get(NOTE.highlight) === highlight && !isNoteTrashed(note)) return id as NoteId;
  }
  return null;
}

/** Views of every highlight, live and trashed, ordered by id. */
export function listAllHighlights(doc: Y.Doc, context: ViewContext = createViewContext(doc)): HighlightView[] {
  const out: HighlightView[] = [];
  roots(doc).highlights.forEach((map, id) => {
    const view = highlightView(context, id as HighlightId, map);
    if (view) out.push(view);
  });
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
