/**
 * Number keys of the codebook: which tag each of the keys 1–9 applies.
 *
 * A key belongs to a tag, not to the tag's place in a sorted list, so adding, deleting or
 * renaming a tag (here or at a teammate's) never changes what another key does. Two fields
 * of the tag hold it, so they merge like any other tag field:
 * - `kd`, its default: the first key free when the tag was created, written once;
 * - `k`, the key a person chose in the codebook ({@link TagKeyRecord}: the key, or 0 for
 *   "no key", and when it was chosen), which overrides the default.
 * Every replica resolves the same keys from the synced state alone:
 * 1. only live tags (not trashed, not merged away) hold keys;
 * 2. chosen keys first; when a merge leaves two tags having chosen one key, the earlier
 *    choice keeps it (then the smaller tag id) and the other has no key, reported as a
 *    conflict for the codebook to show;
 * 3. then defaults, oldest tag first (creation time, then tag id): two tags created offline
 *    with the same default — or a default someone chose for another tag meanwhile — keep
 *    it for the older tag;
 * 4. tags still without a key (a default lost that way, or none recorded) take the keys
 *    still free, oldest first; when all nine are taken, a tag has none.
 */
import type * as Y from 'yjs';
import type { TagId } from './ids.ts';
import { TAG, roots, type TagKeyRecord } from './layout.ts';
import { buildTagIndex, type TagIndex } from './tag-index.ts';
import { write, type Actor } from './write.ts';

/** The number keys, in order. */
export const NUMBER_KEYS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** How a live tag came by its key, or by having none. */
export type TagKeySource = 'chosen' | 'default' | 'none chosen' | 'lost' | 'none free';

/** A chosen key that went to another tag which chose it first (after a merge). */
export type TagKeyConflict = { readonly key: number; readonly heldBy: TagId };

/** The resolved number keys of a codebook. */
export type TagKeys = {
  /** The key each live tag answers to; tags without a key are absent. */
  readonly keyOf: ReadonlyMap<TagId, number>;
  /** The tag each key applies; free keys are absent. */
  readonly tagOf: ReadonlyMap<number, TagId>;
  /** How each live tag came by its key or by having none (every live tag is present). */
  readonly sourceOf: ReadonlyMap<TagId, TagKeySource>;
  /** Live tags whose chosen key another tag holds. */
  readonly conflicts: ReadonlyMap<TagId, TagKeyConflict>;
};

/** True for the integers 1–9. */
export function isNumberKey(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 9;
}

/** The key chosen for a tag (0 = "no key"), or undefined if none was chosen or it cannot be read. */
function chosenKey(map: Y.Map<unknown> | undefined): TagKeyRecord | undefined {
  const value = map?.get(TAG.key) as Partial<TagKeyRecord> | null | undefined;
  if (value === null || typeof value !== 'object' || typeof value.a !== 'number') return undefined;
  return value.n === 0 || isNumberKey(value.n) ? { n: value.n, a: value.a } : undefined;
}

/** The default key recorded for a tag, if readable. */
function defaultKey(map: Y.Map<unknown> | undefined): number | undefined {
  const value = map?.get(TAG.defaultKey);
  return isNumberKey(value) ? value : undefined;
}

type Claim = { readonly id: TagId; readonly at: number; readonly key: number | undefined };

