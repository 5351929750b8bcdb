/**
 * Display helpers shared by the panels and the margin: member names and short times.
 *
 * Two teammates may well share a name (two "Alex"es in one team, or one person who joined
 * from two computers under the same name): wherever the app names members, a name that
 * more than one member has is told apart by a number after it — "Alex" and "Alex (2)" —
 * numbered in the order `listMembers` gives (by name, then id), which is the same on every
 * teammate's computer.
 */
import type * as Y from 'yjs';
import type { MemberId } from '#shared/model/ids.ts';
import { listMembers } from '#shared/model/project.ts';
import type { MemberView } from '#shared/model/project.ts';
import { nameKey } from '#shared/text/fold.ts';

/** `members` (in `listMembers` order) with each name that more than one of them has numbered from the second: "Alex", "Alex (2)". */
export function distinctNames<T extends { readonly name: string }>(members: readonly T[]): T[] {
  const seen = new Map<string, number>();
  return members.map((member) => {
    const key = nameKey(member.name);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? member : { ...member, name: `${member.name} (${count})` };
  });
}

/** The project's members as the app names them (see {@link distinctNames}), sorted by name. */
export function displayMembers(doc: Y.Doc): MemberView[] {
  return distinctNames(listMembers(doc));
}

/** Member id → display name (unknown members read "someone"). */
export function memberNames(doc: Y.Doc): (id: MemberId | undefined) => string {
  const names = new Map(displayMembers(doc).map((member) => [member.id, member.name]));
  return (id) => (id === undefined ? 'someone' : names.get(id) ?? 'someone');
}

/** A short local date and time, e.g. "21 Nov 2026, 14:05". */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  return new Date(ms).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
