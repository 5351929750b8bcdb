/**
 * Change events for incremental views: `observeProject(doc, listener)`.
 *
 * One `observeDeep` per root map turns each transaction into a summary of what changed —
 * which highlights (and so which documents), which tags, notes, members — so the reader can
 * re-decorate only the touched highlights instead of rebuilding everything. A tag change
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

/** The key of `root` under which an event's target lives (the entity id), or undefined for the root itself. */
function entityKeys(root: Y.AbstractType<any>, events: Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
  const keys = new Set<string>();
  for (const event of events) {
    if (event.target === root) {
      for (const key of event.keys.keys()) keys.add(key);
    } else {
      const first = event.path[0];
      if (typeof first === 'string') keys.add(first);
    }
  }
  return keys;
}

/** Calls `listener` after every transaction that changed the project; returns the unsubscribe function. */
export function observeProject(doc: Y.Doc, listener: (change: ProjectChange) => void): () => void {
  const r = roots(doc);
  let pending: {
    highlights: Set<HighlightId>;
    tags: Set<TagId>;
    notes: Set<NoteId>;
    members: boolean;
    meta: boolean;
  } | null = null;
  const current = () => (pending ??= { highlights: new Set(), tags: new Set(), notes: new Set(), members: false, meta: false });

  const onHighlights = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const key of entityKeys(r.highlights, events)) current().highlights.add(key as HighlightId);
  };
  const onTags = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const key of entityKeys(r.tags, events)) current().tags.add(key as TagId);
  };
  const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const key of entityKeys(r.notes, events)) current().notes.add(key as NoteId);
  };
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
    const documents = new Set<string>();
    for (const id of change.highlights) {
      const map = r.highlights.get(id);
      const documentId = map ? documentOf(map) : undefined;
      if (documentId !== undefined) documents.add(documentId);
    }
    listener({
      highlights: change.highlights,
      documents,
      tags: change.tags,
      notes: change.notes,
      members: change.members,
      meta: change.meta,
      origin: transaction.origin,
      local: transaction.local,
    });
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