function byTimeThenId(a: Claim, b: Claim): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Resolves the number keys of `doc` (see the rules above). */
export function resolveTagKeys(doc: Y.Doc, index: TagIndex = buildTagIndex(doc)): TagKeys {
  const maps = roots(doc).tags;
  const keyOf = new Map<TagId, number>();
  const tagOf = new Map<number, TagId>();
  const sourceOf = new Map<TagId, TagKeySource>();
  const conflicts = new Map<TagId, TagKeyConflict>();
  const chosen: Claim[] = [];
  const defaults: Claim[] = [];
  for (const tag of index.tags.values()) {
    if (!index.isLive(tag.id)) continue;
    const map = maps.get(tag.id);
    const choice = chosenKey(map);
    if (choice?.n === 0) sourceOf.set(tag.id, 'none chosen');
    else if (choice !== undefined) chosen.push({ id: tag.id, at: choice.a, key: choice.n });
    else defaults.push({ id: tag.id, at: tag.createdAt ?? 0, key: defaultKey(map) });
  }
  const give = (id: TagId, key: number, source: TagKeySource): void => {
    tagOf.set(key, id);
    keyOf.set(id, key);
    sourceOf.set(id, source);
  };
  for (const claim of chosen.sort(byTimeThenId)) {
    const holder = tagOf.get(claim.key as number);
    if (holder === undefined) give(claim.id, claim.key as number, 'chosen');
    else {
      conflicts.set(claim.id, { key: claim.key as number, heldBy: holder });
      sourceOf.set(claim.id, 'lost');
    }
  }
  const waiting: Claim[] = [];
  for (const claim of defaults.sort(byTimeThenId)) {
    if (claim.key !== undefined && !tagOf.has(claim.key)) give(claim.id, claim.key, 'default');
    else waiting.push(claim);
  }
  const free = NUMBER_KEYS.filter((key) => !tagOf.has(key));
  for (const claim of waiting) {
    const key = free.shift();
    if (key === undefined) sourceOf.set(claim.id, 'none free');
    else give(claim.id, key, 'default');
  }
  return { keyOf, tagOf, sourceOf, conflicts };
}

/** The tag number key `key` applies, or null if the key is free or not 1–9. */
export function tagForNumberKey(doc: Y.Doc, key: number): TagId | null {
  if (!isNumberKey(key)) return null;
  return resolveTagKeys(doc).tagOf.get(key) ?? null;
}

/** The first key no live tag holds, if any: the default of a tag created now. */
export function firstFreeKey(doc: Y.Doc): number | undefined {
  const { tagOf } = resolveTagKeys(doc);
  return NUMBER_KEYS.find((key) => !tagOf.has(key));
}

/**
 * Gives tag `id` the number key `key`, or no key (`null`), as one change. A key another
 * tag holds moves to `id`, and that tag is left without one (chosen "no key").
 */
export function setTagKey(doc: Y.Doc, actor: Actor, id: TagId, key: number | null): void {
  if (key !== null && !isNumberKey(key)) throw new RangeError(`a number key is 1 to 9, not ${String(key)}`);
  const index = buildTagIndex(doc);
  if (!index.isLive(id)) throw new Error(`tag ${id} is not in the codebook (unknown, trashed or merged)`);
  const holder = key === null ? undefined : resolveTagKeys(doc, index).tagOf.get(key);
  write(doc, actor, (context) => {
    const maps = roots(doc).tags;
    const choose = (tag: TagId, n: number): void => {
      const record: TagKeyRecord = { n, a: context.at };
      maps.get(tag)?.set(TAG.key, record);
    };
    if (holder !== undefined && holder !== id) choose(holder, 0);
    choose(id, key ?? 0);
  });
}

/**
 * Keeps the other tags' keys where they are when tag `id` comes back to the codebook
 * (restored from the trash, or un-merged): if the key it would claim is held by a live tag
 * now, it forgets that key and takes the first free one as its default. Call inside the
 * model write that brings it back, before the change.
 */
export function rehomeReturningTagKey(doc: Y.Doc, id: TagId): void {
  const map = roots(doc).tags.get(id);
  if (map === undefined) return;
  const choice = chosenKey(map);
  const claimed = choice === undefined ? defaultKey(map) : choice.n;
  const { tagOf } = resolveTagKeys(doc);
  if (claimed === undefined || claimed === 0 || tagOf.get(claimed) === undefined || tagOf.get(claimed) === id) return;
  if (choice !== undefined) map.set(TAG.key, null);
  const free = NUMBER_KEYS.find((key) => !tagOf.has(key));
  if (free === undefined) map.delete(TAG.defaultKey);
  else map.set(TAG.defaultKey, free);
}
