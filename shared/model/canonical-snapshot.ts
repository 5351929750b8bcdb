/**
 * A canonical snapshot of a project doc, built from the model's views: every highlight
 * (live and trashed) with its resolved tags and all its notes and replies, every tag
 * (merged and trashed included), ordered by id, and every memo, ordered by subject. Two replicas that converged produce the
 * same JSON string, and a difference names what differs — which is what the sync tests
 * and benchmarks compare. Pure (Yjs + model only), so Node and the page share it.
 */
import type * as Y from 'yjs';
import { listAllHighlights } from './highlight-reads.ts';
import { listMemos } from './memo-views.ts';
import { createViewContext } from './views.ts';

/** The snapshot as plain data. */
export interface CanonicalSnapshot {
  readonly highlights: readonly unknown[];
  readonly tags: readonly unknown[];
  readonly memos: readonly unknown[];
}

/** Builds the snapshot of `doc`. */
export function canonicalSnapshot(doc: Y.Doc): CanonicalSnapshot {
  const context = createViewContext(doc);
  // Every note of each highlight, trashed ones included (a view lists only live notes).
  const highlights = listAllHighlights(doc, context).map((view) => ({ ...view, notes: context.notesOf(view.id) }));
  const tags = [...context.tagIndex.tags.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const memos = listMemos(doc).sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  return { highlights, tags, memos };
}

/** The snapshot as a JSON string (stable: same code builds same key order). */
export function canonicalSnapshotJson(doc: Y.Doc): string {
  return JSON.stringify(canonicalSnapshot(doc));
}
