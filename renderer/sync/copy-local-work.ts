/**
 * "Copy my local annotations into the team project": merges the personal project's whole
 * Y.Doc state into the team project's doc as one CRDT update.
 *
 * Merging is safe to repeat (items the team doc already has are skipped; deletions made in
 * the team project are not undone), and nothing in the personal project changes. The one
 * field that must not travel is the project id: after the merge the team doc is re-stamped
 * with the team project's id (`restampProjectId`), in the same transaction, so the
 * update the server receives never names the personal project. The whole merge runs under
 * the model's import origin, so undo never captures it.
 */
import * as Y from 'yjs';
import type { ProjectId } from '#shared/model/ids.ts';
import { importOrigin } from '#shared/model/origins.ts';
import { restampProjectId } from '#shared/model/project-id.ts';

/** What the copy did. */
export interface CopyResult {
  /** Size of the merged update, in bytes (0 when the team doc already had everything). */
  readonly bytes: number;
}

/** Merges `personal` into `team` (whose project id is `teamProjectId`). */
export function copyLocalWork(personal: Y.Doc, team: Y.Doc, teamProjectId: ProjectId): CopyResult {
  const update = Y.encodeStateAsUpdate(personal, Y.encodeStateVector(team));
  let bytes = 0;
  team.transact(() => {
    Y.applyUpdate(team, update);
    bytes = update.byteLength;
    restampProjectId(team, teamProjectId);
  }, importOrigin);
  // An update of an empty state is two bytes (no structs, no deletions).
  return { bytes: bytes <= 2 ? 0 : bytes };
}
