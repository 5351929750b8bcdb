/**
 * The codebook tree as the flat list of rows the panel draws: each tag with its depth, in
 * tree order (parents before their children, siblings by name).
 */
import type { TagTreeNode } from '#shared/model/queries.ts';

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
