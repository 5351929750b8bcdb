/**
 * Display helpers shared by the panels and the margin: member names and short times.
 */
import type * as Y from 'yjs';
import type { MemberId } from '#shared/model/ids.ts';
import { listMembers } from '#shared/model/project.ts';

/** Member id → display name (unknown members read "someone"). */
export function memberNames(doc: Y.Doc): (id: MemberId | undefined) => string {
  const names = new Map(listMembers(doc).map((member) => [member.id, member.name]));
  return (id) => (id === undefined ? 'someone' : names.get(id) ?? 'someone');
}

/** A short local date and time, e.g. "21 Nov 2026, 14:05". */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  return new Date(ms).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
