/**
 * A canonical snapshot of a project doc, built from the model's views: every highlight
 * (live and trashed) with its resolved tags and all its notes and replies, and every tag
 * (merged and trashed included), ordered by id. Two replicas that converged produce the
 * same JSON string, and a difference names what differs — which is what the sync tests
 * and benchmarks compare. Pure (Yjs + model only), so Node and the page share it.
 */
import type * as Y from 'yjs';
import type { HighlightId } from '#shared/model/ids.ts';
import { roots } from '#shared/model/layout.ts';
import { createViewContext, highlightView } from '#shared/model/views.ts';

/** The snapshot as plain data. */
export interface CanonicalSnapshot {
  readonly highlights: readonly unknown[];
  readonly tags: readonly unknown[];
}

/** Builds the snapshot of `doc`. */
export function canonicalSnapshot(doc: Y.Doc): CanonicalSnapshot {
  const context = createViewContext(doc);
  const highlights: Array<{ readonly id: string; readonly notes: unknown }> = [];
  roots(doc).highlights.forEach((map, id) => {
    const view = highlightView(context, id as HighlightId, map);
    highlights.push({ ...view, notes: context.notesOf(id as HighlightId) });
  });
  highlights.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const tags = [...context.tagIndex.tags.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { highlights, tags };
}

/** The snapshot as a JSON string (stable: same code builds same key order). */
export function canonicalSnapshotJson(doc: Y.Doc): string {
  return JSON.stringify(canonicalSnapshot(doc));
}
