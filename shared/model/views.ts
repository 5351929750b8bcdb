/**
 * Read models for the panels: a highlight with its resolved tags, colour and notes.
 *
 * `createViewContext` indexes the codebook and the notes once; `highlightView` then reads
 * one highlight in O(its tags + its notes). Tag applications are resolved through merges
 * at read time and de-duplicated (A merged into B plus B itself shows B once); trashed
 * tags drop out of views but their applications stay stored, so restoring brings them back.
 */
import type * as Y from 'yjs';
import type { HighlightId, MemberId, NoteId, ReplyId, TagId } from './ids.ts';
import { HIGHLIGHT, NOTE, isApplicationKey, roots, type AnchorRecord, type TrashRecord } from './layout.ts';
import { chosenColourOf } from './highlight-colour.ts';
import { otherEdits, type OtherEdit } from './note-editors.ts';
import type { StoredAnchor } from './anchor-codec.ts';
import { buildTagIndex, type TagIndex, type TagView, type TrashInfo } from './tag-index.ts';
import { memberOfClient } from './write.ts';

/** A tag on a highlight, as shown. */
export type AppliedTag = {
  /** The tag shown (after merges). */
  readonly tag: TagView;
  /** The tag id that was actually applied (differs from `tag.id` after a merge). */
  readonly appliedId: TagId;
  /** Who applied it, if the client registry knows. */
  readonly by: MemberId | undefined;
  /** When it was applied (ms, second resolution). */
  readonly at: number;
};

/** A reply as shown. */
export type ReplyView = {
  readonly id: ReplyId;
  readonly text: string;
  readonly createdBy: MemberId;
  readonly createdAt: number;
  readonly updatedBy: MemberId | undefined;
  readonly updatedAt: number | undefined;
  /** Edits by people other than the author (brought in by a merge), newest first. */
  readonly otherEdits: readonly OtherEdit[];
  readonly deleted: TrashInfo | null;
};

/** A note as shown, with all its replies in time order (trashed ones carry `deleted`). */
export type NoteView = {
  readonly id: NoteId;
  readonly highlightId: HighlightId;
  readonly text: string;
  readonly createdBy: MemberId;
  readonly createdAt: number;
  readonly updatedBy: MemberId | undefined;
  readonly updatedAt: number | undefined;
  /** Edits by people other than the author (brought in by a merge), newest first. */
  readonly otherEdits: readonly OtherEdit[];
  readonly deleted: TrashInfo | null;
  readonly replies: readonly ReplyView[];
};

/** A highlight as shown. */
export type HighlightView = StoredAnchor & {
  readonly id: HighlightId;
  readonly deleted: TrashInfo | null;
  /** Live tags, oldest application first. */
  readonly tags: readonly AppliedTag[];
  /** The colour it is painted in: its own chosen colour, else the oldest live tag's, else null (untagged). */
  readonly colour: string | null;
  /** The colour chosen for this highlight in its popover (`#rrggbb`), or null for "its code's colour". */
  readonly chosenColour: string | null;
  /** Live notes, oldest first (the first is "the" note in a one-note UI). */
  readonly notes: readonly NoteView[];
};

/** Indexes shared by every view built in one query (notes are read lazily, per highlight). */
export type ViewContext = {
  readonly doc: Y.Doc;
  readonly tagIndex: TagIndex;
  /** All notes of a highlight, including trashed ones, oldest first. */
  notesOf(highlight: HighlightId): readonly NoteView[];
  /** The member behind a Yjs client id (memoised client registry lookup). */
  memberOf(clientId: number): MemberId | undefined;
};
function trashInfo(value: unknown): TrashInfo | null {
  const record = value as TrashRecord | undefined;
  return record && record.d === 1 ? { by: record.b, at: record.a } : null;
}

function byTimeThenId<T extends { createdAt: number; id: string }>(a: T, b: T): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function readReply(id: ReplyId, map: Y.Map<unknown>): ReplyView {
  return {
    id,
    text: (map.get(NOTE.text) as Y.Text).toString(),
    createdBy: map.get(NOTE.createdBy) as MemberId,
    createdAt: map.get(NOTE.createdAt) as number,
    updatedBy: map.get(NOTE.updatedBy) as MemberId | undefined,
    updatedAt: map.get(NOTE.updatedAt) as number | undefined,
    otherEdits: otherEdits(map),
    deleted: trashInfo(map.get(NOTE.trash)),
  };
}

