/**
 * Keeping a doc's project id when another project's state is merged into it.
 *
 * A project id lives in the project meta as one plain value; merging a whole foreign doc
 * (a teammate's personal project copied into a team project) can bring the foreign id
 * along, and whichever write wins would then name the wrong project. `restampProjectId`
 * writes the doc's own id back. It opens no transaction or origin of its own: call it inside
 * the transaction that merged, so the update that leaves never names the foreign project
 * and undo (which tracks only local origins) never captures it.
 */
import type * as Y from 'yjs';
import type { ProjectId } from './ids.ts';
import { META, roots } from './layout.ts';

/**
 * Sets the project id of `doc` to `projectId` if it holds a different one; a doc without a
 * project id is left without. Returns true when it wrote.
 */
export function restampProjectId(doc: Y.Doc, projectId: ProjectId): boolean {
  const meta = roots(doc).meta;
  const current = meta.get(META.id);
  if (current === undefined || current === projectId) return false;
  meta.set(META.id, projectId);
  return true;
}
