/**
 * What a person did in one transaction, counted as people count it: the project items it
 * touched (a highlight, a code, a note — with whatever nested part changed: a code applied
 * to a highlight, a note's text), not the Yjs updates it produced. A highlight, a code and a
 * short typed note are three items however many keystrokes the note took. The sync
 * indicator sums these over local transactions until the server has everything.
 */
import type * as Y from 'yjs';

/** Any Yjs shared type (Yjs parameterises them by their event type, which is irrelevant here). */
type SharedType = Y.AbstractType<any>;

/** Keys (`<root>/<item>`) of the top-level project items that `transaction` changed. */
export function changedItems(transaction: Y.Transaction): Set<string> {
  const items = new Set<string>();
  const rootNames = new Map<SharedType, string>();
  for (const [name, type] of transaction.doc.share) rootNames.set(type, name);
  for (const [type, keys] of transaction.changed) {
    const rootName = rootNames.get(type);
    if (rootName !== undefined) {
      for (const key of keys) if (key !== null) items.add(`${rootName}/${key}`);
      continue;
    }
    // A nested change: climb to the child of a root; its key names the item.
    let current: SharedType = type;
    while (current._item !== null) {
      const parent = current._item.parent as SharedType;
      const parentName = rootNames.get(parent);
      if (parentName !== undefined) {
        if (current._item.parentSub !== null) items.add(`${parentName}/${current._item.parentSub}`);
        break;
      }
      current = parent;
    }
  }
  return items;
}
