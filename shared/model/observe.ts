/**
 * Change events for incremental views: `observeProject(doc, listener)`.
 *
 * One `observeDeep` per root map turns each transaction into a summary of what changed —
 * which highlights (and so which documents), which tags, notes, members — so the reader can
 * re-decorate only the touched highlights instead of rebuilding everything. A doc has one
 * set of observers whatever the number of listeners (the reader's indexes, the annotation
 * index, the tag stylesheet, the margin…), so a transaction touching 10,000 highlights is
 * summed up once, and the documents they are on only when a listener asks. A tag change
 * (rename, colour, merge, trash) is reported as a tag change; the reader re-paints the
 * highlights that carry it.
 */
import type * as Y from 'yjs';
import type { HighlightId, NoteId, TagId } from './ids.ts';
import { NOTE, roots } from './layout.ts';
import { documentOf } from './views.ts';

/** What one transaction changed. */
export type ProjectChange = {
  /** Highlights created, trashed, restored, tagged or untagged, or whose notes changed. */
  readonly highlights: ReadonlySet<HighlightId>;
  /** Documents containing any changed highlight. */
  readonly documents: ReadonlySet<string>;
  readonly tags: ReadonlySet<TagId>;
  readonly notes: ReadonlySet<NoteId>;
  readonly members: boolean;
  readonly meta: boolean;
  /** The transaction origin (see origins.ts), e.g. to tell local edits from sync. */
  readonly origin: unknown;
  readonly local: boolean;
};

/**
 * The keys of `root` under which `events` happened (the entity ids). The root's own event
 * gives the keys it had written (`keysChanged`, without working out what each write did: a
 * key written and undone in one transaction is reported too, so listeners re-read it for
 * nothing); a nested event gives the key its target lives under.
 */
function entityKeys(root: Y.AbstractType<any>, events: Y.YEvent<Y.AbstractType<unknown>>[], into: Set<string>): void {
  for (const event of events) {
    if (event.target === root) {
      for (const key of (event as Y.YMapEvent<unknown>).keysChanged) if (typeof key === 'string') into.add(key);
    } else {
      const first = event.path[0];
      if (typeof first === 'string') into.add(first);
    }
  }
}

type Pending = {
  highlights: Set<HighlightId>;
  tags: Set<TagId>;
  notes: Set<NoteId>;
  members: boolean;
  meta: boolean;
};

/** The one set of Yjs observers of a doc, shared by all its listeners. */
type Feed = { readonly listeners: Set<(change: ProjectChange) => void>; readonly stop: () => void };

const feeds = new WeakMap<Y.Doc, Feed>();

/** Starts observing `doc` for `listeners`: each transaction's change is worked out once and handed to all. */
function startFeed(doc: Y.Doc, listeners: Set<(change: ProjectChange) => void>): () => void {
  const r = roots(doc);
  let pending: Pending | null = null;
  const current = (): Pending => (pending ??= { highlights: new Set(), tags: new Set(), notes: new Set(), members: false, meta: false });

  const onHighlights = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => entityKeys(r.highlights, events, current().highlights);
  const onTags = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => entityKeys(r.tags, events, current().tags);
  const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => entityKeys(r.notes, events, current().notes);
  const onMembers = () => void (current().members = true);
  const onMeta = () => void (current().meta = true);
  const onAfterTransaction = (transaction: Y.Transaction) => {
    if (!pending) return;
    const change = pending;
    pending = null;
    for (const noteId of change.notes) {
      const highlight = r.notes.get(noteId)?.get(NOTE.highlight);
      if (typeof highlight === 'string') change.highlights.add(highlight as HighlightId);
    }
    // The documents are read only if a listener asks (a load's or merge's transactions
    // touch thousands of highlights, and most listeners never ask).
    let documents: Set<string> | null = null;
    const event: ProjectChange = {
      highlights: change.highlights,
      get documents() {
        if (documents === null) {
          documents = new Set();
          for (const id of change.highlights) {
            const map = r.highlights.get(id);
            const documentId = map ? documentOf(map) : undefined;
            if (documentId !== undefined) documents.add(documentId);
          }
        }
        return documents;
      },
      tags: change.tags,
      notes: change.notes,
      members: change.members,
      meta: change.meta,
      origin: transaction.origin,
      local: transaction.local,
    };
    // Those registered now: one added by a listener below hears from the next transaction on,
    // and one removed by a listener before it (a view torn down mid-delivery) hears no more.
    for (const listener of [...listeners]) if (listeners.has(listener)) listener(event);
  };

  r.highlights.observeDeep(onHighlights);
  r.tags.observeDeep(onTags);
  r.notes.observeDeep(onNotes);
  r.members.observe(onMembers);
  r.meta.observe(onMeta);
  doc.on('afterTransaction', onAfterTransaction);
  return () => {
    r.highlights.unobserveDeep(onHighlights);
    r.tags.unobserveDeep(onTags);
    r.notes.unobserveDeep(onNotes);
    r.members.unobserve(onMembers);
    r.meta.unobserve(onMeta);
    doc.off('afterTransaction', onAfterTransaction);
  };
}

/**
 * Calls `listener` after every transaction that changed the project, in the order listeners
 * were registered; returns the unsubscribe function. The sets handed over are shared by all
 * listeners of the doc: read them, never change them.
 */
export function observeProject(doc: Y.Doc, listener: (change: ProjectChange) => void): () => void {
  let feed = feeds.get(doc);
  if (feed === undefined) {
    const listeners = new Set<(change: ProjectChange) => void>();
    feed = { listeners, stop: startFeed(doc, listeners) };
    feeds.set(doc, feed);
  }
  const own = (change: ProjectChange): void => listener(change);
  feed.listeners.add(own);
  const active = feed;
  return () => {
    active.listeners.delete(own);
    if (active.listeners.size === 0 && feeds.get(doc) === active) {
      active.stop();
      feeds.delete(doc);
    }
  };
}
