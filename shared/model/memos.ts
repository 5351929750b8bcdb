/**
 * Memos: analytic writing about the project, a document or a code (docs/architecture.md §5).
 *
 * A memo is a record of its own under a random id (root `o`), carrying its subject, so two
 * people who start the same memo offline each keep their text after the merge; readers
 * join the records of one subject (memo-views.ts). The body is a Y.Text like a note's, so
 * concurrent edits merge character-wise; anyone in the project may edit any memo. Edit
 * stamps (`ub`/`ua`) are refreshed at most once a minute per member, as for notes, so a
 * keystroke costs only its insert. Every write goes through `write`, under the member's
 * local origin, so undo covers it.
 */
import * as Y from 'yjs';
import type { MemoId } from './ids.ts';
import { MEMO, roots } from './layout.ts';
import { parseMemoSubject } from './memo-subjects.ts';
import { EDIT_STAMP_INTERVAL, textDiff } from './notes.ts';
import { write, type Actor, type WriteContext } from './write.ts';

function memoMap(doc: Y.Doc, id: MemoId): Y.Map<unknown> {
  const map = roots(doc).memos.get(id);
  if (!(map instanceof Y.Map)) throw new Error(`unknown memo ${id}`);
  return map;
}

/** The Y.Text of memo `id`, for an editor bound to it; throws if the memo has none. */
export function memoText(doc: Y.Doc, id: MemoId): Y.Text {
  const text = memoMap(doc, id).get(MEMO.text);
  if (!(text instanceof Y.Text)) throw new Error(`memo ${id} has no text`);
  return text;
}

function stampEdit(map: Y.Map<unknown>, context: WriteContext): void {
  const by = map.get(MEMO.updatedBy);
  const at = map.get(MEMO.updatedAt);
  if (by === context.member && typeof at === 'number' && context.at - at < EDIT_STAMP_INTERVAL) return;
  map.set(MEMO.updatedBy, context.member);
  map.set(MEMO.updatedAt, context.at);
}

/** Starts a memo on `subject` (see memo-subjects.ts) with `text` and returns its id. */
export function startMemo(doc: Y.Doc, actor: Actor, subject: string, text = '', id?: MemoId): MemoId {
  if (parseMemoSubject(subject) === undefined) throw new Error(`not a memo subject: ${subject}`);
  return write(doc, actor, (context) => {
    const memoId = id ?? (context.newId() as MemoId);
    if (roots(doc).memos.has(memoId)) throw new Error(`memo ${memoId} already exists`);
    const map = new Y.Map<unknown>();
    map.set(MEMO.subject, subject);
    map.set(MEMO.createdBy, context.member);
    map.set(MEMO.createdAt, context.at);
    map.set(MEMO.text, new Y.Text(text));
    roots(doc).memos.set(memoId, map);
    return memoId;
  });
}

/** Edits a memo's text in place: deletes `deleteCount` characters at `index`, then inserts `insert` there. */
export function editMemo(doc: Y.Doc, actor: Actor, id: MemoId, index: number, deleteCount: number, insert: string): void {
  const map = memoMap(doc, id);
  const text = memoText(doc, id);
  if (index < 0 || deleteCount < 0 || index + deleteCount > text.length) {
    throw new Error(`edit ${index}+${deleteCount} outside memo of length ${text.length}`);
  }
  write(doc, actor, (context) => {
    if (deleteCount > 0) text.delete(index, deleteCount);
    if (insert) text.insert(index, insert);
    stampEdit(map, context);
  });
}

/** Replaces a memo's text with `text`, writing only the changed middle. */
export function setMemoText(doc: Y.Doc, actor: Actor, id: MemoId, text: string): void {
  const { index, deleteCount, insert } = textDiff(memoText(doc, id).toString(), text);
  if (deleteCount === 0 && insert === '') return;
  editMemo(doc, actor, id, index, deleteCount, insert);
}
