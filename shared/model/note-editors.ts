/**
 * Whose note is it: notes and replies are edited by their author only (the app offers an
 * editor to the author alone; everyone else replies). A CRDT merge can still bring in
 * another person's edit — an older app, an edit made before a note changed hands — so
 * every edit by someone other than the author leaves a stamp (`e:<member>` → time, at most
 * one write a minute per member), and views list those stamps so a card can say "edited by
 * X, date". Data written before the stamps existed falls back to the last-edit stamp.
 */
import type * as Y from 'yjs';
import type { MemberId } from './ids.ts';
import { NOTE, NOTE_OTHER_EDIT_PREFIX } from './layout.ts';

/** An edit of a note or reply by someone other than its author. */
export type OtherEdit = { readonly by: MemberId; readonly at: number };

/** True when `member` may edit a note or reply created by `author` (the author alone). */
export function canEditNote(author: MemberId | undefined, member: MemberId | null | undefined): boolean {
  return author !== undefined && member !== null && member !== undefined && author === member;
}

/** Records that `member` edited the note/reply `map` at `at`, when it is not theirs (throttled to `interval`). */
export function stampOtherEdit(map: Y.Map<unknown>, member: MemberId, at: number, interval: number): void {
  if (map.get(NOTE.createdBy) === member) return;
  const key = `${NOTE_OTHER_EDIT_PREFIX}${member}`;
  const previous = map.get(key);
  if (typeof previous === 'number' && at - previous < interval) return;
  map.set(key, at);
}

/** The edits by others than the author of a note/reply `map`, newest first (malformed stamps skipped). */
export function otherEdits(map: Y.Map<unknown>): OtherEdit[] {
  const author = map.get(NOTE.createdBy);
  const edits = new Map<MemberId, number>();
  for (const [key, value] of map.entries()) {
    if (!key.startsWith(NOTE_OTHER_EDIT_PREFIX) || typeof value !== 'number' || !Number.isFinite(value)) continue;
    const by = key.slice(NOTE_OTHER_EDIT_PREFIX.length) as MemberId;
    if (by !== author && by.length > 0) edits.set(by, value);
  }
  const lastBy = map.get(NOTE.updatedBy);
  const lastAt = map.get(NOTE.updatedAt);
  if (typeof lastBy === 'string' && lastBy !== author && typeof lastAt === 'number' && Number.isFinite(lastAt)) {
    const by = lastBy as MemberId;
    edits.set(by, Math.max(edits.get(by) ?? 0, lastAt));
  }
  return [...edits].map(([by, at]) => ({ by, at })).sort((a, b) => b.at - a.at || (a.by < b.by ? -1 : 1));
}
