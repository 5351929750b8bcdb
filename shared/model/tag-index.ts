/**
 * A read-time index of the codebook: tag fields, merge resolution and the tag tree.
 *
 * Merges and re-parenting are stored as plain pointers (`g`, `p`) that teammates may set
 * concurrently, so the stored graph can contain chains and even cycles (A merged into B
 * while B was merged into A offline). Everything here is resolved deterministically from
 * the synced state alone, so every replica shows the same codebook:
 * - a merge chain is followed to its end; in a cycle, the smallest tag id of the cycle wins;
 * - a parent pointer is resolved through merges; a parent cycle is broken by making its
 *   smallest tag id a root; a trashed or missing parent makes the child a root.
 * Built once per query (O(tags)), so queries over 10k highlights stay linear. Stored values
 * are not trusted (read-guards.ts): a tag that is not a map is skipped and reported, a
 * wrong-typed field reads as empty or unknown.
 */
import type * as Y from 'yjs';
import type { MemberId, TagId } from './ids.ts';
import { TAG, roots } from './layout.ts';
import { isRecordMap, readString, readTime, readTrash, type SkipLog, type TrashInfo } from './read-guards.ts';

export type { TrashInfo } from './read-guards.ts';

/** A tag as stored, with its merge target resolved. */
export type TagView = {
  readonly id: TagId;
  readonly name: string;
  readonly colour: string;
  readonly description: string;
  /** Parent in the tree after resolving merges, cycles and trashed parents (null = root). */
  readonly parentId: TagId | null;
  /** The tag this one was merged into as stored (null if not merged). */
  readonly mergedInto: TagId | null;
  /** The tag this one reads as: itself, or the end of its merge chain. */
  readonly resolvedId: TagId;
  /** Set if the tag is in the trash. */
  readonly deleted: TrashInfo | null;
  readonly createdBy: MemberId | undefined;
  readonly createdAt: number | undefined;
  readonly updatedBy: MemberId | undefined;
  readonly updatedAt: number | undefined;
};

/** The resolved codebook. */
export type TagIndex = {
  /** Every tag, including merged and trashed ones. */
  readonly tags: ReadonlyMap<TagId, TagView>;
  /** The tag `id` reads as (follows merges; unknown ids resolve to themselves). */
  resolve(id: TagId): TagId;
  /** Live children (not merged, not trashed) of a live tag, by name. */
  children(id: TagId | null): readonly TagId[];
  /** `id` and all its live descendants. */
  descendants(id: TagId): ReadonlySet<TagId>;
  /** True if the tag is shown in the codebook (not merged away, not trashed). */
  isLive(id: TagId): boolean;
};

const str = readString;

function minId(ids: Iterable<TagId>): TagId {
  let min: TagId | undefined;
  for (const id of ids) if (min === undefined || id < min) min = id;
  return min as TagId;
}

/** Follows `next` pointers from `start`; in a cycle returns the smallest id of the cycle. */
function followChain(start: TagId, next: (id: TagId) => TagId | null): TagId {
  const path: TagId[] = [];
  const seen = new Map<TagId, number>();
  let current: TagId | null = start;
  while (current !== null) {
    const index = seen.get(current);
    if (index !== undefined) return minId(path.slice(index));
    seen.set(current, path.length);
    path.push(current);
    current = next(current);
  }
  return path[path.length - 1] as TagId;
}

/** Builds the resolved codebook of `doc`; tags that cannot be read go to `skipped`. */
export function buildTagIndex(doc: Y.Doc, skipped?: SkipLog): TagIndex {
  type Raw = Omit<TagView, 'parentId' | 'resolvedId'> & { readonly storedParent: TagId | null };
  const raw = new Map<TagId, Raw>();
  roots(doc).tags.forEach((map: unknown, key) => {
    const id = key as TagId;
    if (!isRecordMap(map)) {
      skipped?.skip('tag', key, 'not a tag record');
      return;
    }
    raw.set(id, {
      id,
      name: str(map.get(TAG.name)) ?? '',
      colour: str(map.get(TAG.colour)) ?? '',
      description: str(map.get(TAG.description)) ?? '',
      storedParent: (str(map.get(TAG.parent)) as TagId | undefined) ?? null,
      mergedInto: (str(map.get(TAG.mergedInto)) as TagId | undefined) ?? null,
      deleted: readTrash(map.get(TAG.trash)),
      createdBy: str(map.get(TAG.createdBy)) as MemberId | undefined,
      createdAt: readTime(map.get(TAG.createdAt)),
      updatedBy: str(map.get(TAG.updatedBy)) as MemberId | undefined,
      updatedAt: readTime(map.get(TAG.updatedAt)),
    });
  });

  const resolved = new Map<TagId, TagId>();
  const resolve = (id: TagId): TagId => {
    let result = resolved.get(id);
    if (result === undefined) {
      result = followChain(id, (at) => {
        const target = raw.get(at)?.mergedInto ?? null;
        return target !== null && raw.has(target) ? target : null;
      });
      resolved.set(id, result);
    }
    return result;
  };
  const isLive = (id: TagId): boolean => {
    const tag = raw.get(id);
    return tag !== undefined && tag.deleted === null && resolve(id) === id;
  };

  // Effective parent: resolved through merges, only live parents count.
  const linkedParent = (id: TagId): TagId | null => {
    const stored = raw.get(id)?.storedParent ?? null;
    if (stored === null || !raw.has(stored)) return null;
    const parent = resolve(stored);
    return parent !== id && isLive(parent) ? parent : null;
  };
  const parentOf = new Map<TagId, TagId | null>();
  for (const id of raw.keys()) {
    if (!isLive(id)) continue;
    // A tag inside a parent cycle is a root if it is the cycle's smallest id.
    const top = followChain(id, linkedParent);
    const chainEndsInCycle = linkedParent(top) !== null;
    parentOf.set(id, chainEndsInCycle && top === id ? null : linkedParent(id));
  }

  const childrenOf = new Map<TagId | null, TagId[]>();
  for (const [id, parent] of parentOf) {
    const list = childrenOf.get(parent) ?? [];
    list.push(id);
    childrenOf.set(parent, list);
  }
  for (const list of childrenOf.values()) {
    list.sort((a, b) => (raw.get(a)?.name ?? '').localeCompare(raw.get(b)?.name ?? '') || (a < b ? -1 : 1));
  }

  const tags = new Map<TagId, TagView>();
  for (const [id, tag] of raw) {
    const { storedParent, ...rest } = tag;
    tags.set(id, { ...rest, parentId: parentOf.get(id) ?? (isLive(id) ? null : storedParent), resolvedId: resolve(id) });
  }

  return {
    tags,
    resolve,
    isLive,
    children: (id) => childrenOf.get(id) ?? [],
    descendants: (id) => {
      const out = new Set<TagId>();
      const stack = [id];
      while (stack.length > 0) {
        const next = stack.pop() as TagId;
        if (out.has(next)) continue;
        out.add(next);
        stack.push(...(childrenOf.get(next) ?? []));
      }
      return out;
    },
  };
}
