/**
 * What merging a project file would bring into a project, read before anything is merged:
 * the file's project, whether it is the same project, how many highlights, codes and
 * notes (replies included) are new, whose work they are, and which arriving codes have the
 * same name as codes already here. The app shows it in the merge confirmation; the merge
 * returns it as what was merged.
 *
 * "New" means live in the file (not trashed; for codes also not merged away) and absent
 * from the receiving doc: what the doc already holds, even trashed, a merge cannot add
 * again, so merging a file a second time reports nothing new.
 */
import type * as Y from 'yjs';
import type { MemberId, ProjectId, TagId } from './ids.ts';
import { HIGHLIGHT, NOTE, TAG, roots, type AnchorRecord, type TrashRecord } from './layout.ts';
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
  /** The people who made the new items, by name. */
  readonly people: readonly IncomingPerson[];
  /** New codes named like a code already here (a merge offers to join them). */
  readonly sameNameCodes: readonly SameNameCodes[];
};

function isLiveRecord(map: Y.Map<unknown>, key: string): boolean {
  return (map.get(key) as TrashRecord | undefined)?.d !== 1;
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
    const anchor = map.get(HIGHLIGHT.anchor) as AnchorRecord | undefined;
    if (anchor === undefined || here.highlights.has(id) || !isLiveRecord(map, HIGHLIGHT.trash)) return;
    highlights += 1;
    credit(anchor.b);
  });

  let notes = 0;
  there.notes.forEach((map, id) => {
    if (!isLiveRecord(map, NOTE.trash)) return;
    const ownNote = here.notes.get(id);
    if (ownNote === undefined) {
      notes += 1;
      credit(map.get(NOTE.createdBy));
    }
    const replies = map.get(NOTE.replies) as Y.Map<Y.Map<unknown>> | undefined;
    const ownReplies = ownNote?.get(NOTE.replies) as Y.Map<Y.Map<unknown>> | undefined;
    replies?.forEach((reply, replyId) => {
      if (ownReplies?.has(replyId) || !isLiveRecord(reply, NOTE.trash)) return;
      notes += 1;
      credit(reply.get(NOTE.createdBy));
    });
  });

  const fileTags = buildTagIndex(file);
  const isNewCode = (id: TagId): boolean => !here.tags.has(id);
  let codes = 0;
  for (const id of fileTags.tags.keys()) {
    if (!fileTags.isLive(id) || !isNewCode(id)) continue;
    codes += 1;
    credit(there.tags.get(id)?.get(TAG.createdBy));
  }

  const people = [...authors]
    .map((id) => ({ id, name: there.members.get(id)?.n ?? here.members.get(id)?.n ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    projectId: project.id,
    name: project.name,
    sameProject: ownProjectId === project.id,
    highlights,
    codes,
    notes,
    people,
    sameNameCodes: findSameNameCodes(buildTagIndex(doc), fileTags, isNewCode),
  };
}
