/**
 * The Annotations panel's index, kept incrementally per project doc: for every highlight
 * its view (views.ts) and its search string (annotation-search.ts), the live ones in text
 * order (document, then position; text-order.ts keeps it as entries change, merging each
 * slice's recomputed entries in rather than sorting all again), plus the records no reader could use.
 *
 * Nothing is rebuilt per keystroke or per transaction. The change feed (`observeProject`)
 * only marks the touched highlights stale — a highlight created, trashed, restored, tagged,
 * or whose note or reply changed; for a code renamed, recoloured, merged or trashed, the
 * highlights carrying it; for a new client registration, those whose applications had no
 * known author — and stale entries are recomputed in `refresh(deadline)`, which a caller runs
 * in slices between frames (the first build is every highlight stale) and which reading
 * does for a few stale entries by itself. Notes are found through a note → highlight map
 * kept from the same feed, so recomputing one highlight reads its own notes only.
 */
import type * as Y from 'yjs';
import type { HighlightId, NoteId, TagId } from './ids.ts';
import { NOTE, isApplicationKey, roots } from './layout.ts';
import { observeProject } from './observe.ts';
import { createSkipLog, isRecordMap, readString, type SkipLog, type SkippedRecord } from './read-guards.ts';
import { buildTagIndex, type TagIndex } from './tag-index.ts';
import { highlightView, isTrashed, readNote, type HighlightView, type NoteView, type ViewContext } from './views.ts';
import { memberOfClient } from './write.ts';
import { searchTextOf } from './annotation-search.ts';
import { createTextOrder } from './text-order.ts';

/** One live highlight as the panel filters and shows it. */
export type AnnotationEntry = {
  readonly view: HighlightView;
  /** Its search string (quote, notes, replies, code names; folded). */
  readonly search: string;
};

/** Stored state of one highlight: its entry when live and readable, and what it cannot use. */
type Stored = {
  readonly entry: AnnotationEntry | undefined;
  /** Application keys present on the highlight (live or not): a change to one of these tags restales it. */
  readonly keys: readonly string[];
  readonly skipped: readonly SkippedRecord[];
};

/** The incremental annotation index of one doc. */
export interface AnnotationIndex {
  /** Highlights waiting to be (re)computed; 0 when the entries are current. */
  stale(): number;
  /** True once every highlight has been computed at least once (until then `entries()` is a partial list). */
  built(): boolean;
  /** Recomputes stale entries until `deadline()` says stop (checked after each); true when none is left. */
  refresh(deadline?: () => boolean): boolean;
  /** Live entries in text order (current up to a few stale ones, which are recomputed first). */
  entries(): readonly AnnotationEntry[];
  /** Increases whenever what `entries()` returns changes (or may change: something went stale). */
  version(): number;
  /** Calls `listener` after a transaction made entries stale and after each `refresh` that recomputed some; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The codebook as resolved now. */
  tagIndex(): TagIndex;
  /** Records skipped by the live highlights' views, the codebook and the notes. */
  skipped(): readonly SkippedRecord[];
}

/** Stale entries `entries()` recomputes by itself; more wait for `refresh`. */
const REFRESH_ON_READ = 64;

function byTimeThenId(a: NoteView, b: NoteView): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const indexes = new WeakMap<Y.Doc, AnnotationIndex>();

/** The annotation index of `doc`, created (with every highlight stale) on first use. */
export function annotationIndex(doc: Y.Doc): AnnotationIndex {
  let index = indexes.get(doc);
  if (index === undefined) indexes.set(doc, (index = createAnnotationIndex(doc)));
  return index;
}

