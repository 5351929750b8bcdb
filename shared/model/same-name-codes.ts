/**
 * Codes that two projects named the same way, found and joined when one project's file is
 * merged into the other (docs/architecture.md §5).
 *
 * Names are compared in their search form (shared/text/fold.ts: case, accents and the
 * Turkish dotted/dotless i folded, spaces collapsed), so "İran" meets "iran" and
 * "Güvenlik" meets "guvenlik". A join goes through the codebook's own `mergeTag`, into the
 * code with the smallest id of its group, so both sides reach the same codebook whichever
 * of them merges first. It is not stamped as anyone's edit of the code: it follows from the
 * file merge itself, and a stamp naming whoever merged would make the two sides differ.
 */
import type * as Y from 'yjs';
import { nameKey } from '#shared/text/fold.ts';
import type { TagId } from './ids.ts';
import { buildTagIndex, type TagIndex } from './tag-index.ts';
import { mergeTag } from './tags.ts';
import type { Actor } from './write.ts';

/** A code as the merge summary names it. */
export type CodeRef = { readonly id: TagId; readonly name: string };

/** A code arriving from a file and a code of the receiving project with the same folded name. */
export type SameNameCodes = { readonly incoming: CodeRef; readonly existing: CodeRef };

/** The form in which two code names are compared: folded, trimmed, inner spaces collapsed. */
export function codeNameKey(name: string): string {
  return nameKey(name);
}

function byIds(a: SameNameCodes, b: SameNameCodes): number {
  if (a.incoming.id !== b.incoming.id) return a.incoming.id < b.incoming.id ? -1 : 1;
  return a.existing.id < b.existing.id ? -1 : a.existing.id > b.existing.id ? 1 : 0;
}

/**
 * Pairs every live code of `incoming` that `isNew` accepts with every live code of
 * `existing` whose name folds the same (empty names never pair), ordered by ids.
 */
export function findSameNameCodes(existing: TagIndex, incoming: TagIndex, isNew: (id: TagId) => boolean): SameNameCodes[] {
  const existingByName = new Map<string, CodeRef[]>();
  for (const tag of existing.tags.values()) {
    const key = codeNameKey(tag.name);
    if (key === '' || !existing.isLive(tag.id)) continue;
    existingByName.set(key, [...(existingByName.get(key) ?? []), { id: tag.id, name: tag.name }]);
  }
  const pairs: SameNameCodes[] = [];
  for (const tag of incoming.tags.values()) {
    if (!incoming.isLive(tag.id) || !isNew(tag.id)) continue;
    for (const match of existingByName.get(codeNameKey(tag.name)) ?? []) {
      if (match.id !== tag.id) pairs.push({ incoming: { id: tag.id, name: tag.name }, existing: match });
    }
  }
  return pairs.sort(byIds);
}

/**
 * Joins the codes of `pairs` that are still live and still named alike in `doc`: each group
 * of alike codes is merged into its smallest id. Call inside the transaction that merged
 * the file. Returns the pairs that were joined.
 */
export function joinSameNameCodes(doc: Y.Doc, actor: Actor, pairs: readonly SameNameCodes[]): SameNameCodes[] {
  const index = buildTagIndex(doc);
  const nameOf = (id: TagId): string | undefined => (index.isLive(id) ? codeNameKey(index.tags.get(id)?.name ?? '') : undefined);
  const groups = new Map<string, Set<TagId>>();
  const joined: SameNameCodes[] = [];
  for (const pair of pairs) {
    const key = nameOf(pair.incoming.id);
    if (key === undefined || key === '' || key !== nameOf(pair.existing.id)) continue;
    const group = groups.get(key) ?? new Set<TagId>();
    group.add(pair.incoming.id).add(pair.existing.id);
    groups.set(key, group);
    joined.push(pair);
  }
  for (const group of groups.values()) {
    const survivor = [...group].sort()[0] as TagId;
    for (const id of group) if (id !== survivor) mergeTag(doc, actor, id, survivor, { stamp: false });
  }
  return joined;
}
