/**
 * Per-person undo: a Y.UndoManager that tracks only one member's local origin.
 *
 * Changes from sync, persistence, file import and the model's bookkeeping have other
 * origins and are never captured, so undo never reverts a teammate's change (docs/architecture.md §5,
 * the capture policy Excalidraw documents). Scope: all the shared roots except the client
 * registry.
 */
import * as Y from 'yjs';
import type { MemberId } from './ids.ts';
import { roots } from './layout.ts';
import { localOrigin } from './origins.ts';

/** Undo manager for `member`'s edits; `captureTimeout` (ms) groups rapid edits into one step. */
export function createUndoManager(doc: Y.Doc, member: MemberId, options: { readonly captureTimeout?: number } = {}): Y.UndoManager {
  const r = roots(doc);
  return new Y.UndoManager([r.meta, r.members, r.tags, r.highlights, r.notes, r.memos, r.documents], {
    trackedOrigins: new Set([localOrigin(member)]),
    captureTimeout: options.captureTimeout ?? 500,
  });
}
