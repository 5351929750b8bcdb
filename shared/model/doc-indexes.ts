/**
 * Indexes per project doc that the reader asks on every article open, kept current from
 * the change feed instead of rebuilt: which highlights belong to which document, and which
 * highlights carry a live note.
 *
 * Each is built with one pass the first time it is asked for (or ahead of that, a chunk at
 * a time: `pendingDocIndexes`), then updated from the ids each transaction touched (`observeProject`), so opening an article visits its own ~2,000
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
import { budgetedWalk } from './budgeted-walk.ts';

/**
 * An index being built a chunk at a time (`budgetedWalk` over a live iterator of a root
 * map's keys): each step builds for up to `budgetMs` by `Date.now` and says whether it is
 * built. Records changed meanwhile are handled by the index's change listener, registered
 * before the walk starts, and visiting one twice is harmless.
 */
type Build = (budgetMs: number) => boolean;

const highlightsByDocument = new WeakMap<Y.Doc, Map<string, Set<HighlightId>>>();
const highlightIndexBuilds = new WeakMap<Y.Doc, Build>();

/** Starts (or returns the unfinished) build of `doc`'s highlight-by-document index. */
function highlightIndexBuild(doc: Y.Doc): Build {
  const running = highlightIndexBuilds.get(doc);
  if (running !== undefined) return running;
  const built = new Map<string, Set<HighlightId>>();
  const highlights = roots(doc).highlights;
  const file = (id: HighlightId, map: Y.Map<unknown> | undefined): void => {
    const owner = map === undefined ? undefined : documentOf(map);
    if (owner === undefined) return;
    let ids = built.get(owner);
    if (ids === undefined) built.set(owner, (ids = new Set()));
    ids.add(id);
  };
  observeProject(doc, (change) => {
    for (const id of change.highlights) file(id, highlights.get(id));
  });
  const build = budgetedWalk(highlights.keys(), (id) => file(id as HighlightId, highlights.get(id)), {
    done: () => {
      highlightsByDocument.set(doc, built);
      highlightIndexBuilds.delete(doc);
    },
  });
  highlightIndexBuilds.set(doc, build);
  return build;
}

/**
 * Ids of the highlights made on `documentId`. A highlight never moves to another document
 * (anchors are immutable), so ids are only ever added: ids whose highlight is gone or
 * trashed stay listed, and callers check liveness (e.g. `liveAnchorOf`).
 */
export function highlightIdsOfDocument(doc: Y.Doc, documentId: string): ReadonlySet<HighlightId> {
  let index = highlightsByDocument.get(doc);
  if (index === undefined) {
    highlightIndexBuild(doc)(Number.POSITIVE_INFINITY);
    index = highlightsByDocument.get(doc) as Map<string, Set<HighlightId>>;
  }
  return index.get(documentId) ?? new Set();
}

/** Which highlights carry at least one live note. */
export interface NotedHighlights {
  has(id: HighlightId): boolean;
}

const notedIndexes = new WeakMap<Y.Doc, NotedHighlights>();
const notedIndexBuilds = new WeakMap<Y.Doc, Build>();

/** Starts (or returns the unfinished) build of `doc`'s noted-highlight index. */
function notedIndexBuild(doc: Y.Doc): Build {
  const running = notedIndexBuilds.get(doc);
  if (running !== undefined) return running;
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
  observeProject(doc, (change) => {
    for (const noteId of change.notes) update(noteId);
  });
  const index: NotedHighlights = { has: (id) => (liveNotes.get(id)?.size ?? 0) > 0 };
  const build = budgetedWalk(notes.keys(), (noteId) => update(noteId as NoteId), {
    done: () => {
      notedIndexes.set(doc, index);
      notedIndexBuilds.delete(doc);
    },
  });
  notedIndexBuilds.set(doc, build);
  return build;
}

/** The noted-highlight index of `doc` (see the module comment for when it is current). */
export function notedHighlights(doc: Y.Doc): NotedHighlights {
  const existing = notedIndexes.get(doc);
  if (existing !== undefined) return existing;
  notedIndexBuild(doc)(Number.POSITIVE_INFINITY);
  return notedIndexes.get(doc) as NotedHighlights;
}

/**
 * The builds of `doc`'s indexes not built yet, as steps (a pass over every highlight, or
 * every note, is 7–30 ms with 10,000 highlights on a page just loaded, more with cold code):
 * each call of a step builds for up to `budgetMs` and says whether its index is built, so a
 * caller can build them in idle time, or a few milliseconds a frame, before an article's
 * first open needs them. Asking for an index meanwhile finishes its build at once.
 */
export function pendingDocIndexes(doc: Y.Doc): Array<(budgetMs: number) => boolean> {
  const pending: Array<(budgetMs: number) => boolean> = [];
  if (!highlightsByDocument.has(doc)) pending.push(highlightIndexBuild(doc));
  if (!notedIndexes.has(doc)) pending.push(notedIndexBuild(doc));
  return pending;
}