/** A fresh, unshared index of `doc` (tests compare it with a long-lived one). */
export function createAnnotationIndex(doc: Y.Doc): AnnotationIndex {
  const { highlights, notes, clients } = roots(doc);
  const stored = new Map<HighlightId, Stored>();
  const stale = new Set<HighlightId>();
  const listeners = new Set<() => void>();
  let version = 0;
  let built = false;
  const order = createTextOrder<AnnotationEntry>((entry) => entry.view);
  const live = (id: string): AnnotationEntry | undefined => stored.get(id as HighlightId)?.entry;

  // Notes by highlight, and notes that name no highlight (reported as skipped).
  const ownerOf = new Map<NoteId, HighlightId>();
  const notesOf = new Map<HighlightId, Set<NoteId>>();
  const orphanNotes = new Map<NoteId, SkippedRecord>();
  const fileNote = (noteId: NoteId): void => {
    const previous = ownerOf.get(noteId);
    if (previous !== undefined) {
      notesOf.get(previous)?.delete(noteId);
      stale.add(previous);
    }
    ownerOf.delete(noteId);
    orphanNotes.delete(noteId);
    const note: unknown = notes.get(noteId);
    if (note === undefined) return;
    const owner = isRecordMap(note) ? readString(note.get(NOTE.highlight)) : undefined;
    if (owner === undefined) {
      orphanNotes.set(noteId, { kind: 'note', id: noteId, reason: isRecordMap(note) ? 'no highlight' : 'not a record' });
      return;
    }
    ownerOf.set(noteId, owner as HighlightId);
    let set = notesOf.get(owner as HighlightId);
    if (set === undefined) notesOf.set(owner as HighlightId, (set = new Set()));
    set.add(noteId);
  };
  notes.forEach((_note, noteId) => fileNote(noteId as NoteId));

  let tagSkips: SkipLog = createSkipLog();
  let tags: TagIndex | null = null;
  const tagIndex = (): TagIndex => (tags ??= buildTagIndex(doc, (tagSkips = createSkipLog())));
  let entrySkips: SkipLog = createSkipLog();
  const context: ViewContext = {
    doc,
    get tagIndex() {
      return tagIndex();
    },
    notesOf: (highlight) =>
      [...(notesOf.get(highlight) ?? [])].flatMap((id) => readNote(id, notes.get(id), entrySkips) ?? []).sort(byTimeThenId),
    memberOf: (clientId) => memberOfClient(doc, clientId),
    get skipped() {
      return entrySkips;
    },
  };

  const compute = (id: HighlightId): void => {
    order.touch(id, stored.get(id)?.entry !== undefined);
    const map: unknown = highlights.get(id);
    if (map === undefined) {
      stored.delete(id);
    } else {
      entrySkips = createSkipLog();
      const trashed = isTrashed(map);
      const view = trashed ? undefined : highlightView(context, id, map);
      const keys = isRecordMap(map) ? [...map._map.keys()].filter(isApplicationKey) : [];
      stored.set(id, { entry: view && { view, search: searchTextOf(view) }, keys, skipped: trashed ? [] : entrySkips.records });
    }
  };

  const notify = (): void => {
    version += 1;
    for (const listener of [...listeners]) listener();
  };
  const touch = (ids: Iterable<HighlightId>): void => {
    // Listeners hear of every change, even to an entry that is already stale: a reader that
    // saw its old value must read it again.
    let any = false;
    for (const id of ids) {
      stale.add(id);
      any = true;
    }
    if (any) notify();
  };

  highlights.forEach((_map, id) => stale.add(id as HighlightId));
  observeProject(doc, (change) => {
    for (const noteId of change.notes) fileNote(noteId);
    const touched = new Set(change.highlights);
    if (change.tags.size > 0) {
      // An applied key is affected when it, or the tag it reads as before or after, changed, or it now reads as another tag.
      const before = tags;
      tags = null;
      const after = tagIndex();
      const affected = new Map<string, boolean>();
      const isAffected = (key: string): boolean => {
        let known = affected.get(key);
        if (known === undefined) {
          const was = before?.resolve(key as TagId);
          const now = after.resolve(key as TagId);
          known = before === null || was !== now || change.tags.has(key as TagId) || change.tags.has(now) || (was !== undefined && change.tags.has(was));
          affected.set(key, known);
        }
        return known;
      };
      for (const [id, { keys }] of stored) if (keys.some(isAffected)) touched.add(id);
    }
    touch(touched);
  });
  clients.observe(() => {
    const touched: HighlightId[] = [];
    for (const [id, { entry }] of stored) if (entry?.view.tags.some((applied) => applied.by === undefined)) touched.push(id);
    touch(touched);
  });

  /** Recomputes stale entries until `deadline()`; true if any was recomputed. */
  const recompute = (deadline: () => boolean): boolean => {
    let any = false;
    for (const id of stale) {
      stale.delete(id);
      compute(id);
      any = true;
      if (deadline()) break;
    }
    if (stale.size === 0) built = true;
    order.settle(live);
    return any;
  };

  return {
    stale: () => stale.size,
    built: () => built || stale.size === 0,
    refresh(deadline = () => false) {
      // Listeners hear of it (the entries changed); reading below refreshes quietly, its caller gets them current.
      if (recompute(deadline)) notify();
      return stale.size === 0;
    },
    entries() {
      if (stale.size > 0 && stale.size <= REFRESH_ON_READ) recompute(() => false);
      order.settle(live);
      return order.items();
    },
    version: () => version,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    tagIndex,
    skipped() {
      const log = createSkipLog();
      tagIndex();
      for (const record of [...tagSkips.records, ...orphanNotes.values()]) log.skip(record.kind, record.id, record.reason);
      for (const { skipped } of stored.values()) for (const record of skipped) log.skip(record.kind, record.id, record.reason);
      return log.records;
    },
  };
}
