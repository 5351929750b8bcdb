/**
 * Looking up one member of a project: the profile (name, colour, joined at) teammates see
 * beside a person's work. `listMembers` (project.ts) reads them all; this reads one, so the
 * app can tell whether the local person's profile is already recorded.
 */
import type * as Y from 'yjs';
import type { MemberId } from './ids.ts';
import { roots } from './layout.ts';
import { readMember, type MemberView } from './project.ts';

/** The member `id` as recorded in `doc`, or undefined if the project has no such member (or no readable record of them). */
export function getMember(doc: Y.Doc, id: MemberId): MemberView | undefined {
  return readMember(id, roots(doc).members.get(id));
}
