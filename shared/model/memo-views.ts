/**
 * Reading memos (docs/architecture.md §5): every readable memo record, grouped by subject.
 *
 * One subject normally has one record. Two people who started the same memo offline leave
 * two records after the merge; both are kept and shown, oldest first, so nobody's writing
 * is lost and nothing has to choose between them. Records are read without trusting them
 * (read-guards.ts): a record without a subject, text, author or creation time is skipped
 * and listed once in the skip log; a bad edit stamp reads as "not edited".
 */
import * as Y from 'yjs';
import type { MemberId, MemoId } from './ids.ts';
import { MEMO, roots } from './layout.ts';
import { parseMemoSubject, type MemoSubject } from './memo-subjects.ts';
import { isRecordMap, readString, readText, readTime, type SkipLog } from './read-guards.ts';

/** One memo record as read. */
export type MemoRecordView = {
  readonly id: MemoId;
  /** The stored subject ('project', 'd:<documentId>', 't:<tagId>'). */
  readonly subject: string;
  readonly text: string;
  /** False when the stored text is not a Y.Text (readable, but an editor cannot bind to it). */
  readonly editable: boolean;
  readonly createdBy: MemberId;
  readonly createdAt: number;
  /** Who edited it last and when; the creation when nobody edited it since. */
  readonly editedBy: MemberId;
  readonly editedAt: number;
};

/** The memo of one subject: its records, oldest first, and its latest edit. */
export type MemoView = {
  readonly subject: string;
  readonly about: MemoSubject;
  readonly records: readonly MemoRecordView[];
  /** The records' texts joined by a blank line. */
  readonly text: string;
  readonly editedBy: MemberId;
  readonly editedAt: number;
};

/** Reads one memo record, or undefined (reported to `skipped`) if it cannot be used. */
export function readMemoRecord(id: MemoId, value: unknown, skipped?: SkipLog): MemoRecordView | undefined {
  const problem = (reason: string): undefined => {
    skipped?.skip('memo', id, reason);
    return undefined;
  };
  if (!isRecordMap(value)) return problem('not a record');
  const subject = value.get(MEMO.subject);
  if (parseMemoSubject(subject) === undefined) return problem('no subject');
  const stored = value.get(MEMO.text);
  const text = readText(stored);
  if (text === undefined) return problem('no readable text');
  const createdBy = readString(value.get(MEMO.createdBy));
  if (createdBy === undefined) return problem('no author');
  const createdAt = readTime(value.get(MEMO.createdAt));
  if (createdAt === undefined) return problem('no creation time');
  const updatedBy = readString(value.get(MEMO.updatedBy));
  const updatedAt = readTime(value.get(MEMO.updatedAt));
  const edited = updatedBy !== undefined && updatedAt !== undefined;
  return {
    id,
    subject: subject as string,
    text,
    editable: stored instanceof Y.Text,
    createdBy: createdBy as MemberId,
    createdAt,
    editedBy: (edited ? updatedBy : createdBy) as MemberId,
    editedAt: edited ? updatedAt : createdAt,
  };
}

function oldestFirst(a: MemoRecordView, b: MemoRecordView): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every memo of `doc`, one per subject, most recently edited first. */
export function listMemos(doc: Y.Doc, skipped?: SkipLog): MemoView[] {
  const bySubject = new Map<string, MemoRecordView[]>();
  roots(doc).memos.forEach((value, id) => {
    const record = readMemoRecord(id as MemoId, value, skipped);
    if (!record) return;
    const list = bySubject.get(record.subject);
    if (list) list.push(record);
    else bySubject.set(record.subject, [record]);
  });
  const memos: MemoView[] = [];
  for (const [subject, records] of bySubject) {
    records.sort(oldestFirst);
    const latest = records.reduce((a, b) => (b.editedAt > a.editedAt ? b : a));
    memos.push({
      subject,
      about: parseMemoSubject(subject) as MemoSubject,
      records,
      text: records.map((record) => record.text).join('\n\n'),
      editedBy: latest.editedBy,
      editedAt: latest.editedAt,
    });
  }
  return memos.sort((a, b) => b.editedAt - a.editedAt || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}

/** The memo of `subject`, or undefined when nobody has written one. */
export function getMemo(doc: Y.Doc, subject: string, skipped?: SkipLog): MemoView | undefined {
  return listMemos(doc, skipped).find((memo) => memo.subject === subject);
}