/** Reads one note (with all replies, trashed ones flagged). */
export function readNote(id: NoteId, map: Y.Map<unknown>): NoteView {
  const replies: ReplyView[] = [];
  (map.get(NOTE.replies) as Y.Map<Y.Map<unknown>>).forEach((reply, replyId) => {
    replies.push(readReply(replyId as ReplyId, reply));
  });
  return {
    id,
    highlightId: map.get(NOTE.highlight) as HighlightId,
    text: (map.get(NOTE.text) as Y.Text).toString(),
    createdBy: map.get(NOTE.createdBy) as MemberId,
    createdAt: map.get(NOTE.createdAt) as number,
    updatedBy: map.get(NOTE.updatedBy) as MemberId | undefined,
    updatedAt: map.get(NOTE.updatedAt) as number | undefined,
    otherEdits: otherEdits(map),
    deleted: trashInfo(map.get(NOTE.trash)),
    replies: replies.sort(byTimeThenId),
  };
}

/** Indexes the codebook of `doc` and, on first use, which notes belong to which highlight. */
export function createViewContext(doc: Y.Doc): ViewContext {
  let byHighlight: Map<HighlightId, [NoteId, Y.Map<unknown>][]> | undefined;
  const read = new Map<HighlightId, NoteView[]>();
  const notesOf = (highlight: HighlightId): readonly NoteView[] => {
    let views = read.get(highlight);
    if (views) return views;
    if (!byHighlight) {
      byHighlight = new Map();
      for (const [id, map] of roots(doc).notes) {
        const owner = map.get(NOTE.highlight) as HighlightId;
        const list = byHighlight.get(owner) ?? [];
        list.push([id as NoteId, map]);
        byHighlight.set(owner, list);
      }
    }
    views = (byHighlight.get(highlight) ?? []).map(([id, map]) => readNote(id, map)).sort(byTimeThenId);
    read.set(highlight, views);
    return views;
  };
  const members = new Map<number, MemberId | undefined>();
  const memberOf = (clientId: number): MemberId | undefined => {
    if (!members.has(clientId)) members.set(clientId, memberOfClient(doc, clientId));
    return members.get(clientId);
  };
  return { doc, tagIndex: buildTagIndex(doc), notesOf, memberOf };
}

/**
 * Tag applications of a highlight, resolved through merges; `includeTrashedTags` keeps
 * applications whose resolved tag is in the trash (for counting them).
 */
export function appliedTags(context: ViewContext, map: Y.Map<unknown>, includeTrashedTags = false): AppliedTag[] {
  const out = new Map<TagId, AppliedTag>();
  for (const [key, item] of map._map) {
    if (item.deleted || !isApplicationKey(key)) continue;
    const value = map.get(key);
    if (typeof value !== 'number' || value <= 0) continue;
    const resolvedId = context.tagIndex.resolve(key);
    const tag = context.tagIndex.tags.get(resolvedId);
    if (!tag || (tag.deleted && !includeTrashedTags)) continue;
    const applied: AppliedTag = { tag, appliedId: key, by: context.memberOf(item.id.client), at: value * 1000 };
    const previous = out.get(resolvedId);
    if (!previous || applied.at < previous.at || (applied.at === previous.at && applied.appliedId < previous.appliedId)) {
      out.set(resolvedId, applied);
    }
  }
  return [...out.values()].sort((a, b) => a.at - b.at || (a.tag.id < b.tag.id ? -1 : 1));
}

/** Builds the view of one highlight. */
export function highlightView(context: ViewContext, id: HighlightId, map: Y.Map<unknown>): HighlightView {
  const anchor = map.get(HIGHLIGHT.anchor) as AnchorRecord;
  const tags = appliedTags(context, map);
  return {
    id,
    documentId: anchor.d,
    documentHash: anchor.h,
    position: { start: anchor.p[0], end: anchor.p[1] },
    quote: { exact: anchor.q[0], prefix: anchor.q[1], suffix: anchor.q[2] },
    createdBy: anchor.b,
    createdAt: anchor.a,
    deleted: trashInfo(map.get(HIGHLIGHT.trash)),
    tags,
    colour: chosenColourOf(map) ?? tags[0]?.tag.colour ?? null,
    chosenColour: chosenColourOf(map),
    notes: context.notesOf(id).filter((note) => note.deleted === null),
  };
}

/** The document id of a highlight map without building its view. */
export function documentOf(map: Y.Map<unknown>): string | undefined {
  return (map.get(HIGHLIGHT.anchor) as AnchorRecord | undefined)?.d;
}

/** True if a highlight map is in the trash. */
export function isTrashed(map: Y.Map<unknown>): boolean {
  return trashInfo(map.get(HIGHLIGHT.trash)) !== null;
}
