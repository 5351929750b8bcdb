/**
 * What merging a project file would bring into a project, read before anything is merged:
 * the file's project, whether it is the same project, how many highlights, codes,
 * notes (replies included), memos and added documents are new, whose work they are, and which arriving codes have the
 * same name as codes already here. The app shows it in the merge confirmation; the merge
 * returns it as what was merged.
 *
 * "New" means live in the file (not trashed; for codes also not merged away) and absent
 * from the receiving doc: what the doc already holds, even trashed, a merge cannot add
 * again, so merging a file a second time reports nothing new. Changes to what is already
 * here (an edited note, a coding, a chosen key, a trashing) are not new items, so
 * `changes` says separately whether the file holds anything at all the doc lacks.
 * Records no reader can use (read-guards.ts) are not counted.
 */
import * as Y from 'yjs';
import type { MemberId, ProjectId, TagId } from './ids.ts';
import { listDocuments } from './document-views.ts';
import { HIGHLIGHT, MEMO, NOTE, TAG, roots, type AnchorRecord, type TrashRecord } from './layout.ts';
import { parseMemoSubject } from './memo-subjects.ts';
import { isRecordMap } from './read-guards.ts';
import { findSameNameCodes, type SameNameCodes } from './same-name-codes.ts';
import { buildTagIndex } from './tag-index.ts';

/** A person whose work a file brings. `name` is empty if the file has no profile for them. */
export type IncomingPerson = { readonly id: MemberId; readonly name: string };

/** What merging a project file would bring (or brought). */
export type IncomingSummary = {
  /** The file's project id. */
  readonly projectId: ProjectId;
  /** The file's project name. */
  readonly name: string;
  /** True if the file is of the receiving doc's own project. */
  readonly sameProject: boolean;
  /** New live highlights. */
  readonly highlights: number;
  /** New live codes. */
  readonly codes: number;
  /** New live notes and replies. */
  readonly notes: number;
  /** New memo records (a memo started in the file; a merge keeps it beside one started here). */
  readonly memos: number;
  /**
   * Added documents new here: readable records in the file absent from the doc (live, in
   * the trash or replaced alike: the file carries the text of each).
   */
  readonly documents: number;
  /** The people who made the new items, by name. */
  readonly people: readonly IncomingPerson[];
  /** New codes named like a code already here (a merge offers to join them). */
  readonly sameNameCodes: readonly SameNameCodes[];
  /** True if the file holds any change the doc lacks (new items, edits, deletions). */
  readonly changes: boolean;
};

/** True if `file` holds an item or a deletion that `doc` does not have. */
export function holdsChangesFor(doc: Y.Doc, file: Y.Doc): boolean {
  const known = Y.encodeStateVector(doc);
  const have = Y.decodeStateVector(known);
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(file))) {
    if (clock > (have.get(client) ?? 0)) return true;
  }
  const ownDeletions = Y.createDeleteSetFromStructStore(doc.store);
  for (const [client, ranges] of Y.createDeleteSetFromStructStore(file.store).clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len; clock++) {
        if (!Y.isDeleted(ownDeletions, Y.createID(client, clock))) return true;
      }
    }
  }
  return false;
}

function isLiveRecord(map: Y.Map<unknown>, key: string): boolean {
  return (map.get(key) as TrashRecord | null | undefined)?.d !== 1;
}

function memberName(record: unknown): string | undefined {
  const name = typeof record === 'object' && record !== null ? (record as { n?: unknown }).n : undefined;
  return typeof name === 'string' ? name : undefined;
}

function memberIdOf(value: unknown): MemberId | undefined {
  return typeof value === 'string' ? (value as MemberId) : undefined;
}

/** Summarises what `file` (a checked file's scratch doc) would bring into `doc`. */
export function summarizeIncoming(doc: Y.Doc, file: Y.Doc, project: { readonly id: ProjectId; readonly name: string }, ownProjectId: ProjectId | undefined): IncomingSummary {
  const here = roots(doc);
  const there = roots(file);
  const authors = new Set<MemberId>();
  const credit = (value: unknown): void => {
    const member = memberIdOf(value);
    if (member !== undefined) authors.add(member);
  };

  let highlights = 0;
  there.highlights.forEach((map, id) => {
    if (!isRecordMap(map)) return;
    const anchor = map.get(HIGHLIGHT.anchor) as AnchorRecord | undefined;
    if (anchor == null || here.highlights.has(id) || !isLiveRecord(map, HIGHLIGHT.trash)) return;
    highlights += 1;
    credit(anchor.b);
  });

  let notes = 0;
  there.notes.forEach((map, id) => {
    if (!isRecordMap(map) || !isLiveRecord(map, NOTE.trash)) return;
    const found = here.notes.get(id);
    const ownNote = isRecordMap(found) ? found : undefined;
    if (ownNote === undefined) {
      notes += 1;
      credit(map.get(NOTE.createdBy));
    }
    const replies = map.get(NOTE.replies);
    const ownReplies = ownNote?.get(NOTE.replies);
    if (!isRecordMap(replies)) return;
    replies.forEach((reply, replyId) => {
      if ((isRecordMap(ownReplies) && ownReplies.has(replyId)) || !isRecordMap(reply) || !isLiveRecord(reply, NOTE.trash)) return;
      notes += 1;
      credit(reply.get(NOTE.createdBy));
    });
  });

  let memos = 0;
  there.memos.forEach((map, id) => {
    if (!isRecordMap(map) || here.memos.has(id) || parseMemoSubject(map.get(MEMO.subject)) === undefined) return;
    memos += 1;
    credit(map.get(MEMO.createdBy));
  });

  let documents = 0;
  for (const record of listDocuments(file)) {
    if (here.documents.has(record.id)) continue;
    documents += 1;
    if (record.addedBy !== '') credit(record.addedBy);
  }

  const fileTags = buildTagIndex(file);
  const isNewCode = (id: TagId): boolean => !here.tags.has(id);
  let codes = 0;
  for (const id of fileTags.tags.keys()) {
    if (!fileTags.isLive(id) || !isNewCode(id)) continue;
    codes += 1;
    const tag = there.tags.get(id);
    if (isRecordMap(tag)) credit(tag.get(TAG.createdBy));
  }

  const people = [...authors]
    .map((id) => ({ id, name: memberName(there.members.get(id)) ?? memberName(here.members.get(id)) ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    projectId: project.id,
    name: project.name,
    sameProject: ownProjectId === project.id,
    highlights,
    codes,
    notes,
    memos,
    documents,
    people,
    sameNameCodes: findSameNameCodes(buildTagIndex(doc), fileTags, isNewCode),
    changes: holdsChangesFor(doc, file),
  };
}
