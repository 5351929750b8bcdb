/**
 * Read models for the panels: a highlight with its resolved tags, colour and notes.
 *
 * `createViewContext` indexes the codebook and the notes once; `highlightView` then reads
 * one highlight in O(its tags + its notes). Tag applications are resolved through merges
 * at read time and de-duplicated (A merged into B plus B itself shows B once); trashed
 * tags drop out of views but their applications stay stored, so restoring brings them back.
 *
 * Nothing stored is trusted (read-guards.ts): a highlight without a readable anchor, a note
 * or reply without its author, time or text, or a record that is not a map is skipped and
 * listed once in the context's `skipped` log; wrong-typed optional fields read as unknown.
 */
import type * as Y from 'yjs';
import type { HighlightId, MemberId, NoteId, ReplyId, TagId } from './ids.ts';
import { HIGHLIGHT, NOTE, isApplicationKey, roots } from './layout.ts';
import { chosenColourOf } from './highlight-colour.ts';
import { otherEdits, type OtherEdit } from './note-editors.ts';
import { isStoredAnchorValue, readAnchor, type StoredAnchor } from './anchor-codec.ts';
import { createSkipLog, isRecordMap, isTime, readString, readText, readTime, readTrash, type SkipLog } from './read-guards.ts';
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
  /** Records the views built with this context could not use (each listed once). */
  readonly skipped: SkipLog;
};

const trashInfo = readTrash;

function byTimeThenId<T extends { createdAt: number; id: string }>(a: T, b: T): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The fields notes and replies share, or a reason they cannot be read. */
function readEntry(map: unknown): { text: string; createdBy: MemberId; createdAt: number; map: Y.Map<unknown> } | string {
  if (!isRecordMap(map)) return 'not a record';
  const text = readText(map.get(NOTE.text));
  const createdBy = readString(map.get(NOTE.createdBy));
  const createdAt = readTime(map.get(NOTE.createdAt));
  if (text === undefined) return 'no readable text';
  if (createdBy === undefined) return 'no author';
  if (createdAt === undefined) return 'no creation time';
  return { text, createdBy: createdBy as MemberId, createdAt, map };
}

function readReply(id: ReplyId, value: unknown, skipped: SkipLog | undefined): ReplyView | undefined {
  const entry = readEntry(value);
  if (typeof entry === 'string') {
    skipped?.skip('reply', id, entry);
    return undefined;
  }
  const { map } = entry;
  return {
    id,
    text: entry.text,
    createdBy: entry.createdBy,
    createdAt: entry.createdAt,
    updatedBy: readString(map.get(NOTE.updatedBy)) as MemberId | undefined,
    updatedAt: readTime(map.get(NOTE.updatedAt)),
    otherEdits: otherEdits(map),
    deleted: trashInfo(map.get(NOTE.trash)),
  };
}

/** Reads one note (with all readable replies, trashed ones flagged); undefined, reported to `skipped`, if it cannot be read. */
export function readNote(id: NoteId, value: unknown, skipped?: SkipLog): NoteView | undefined {
  const entry = readEntry(value);
  const highlightId = typeof entry === 'string' ? undefined : readString(entry.map.get(NOTE.highlight));
  if (typeof entry === 'string' || highlightId === undefined) {
    skipped?.skip('note', id, typeof entry === 'string' ? entry : 'no highlight');
    return undefined;
  }
  const { map } = entry;
  const replies: ReplyView[] = [];
  const stored = map.get(NOTE.replies);
  if (isRecordMap(stored)) {
    stored.forEach((reply, replyId) => {
      const view = readReply(replyId as ReplyId, reply, skipped);
      if (view) replies.push(view);
    });
  }
  return {
    id,
    highlightId: highlightId as HighlightId,
    text: entry.text,
    createdBy: entry.createdBy,
    createdAt: entry.createdAt,
    updatedBy: readString(map.get(NOTE.updatedBy)) as MemberId | undefined,
    updatedAt: readTime(map.get(NOTE.updatedAt)),
    otherEdits: otherEdits(map),
    deleted: trashInfo(map.get(NOTE.trash)),
    replies: replies.sort(byTimeThenId),
  };
}

/**
 * Indexes the codebook of `doc` and, on first use, which notes belong to which highlight;
 * records that cannot be read go to `skipped` (pass a log to read it after the query).
 */
export function createViewContext(doc: Y.Doc, skipped: SkipLog = createSkipLog()): ViewContext {
  let byHighlight: Map<HighlightId, [NoteId, Y.Map<unknown>][]> | undefined;
  const read = new Map<HighlightId, NoteView[]>();
  const notesOf = (highlight: HighlightId): readonly NoteView[] => {
    let views = read.get(highlight);
    if (views) return views;
    if (!byHighlight) {
      byHighlight = new Map();
      for (const [id, map] of roots(doc).notes as Y.Map<unknown>) {
        const owner = isRecordMap(map) ? readString(map.get(NOTE.highlight)) : undefined;
        if (owner === undefined || !isRecordMap(map)) {
          skipped.skip('note', id, isRecordMap(map) ? 'no highlight' : 'not a record');
          continue;
        }
        const list = byHighlight.get(owner as HighlightId) ?? [];
        list.push([id as NoteId, map]);
        byHighlight.set(owner as HighlightId, list);
      }
    }
    views = (byHighlight.get(highlight) ?? [])
      .flatMap(([id, map]) => readNote(id, map, skipped) ?? [])
      .sort(byTimeThenId);
    read.set(highlight, views);
    return views;
  };
  const members = new Map<number, MemberId | undefined>();
  const memberOf = (clientId: number): MemberId | undefined => {
    if (!members.has(clientId)) members.set(clientId, memberOfClient(doc, clientId));
    return members.get(clientId);
  };
  return { doc, tagIndex: buildTagIndex(doc, skipped), notesOf, memberOf, skipped };
}

