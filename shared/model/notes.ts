/**
 * Notes and replies (Hypothesis-style: a highlight may carry a note, a note has a thread of
 * replies).
 *
 * Notes are entities of their own (keyed by NoteId, pointing at their highlight) rather than
 * a slot inside the highlight: two people who both start a note on the same highlight
 * offline keep both notes instead of one overwriting the other. Note and reply text is a
 * Y.Text, so concurrent edits of the same note merge character-wise. Deleting a highlight
 * leaves its notes untouched (they follow the highlight into the trash and back).
 *
 * "When" of a note edit: `ub`/`ua` are refreshed at most once a minute per member, so a
 * keystroke costs only its Y.Text insert (≤ 40 bytes, docs/architecture.md §8); who typed each
 * character is the Yjs client of that character, mapped through the client registry.
 */
import * as Y from 'yjs';
import type { HighlightId, NoteId, ReplyId } from './ids.ts';
import { NOTE, roots, type TrashRecord } from './layout.ts';
import { stampOtherEdit } from './note-editors.ts';
import { write, type Actor, type WriteContext } from './write.ts';

/** How long (ms) one member's run of edits shares a single "updated at" stamp. */
export const EDIT_STAMP_INTERVAL = 60_000;

function noteMap(doc: Y.Doc, id: NoteId): Y.Map<unknown> {
  const map = roots(doc).notes.get(id);
  if (!map) throw new Error(`unknown note ${id}`);
  return map;
}

function replyMap(doc: Y.Doc, note: NoteId, reply: ReplyId): Y.Map<unknown> {
  const replies = noteMap(doc, note).get(NOTE.replies) as Y.Map<Y.Map<unknown>>;
  const map = replies.get(reply);
  if (!map) throw new Error(`unknown reply ${reply}`);
  return map;
}

function textOf(map: Y.Map<unknown>): Y.Text {
  return map.get(NOTE.text) as Y.Text;
}

function stampEdit(map: Y.Map<unknown>, context: WriteContext): void {
  stampOtherEdit(map, context.member, context.at, EDIT_STAMP_INTERVAL);
  const by = map.get(NOTE.updatedBy);
  const at = map.get(NOTE.updatedAt);
  if (by === context.member && typeof at === 'number' && context.at - at < EDIT_STAMP_INTERVAL) return;
  map.set(NOTE.updatedBy, context.member);
  map.set(NOTE.updatedAt, context.at);
}

/** Edits a Y.Text: delete `deleteCount` characters at `index`, then insert `insert` there. */
function spliceText(text: Y.Text, index: number, deleteCount: number, insert: string): void {
  if (index < 0 || deleteCount < 0 || index + deleteCount > text.length) {
    throw new Error(`edit ${index}+${deleteCount} outside text of length ${text.length}`);
  }
  if (deleteCount > 0) text.delete(index, deleteCount);
  if (insert) text.insert(index, insert);
}

/** The smallest single splice turning `before` into `after` (common prefix and suffix kept). */
export function textDiff(before: string, after: string): { index: number; deleteCount: number; insert: string } {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { index: prefix, deleteCount: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** Creates a note on a highlight and returns its id. */
export function addNote(doc: Y.Doc, actor: Actor, highlight: HighlightId, text = '', id?: NoteId): NoteId {
  if (!roots(doc).highlights.has(highlight)) throw new Error(`unknown highlight ${highlight}`);
  return write(doc, actor, ({ member, at, newId }) => {
    const noteId = id ?? (newId() as NoteId);
    if (roots(doc).notes.has(noteId)) throw new Error(`note ${noteId} already exists`);
    const map = new Y.Map<unknown>();
    map.set(NOTE.highlight, highlight);
    map.set(NOTE.createdBy, member);
    map.set(NOTE.createdAt, at);
    map.set(NOTE.text, new Y.Text(text));
    map.set(NOTE.replies, new Y.Map());
    roots(doc).notes.set(noteId, map);
    return noteId;
  });
}

/** Edits a note's text in place (one splice; concurrent edits merge character-wise). */
export function editNote(doc: Y.Doc, actor: Actor, note: NoteId, index: number, deleteCount: number, insert: string): void {
  const map = noteMap(doc, note);
  write(doc, actor, (context) => {
    spliceText(textOf(map), index, deleteCount, insert);
    stampEdit(map, context);
  });
}

/** Replaces a note's text with `text`, writing only the changed middle (for plain textarea editors). */
export function setNoteText(doc: Y.Doc, actor: Actor, note: NoteId, text: string): void {
  const { index, deleteCount, insert } = textDiff(textOf(noteMap(doc, note)).toString(), text);
  if (deleteCount === 0 && insert === '') return;
  editNote(doc, actor, note, index, deleteCount, insert);
}

/** The Y.Text of a note, for editors that bind to it directly (edits must use the member's local origin). */
export function noteText(doc: Y.Doc, note: NoteId): Y.Text {
  return textOf(noteMap(doc, note));
}

/** Adds a reply to a note's thread and returns its id. */
export function addReply(doc: Y.Doc, actor: Actor, note: NoteId, text: string, id?: ReplyId): ReplyId {
  const replies = noteMap(doc, note).get(NOTE.replies) as Y.Map<Y.Map<unknown>>;
  return write(doc, actor, ({ member, at, newId }) => {
    const replyId = id ?? (newId() as ReplyId);
    if (replies.has(replyId)) throw new Error(`reply ${replyId} already exists`);
    const map = new Y.Map<unknown>();
    map.set(NOTE.createdBy, member);
    map.set(NOTE.createdAt, at);
    map.set(NOTE.text, new Y.Text(text));
    replies.set(replyId, map);
    return replyId;
  });
}

/** Edits a reply's text in place. */
export function editReply(
  doc: Y.Doc,
  actor: Actor,
  note: NoteId,
  reply: ReplyId,
  index: number,
  deleteCount: number,
  insert: string,
): void {
  const map = replyMap(doc, note, reply);
  write(doc, actor, (context) => {
    spliceText(textOf(map), index, deleteCount, insert);
    stampEdit(map, context);
  });
}

function trash(doc: Y.Doc, actor: Actor, map: Y.Map<unknown>, deleted: 0 | 1): void {
  write(doc, actor, ({ member, at }) => {
    const record: TrashRecord = { d: deleted, b: member, a: at };
    map.set(NOTE.trash, record);
  });
}

/** Moves a note (with its replies) to the trash. */
export function deleteNote(doc: Y.Doc, actor: Actor, note: NoteId): void {
  trash(doc, actor, noteMap(doc, note), 1);
}

/** Restores a trashed note. */
export function restoreNote(doc: Y.Doc, actor: Actor, note: NoteId): void {
  trash(doc, actor, noteMap(doc, note), 0);
}

/** Moves a reply to the trash. */
export function deleteReply(doc: Y.Doc, actor: Actor, note: NoteId, reply: ReplyId): void {
  trash(doc, actor, replyMap(doc, note, reply), 1);
}

/** Restores a trashed reply. */
export function restoreReply(doc: Y.Doc, actor: Actor, note: NoteId, reply: ReplyId): void {
  trash(doc, actor, replyMap(doc, note, reply), 0);
}
