/**
 * Codebook operations: create, edit, merge, delete and restore tags.
 *
 * A tag is a Y.Map with one key per field, so concurrent edits of different fields (one
 * person renames, another recolours or re-parents) both survive; the same field edited
 * concurrently resolves last-writer-wins, deterministically on every replica. Merging A
 * into B only sets `A.g = B`: applications of A are never rewritten, so an offline teammate
 * who applies A meanwhile still ends up carrying B once the merge syncs — the chain is
 * resolved at read time (see tag-index.ts). Deletion is a soft trash marker. A new tag records
 * the first free number key as its default, and a tag coming back from the trash or a merge
 * gives up a key someone else holds by then (tag-keys.ts).
 */
import * as Y from 'yjs';
import type { TagId } from './ids.ts';
import { TAG, roots, type TrashRecord } from './layout.ts';
import { firstFreeKey, rehomeReturningTagKey } from './tag-keys.ts';
import { write, type Actor, type WriteContext } from './write.ts';

/** Editable fields of a tag. */
export type TagFields = {
  readonly name: string;
  readonly colour: string;
  readonly description: string;
  readonly parentId: TagId | null;
};

function tagMap(doc: Y.Doc, id: TagId): Y.Map<unknown> {
  const map = roots(doc).tags.get(id);
  if (!map) throw new Error(`unknown tag ${id}`);
  return map;
}

function touch(map: Y.Map<unknown>, context: WriteContext): void {
  map.set(TAG.updatedBy, context.member);
  map.set(TAG.updatedAt, context.at);
}

/** Creates a tag and returns its id. */
export function createTag(
  doc: Y.Doc,
  actor: Actor,
  input: Partial<TagFields> & { readonly name: string; readonly id?: TagId },
): TagId {
  return write(doc, actor, (context) => {
    const id = input.id ?? (context.newId() as TagId);
    if (roots(doc).tags.has(id)) throw new Error(`tag ${id} already exists`);
    if (input.parentId) tagMap(doc, input.parentId);
    const map = new Y.Map<unknown>();
    map.set(TAG.name, input.name);
    map.set(TAG.colour, input.colour ?? '#ffd54f');
    if (input.description) map.set(TAG.description, input.description);
    if (input.parentId) map.set(TAG.parent, input.parentId);
    const key = firstFreeKey(doc);
    if (key !== undefined) map.set(TAG.defaultKey, key);
    map.set(TAG.createdBy, context.member);
    map.set(TAG.createdAt, context.at);
    roots(doc).tags.set(id, map);
    return id;
  });
}

/** Edits some fields of a tag; only the given fields are written (so concurrent edits of others survive). */
export function updateTag(doc: Y.Doc, actor: Actor, id: TagId, changes: Partial<TagFields>): void {
  write(doc, actor, (context) => {
    const map = tagMap(doc, id);
    if (changes.name !== undefined) map.set(TAG.name, changes.name);
    if (changes.colour !== undefined) map.set(TAG.colour, changes.colour);
    if (changes.description !== undefined) map.set(TAG.description, changes.description);
    if (changes.parentId !== undefined) {
      if (changes.parentId === id) throw new Error('a tag cannot be its own parent');
      if (changes.parentId) tagMap(doc, changes.parentId);
      map.set(TAG.parent, changes.parentId);
    }
    touch(map, context);
  });
}

/**
 * Merges tag `from` into tag `into`: everything tagged `from` now reads as `into`. Reversible
 * with `unmergeTag`. `stamp: false` leaves the tag's updated-by/at as they were: for joins that
 * follow from merging a project file rather than from a person's edit of the codebook.
 */
export function mergeTag(doc: Y.Doc, actor: Actor, from: TagId, into: TagId, options: { readonly stamp?: boolean } = {}): void {
  write(doc, actor, (context) => {
    if (from === into) throw new Error('cannot merge a tag into itself');
    const map = tagMap(doc, from);
    tagMap(doc, into);
    map.set(TAG.mergedInto, into);
    if (options.stamp !== false) touch(map, context);
  });
}

/** Undoes a merge: `id` reads as itself again. */
export function unmergeTag(doc: Y.Doc, actor: Actor, id: TagId): void {
  write(doc, actor, (context) => {
    const map = tagMap(doc, id);
    rehomeReturningTagKey(doc, id);
    map.set(TAG.mergedInto, null);
    touch(map, context);
  });
}

function setTrash(doc: Y.Doc, actor: Actor, id: TagId, deleted: 0 | 1): void {
  write(doc, actor, (context) => {
    const map = tagMap(doc, id);
    if (deleted === 0) rehomeReturningTagKey(doc, id);
    const record: TrashRecord = { d: deleted, b: context.member, a: context.at };
    map.set(TAG.trash, record);
    touch(map, context);
  });
}

/** Moves a tag to the trash: it disappears from views and filters, its applications are kept. */
export function deleteTag(doc: Y.Doc, actor: Actor, id: TagId): void {
  setTrash(doc, actor, id, 1);
}

/** Restores a trashed tag with all its applications. */
export function restoreTag(doc: Y.Doc, actor: Actor, id: TagId): void {
  setTrash(doc, actor, id, 0);
}
