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
import type { ProjectMeta } from './project.ts';

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

/** A project's identity as it stands before a merge: its id, name and when/by whom the name was set. */
export type ProjectIdentity = Pick<ProjectMeta, 'id' | 'name' | 'updatedBy' | 'updatedAt'>;

/**
 * Writes `own` back into the project meta of `doc` wherever a merge replaced it (id, name
 * and the name's updated-by/at), so a project merged with another keeps its own identity.
 * Call it on the doc that holds the merge, before anyone reads it (project-merge.ts writes it
 * into the update the project receives). Returns true when it wrote.
 */
export function keepProjectIdentity(doc: Y.Doc, own: ProjectIdentity): boolean {
  if (own.id === undefined) return false;
  const meta = roots(doc).meta;
  let wrote = false;
  const keep = (key: string, value: unknown): void => {
    if (value === undefined || meta.get(key) === value) return;
    meta.set(key, value);
    wrote = true;
  };
  keep(META.id, own.id);
  keep(META.name, own.name);
  keep(META.updatedBy, own.updatedBy);
  keep(META.updatedAt, own.updatedAt);
  return wrote;
}
