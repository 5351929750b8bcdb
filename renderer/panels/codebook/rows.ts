/**
 * The codebook tree as the flat list of rows the panel draws: each tag with its depth, in
 * tree order (parents before their children, siblings by name).
 */
import type { TagId } from '#shared/model/ids.ts';
import type { TagTreeNode } from '#shared/model/queries.ts';
import { codeNameKey } from '#shared/model/same-name-codes.ts';

/** One row of the codebook: a tag and how deep it sits in the tree. */
export interface CodebookRowData {
  readonly node: TagTreeNode;
  readonly depth: number;
}

/** The rows of `nodes` and their descendants, in tree order. */
export function rowsOf(nodes: readonly TagTreeNode[], depth = 0, out: CodebookRowData[] = []): CodebookRowData[] {
  for (const node of nodes) {
    out.push({ node, depth });
    rowsOf(node.children, depth + 1, out);
  }
  return out;
}

/**
 * Why `name` cannot be given to a tag (`except`: the tag being renamed), or null: a name that
 * folds like another live tag's (case, accents, spaces — as the merge of two codebooks
 * compares them) would make two codes no one can tell apart.
 */
export function nameClash(rows: readonly CodebookRowData[], name: string, except: TagId | null = null): string | null {
  const key = codeNameKey(name);
  const other = rows.find((row) => row.node.tag.id !== except && codeNameKey(row.node.tag.name) === key);
  return other === undefined ? null : `“${other.node.tag.name}” is already in the codebook: choose another name.`;
}
