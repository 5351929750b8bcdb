/**
 * Indexes per project doc that the reader asks on every article open, kept current from
 * the change feed instead of rebuilt: which highlights belong to which document, and which
 * highlights carry a live note.
 *
 * Each is built with one pass the first time it is asked for, then updated from the ids
 * each transaction touched (`observeProject`), so opening an article visits its own ~2,000
 * highlights, not the project's 10,000, and nothing walks every note per open, per
 * keystroke or per highlight created. The listeners live as long as the doc (doc and index
 * are only reachable from each other once the doc goes). An index's listener is registered
 * when the index is first asked for: ask before registering a listener of your own that
 * reads it, and it is current when yours runs.
 */
import type * as Y from 'yjs';
import type { HighlightId, NoteId } from './ids.ts';
import { NOTE, roots } from './layout.ts';
import { isRecordMap, readString, readTrash } from './read-guards.ts';
import { observeProject } from './observe.ts';
import { documentOf } from './views.ts';

const highlightsByDocument = new WeakMap<Y.Doc, Map<string, Set<HighlightId>>>();

/**
 * Ids of the highlights made on `documentId`. A highlight never moves to another document
 * (anchors are immutable), so ids are only ever added: ids whose highlight is gone or
 * trashed stay listed, and callers check liveness (e.g. `liveAnchorOf`).
 */
export function highlightIdsOfDocument(doc: Y.Doc, documentId: string): ReadonlySet<HighlightId> {
  let index = highlightsByDocument.get(doc);
  if (index === undefined) {
    const built = new Map<string, Set<HighlightId>>();
    const highlights = roots(doc).highlights;
    const file = (id: HighlightId, map: Y.Map<unknown> | undefined): void => {
      const owner = map === undefined ? undefined : documentOf(map);
      if (owner === undefined) return;
      let ids = built.get(owner);
      if (ids === undefined) built.set(owner, (ids = new Set()));
      ids.add(id);
    };
    highlights.forEach((map, id) => file(id as HighlightId, map));
    observeProject(doc, (change) => {
      for (const id of change.highlights) file(id, highlights.get(id));
    });
    highlightsByDocument.set(doc, (index = built));
  }
  return index.get(documentId) ?? new Set();
}

/** Which highlights carry at least one live note. */
export interface NotedHighlights {
  has(id: HighlightId): boolean;
}

const notedIndexes = new WeakMap<Y.Doc, NotedHighlights>();

/** The noted-highlight index of `doc` (see the module comment for when it is current). */
export function notedHighlights(doc: Y.Doc): NotedHighlights {
  const existing = notedIndexes.get(doc);
  if (existing !== undefined) return existing;
  const notes = roots(doc).notes;
  const ownerOf = new Map<NoteId, HighlightId>();
  const liveNotes = new Map<HighlightId, Set<NoteId>>();
  const update = (noteId: NoteId): void => {
    const previous = ownerOf.get(noteId);
    if (previous !== undefined) liveNotes.get(previous)?.delete(noteId);
    const note: unknown = notes.get(noteId);
    const highlight = isRecordMap(note) ? (readString(note.get(NOTE.highlight)) as HighlightId | undefined) : undefined;
    if (!isRecordMap(note) || highlight === undefined || readTrash(note.get(NOTE.trash)) !== null) {
      ownerOf.delete(noteId);
      return;
    }
    ownerOf.set(noteId, highlight);
    let set = liveNotes.get(highlight);
    if (set === undefined) liveNotes.set(highlight, (set = new Set()));
    set.add(noteId);
  };
  notes.forEach((_note, noteId) => update(noteId as NoteId));
  observeProject(doc, (change) => {
    for (const noteId of change.notes) update(noteId);
  });
  const index: NotedHighlights = { has: (id) => (liveNotes.get(id)?.size ?? 0) > 0 };
  notedIndexes.set(doc, index);
  return index;
}

/**
 * The builds of `doc`'s indexes not built yet, one function each (a pass over every
 * highlight, or every note: 7–30 ms each with 10,000 highlights on a page just loaded), so a
 * caller can run them in idle time, or one per task, before an article's first open needs them.
 */
export function pendingDocIndexes(doc: Y.Doc): Array<() => void> {
  const pending: Array<() => void> = [];
  if (!highlightsByDocument.has(doc)) pending.push(() => void highlightIdsOfDocument(doc, ''));
  if (!notedIndexes.has(doc)) pending.push(() => void notedHighlights(doc));
  return pending;
}