/** A live application's time (ms) when `value` is one (whole seconds, positive), else undefined. */
function applicationTime(value: unknown): number | undefined {
  // Positive = applied; anything else (removed, or unreadable) is not a live application.
  return typeof value === 'number' && value > 0 && isTime(value * 1000) ? value * 1000 : undefined;
}

/**
 * Tag applications of a highlight, resolved through merges; `includeTrashedTags` keeps
 * applications whose resolved tag is in the trash (for counting them).
 */
export function appliedTags(context: ViewContext, map: unknown, includeTrashedTags = false): AppliedTag[] {
  const out = new Map<TagId, AppliedTag>();
  if (!isRecordMap(map)) return [];
  for (const [key, item] of map._map) {
    if (item.deleted || !isApplicationKey(key)) continue;
    const at = applicationTime(map.get(key));
    if (at === undefined) continue;
    const resolvedId = context.tagIndex.resolve(key);
    const tag = context.tagIndex.tags.get(resolvedId);
    if (!tag || (tag.deleted && !includeTrashedTags)) continue;
    const applied: AppliedTag = { tag, appliedId: key, by: context.memberOf(item.id.client), at };
    const previous = out.get(resolvedId);
    if (!previous || applied.at < previous.at || (applied.at === previous.at && applied.appliedId < previous.appliedId)) {
      out.set(resolvedId, applied);
    }
  }
  return [...out.values()].sort((a, b) => a.at - b.at || (a.tag.id < b.tag.id ? -1 : 1));
}

/**
 * The live tags a highlight carries, resolved through merges, each once and in no particular
 * order: the ids `appliedTags` shows, without reading authors or ordering (the cheap form for counting).
 */
export function liveTagIdsIn(tagIndex: TagIndex, map: unknown): TagId[] {
  const out: TagId[] = [];
  if (!isRecordMap(map)) return out;
  for (const [key, item] of map._map) {
    if (item.deleted || !isApplicationKey(key) || applicationTime(map.get(key)) === undefined) continue;
    const resolvedId = tagIndex.resolve(key);
    const tag = tagIndex.tags.get(resolvedId);
    if (tag !== undefined && !tag.deleted && !out.includes(resolvedId)) out.push(resolvedId);
  }
  return out;
}

/**
 * Builds the view of one highlight, or undefined (reported to `context.skipped`) when the
 * stored value is not a highlight map with a readable anchor.
 */
export function highlightView(context: ViewContext, id: HighlightId, map: unknown): HighlightView | undefined {
  const anchor = isRecordMap(map) ? readAnchor(map.get(HIGHLIGHT.anchor)) : undefined;
  if (!isRecordMap(map) || anchor === undefined) {
    context.skipped.skip('highlight', id, isRecordMap(map) ? 'no readable anchor' : 'not a record');
    return undefined;
  }
  const tags = appliedTags(context, map);
  return {
    id,
    ...anchor,
    deleted: trashInfo(map.get(HIGHLIGHT.trash)),
    tags,
    colour: chosenColourOf(map) ?? tags[0]?.tag.colour ?? null,
    chosenColour: chosenColourOf(map),
    notes: context.notesOf(id).filter((note) => note.deleted === null),
  };
}

/** The document id of a highlight map without building its view (undefined when its anchor cannot be read). */
export function documentOf(map: unknown): string | undefined {
  const anchor = isRecordMap(map) ? map.get(HIGHLIGHT.anchor) : undefined;
  return isStoredAnchorValue(anchor) ? anchor.d : undefined;
}

/** True if a highlight map is in the trash. */
export function isTrashed(map: unknown): boolean {
  return isRecordMap(map) && trashInfo(map.get(HIGHLIGHT.trash)) !== null;
}

/**
 * Calls `visit` with the highlight and author of every readable note not in the trash (the
 * notes a highlight's view lists), without reading their replies: the cheap form for counting.
 */
export function forEachLiveNoteAuthor(doc: Y.Doc, visit: (highlight: HighlightId, createdBy: MemberId) => void): void {
  roots(doc).notes.forEach((value) => {
    const entry = readEntry(value);
    if (typeof entry === 'string') return;
    const highlight = readString(entry.map.get(NOTE.highlight));
    if (highlight === undefined || trashInfo(entry.map.get(NOTE.trash)) !== null) return;
    visit(highlight as HighlightId, entry.createdBy);
  });
}
