/**
 * Room naming for team sync.
 *
 * One Hocuspocus document ("room") per project: the whole project (highlights, tags,
 * notes, codebook) is one Y.Doc, so one room carries it. The client and the server both
 * derive the room name from the project id through this module, so the two can never
 * disagree on spelling. The prefix keeps room names self-describing in logs and leaves
 * room for other kinds of rooms later without ambiguity.
 */
import { isId } from '../model/ids.ts';
import type { ProjectId } from '../model/ids.ts';

/** Prefix of every project room name. */
export const PROJECT_ROOM_PREFIX = 'project/';

/** True if `value` is a well-formed project id (the compact 22-character id of shared/model/ids). */
export function isProjectId(value: unknown): value is ProjectId {
  return isId(value);
}

/** The Hocuspocus document name of a project's room. Throws on a malformed project id. */
export function roomForProject(projectId: ProjectId): string {
  if (!isProjectId(projectId)) throw new Error(`not a project id: ${JSON.stringify(projectId)}`);
  return `${PROJECT_ROOM_PREFIX}${projectId}`;
}

/** The project id a room name belongs to, or null if the name is not a project room. */
export function projectFromRoom(roomName: string): ProjectId | null {
  if (!roomName.startsWith(PROJECT_ROOM_PREFIX)) return null;
  const candidate = roomName.slice(PROJECT_ROOM_PREFIX.length);
  return isProjectId(candidate) ? candidate : null;
}
