/**
 * Queries for the panels: highlights of a document, the trash, the codebook with counts,
 * and the annotation filter. Pure functions over the doc, linear in its size (one pass over
 * highlights, indexes built once per call). The Annotations panel filters the incremental
 * index (annotation-index.ts) instead, which answers as `filterAnnotations` does without
 * rebuilding 10k views per keystroke.
 */
import type * as Y from 'yjs';
import type { HighlightId, MemberId, NoteId, TagId } from './ids.ts';
import { roots } from './layout.ts';
import { involves, searchNeedle, searchTextOf } from './annotation-search.ts';
import type { SkipLog } from './read-guards.ts';
import { buildTagIndex, type TagView, type TrashInfo } from './tag-index.ts';
import {
  appliedTags,
  createViewContext,
  documentOf,
  highlightView,
  isTrashed,
  liveTagIdsIn,
  type HighlightView,
  type NoteView,
  type ReplyView,
  type ViewContext,
} from './views.ts';

function byPosition(a: HighlightView, b: HighlightView): number {
  return (
    (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0) ||
    a.position.start - b.position.start ||
    a.position.end - b.position.end ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Live (not trashed) highlights of one document, in text order. */
export function listHighlights(doc: Y.Doc, documentId: string, context: ViewContext = createViewContext(doc)): HighlightView[] {
  const out: HighlightView[] = [];
  roots(doc).highlights.forEach((map, id) => {
    const view = documentOf(map) === documentId && !isTrashed(map) ? highlightView(context, id as HighlightId, map) : undefined;
    if (view) out.push(view);
  });
  return out.sort(byPosition);
}

/** One highlight's view (live or trashed), or undefined if unknown. */
export function getHighlight(doc: Y.Doc, id: HighlightId, context: ViewContext = createViewContext(doc)): HighlightView | undefined {
  const map = roots(doc).highlights.get(id);
  return map ? highlightView(context, id, map) : undefined;
}

/** Everything in the trash, each with who trashed it and when. */
export type TrashView = {
  readonly highlights: readonly HighlightView[];
  readonly tags: readonly TagView[];
  /** Trashed notes whose highlight is not itself trashed. */
  readonly notes: readonly NoteView[];
  /** Trashed replies of notes that are not themselves trashed. */
  readonly replies: readonly (ReplyView & { readonly noteId: NoteId })[];
};

/** The trash, newest first within each kind. */
export function listTrash(doc: Y.Doc): TrashView {
  const context = createViewContext(doc);
  const newest = (a: { deleted: TrashInfo | null }, b: { deleted: TrashInfo | null }) =>
    (b.deleted?.at ?? 0) - (a.deleted?.at ?? 0);
  const highlights: HighlightView[] = [];
  const trashedHighlights = new Set<HighlightId>();
  roots(doc).highlights.forEach((map, id) => {
    if (!isTrashed(map)) return;
    trashedHighlights.add(id as HighlightId);
    const view = highlightView(context, id as HighlightId, map);
    if (view) highlights.push(view);
  });
  const notes: NoteView[] = [];
  const replies: (ReplyView & { noteId: NoteId })[] = [];
  roots(doc).highlights.forEach((map, id) => {
    if (trashedHighlights.has(id as HighlightId)) return;
    for (const note of context.notesOf(id as HighlightId)) {
      if (note.deleted) notes.push(note);
      else for (const reply of note.replies) if (reply.deleted) replies.push({ ...reply, noteId: note.id });
    }
  });
  const tags = [...context.tagIndex.tags.values()].filter((tag) => tag.deleted !== null);
  return {
    highlights: highlights.sort(newest),
    tags: tags.sort(newest),
    notes: notes.sort(newest),
    replies: replies.sort(newest),
  };
}

/** Live highlights (any document) carrying `tag` after merges; counts trashed tags too (ask before deleting). */
export function countApplications(doc: Y.Doc, tag: TagId): number {
  const context = createViewContext(doc);
  const target = context.tagIndex.resolve(tag);
  let count = 0;
  roots(doc).highlights.forEach((map) => {
    if (isTrashed(map)) return;
    if (appliedTags(context, map, true).some((applied) => applied.tag.id === target)) count++;
  });
  return count;
}

/** A node of the codebook tree. */
export type TagTreeNode = {
  readonly tag: TagView;
  /** Live highlights carrying exactly this tag. */
  readonly count: number;
  /** Live highlights carrying this tag or any descendant. */
  readonly totalCount: number;
  readonly children: readonly TagTreeNode[];
};

/** How many live highlights carry a tag: `direct`ly, or in `total` (the tag or any descendant). */
export type TagUsage = { readonly direct: number; readonly total: number };

/** Every live tag's usage by live highlights (tags no highlight carries are left out). */
export function tagUsageCounts(doc: Y.Doc): Map<TagId, TagUsage> {
  const index = buildTagIndex(doc);
  const direct = new Map<TagId, number>();
  const total = new Map<TagId, number>();
  const counted = new Set<TagId>();
  roots(doc).highlights.forEach((map) => {
    if (isTrashed(map)) return;
    const ids = liveTagIdsIn(index, map);
    if (ids.length === 0) return;
    // Subtree counts: each highlight counts once for every tag it carries and their ancestors.
    counted.clear();
    for (const tag of ids) {
      direct.set(tag, (direct.get(tag) ?? 0) + 1);
      for (let at: TagId | null = tag; at !== null && !counted.has(at); at = index.tags.get(at)?.parentId ?? null) counted.add(at);
    }
    for (const tag of counted) total.set(tag, (total.get(tag) ?? 0) + 1);
  });
  const out = new Map<TagId, TagUsage>();
  for (const [tag, count] of total) out.set(tag, { direct: direct.get(tag) ?? 0, total: count });
  return out;
}

/**
 * The live codebook as a tree (roots and children by name), with counts; `usage` null leaves
 * every count 0 (the tree alone costs nothing per highlight).
 */
export function listTags(doc: Y.Doc, usage: ReadonlyMap<TagId, TagUsage> | null = tagUsageCounts(doc)): TagTreeNode[] {
  const index = buildTagIndex(doc);
  const build = (id: TagId): TagTreeNode => ({
    tag: index.tags.get(id) as TagView,
    count: usage?.get(id)?.direct ?? 0,
    totalCount: usage?.get(id)?.total ?? 0,
    children: index.children(id).map(build),
  });
  return index.children(null).map(build);
}

/** Criteria of the annotation filter; all given criteria must hold (each list means "any of"). */
export type AnnotationFilter = {
  /** Highlights carrying any of these tags or their descendants (after merges). */
  readonly tags?: readonly TagId[];
  /** Highlights created, tagged, or annotated (note or reply) by any of these members. */
  readonly members?: readonly MemberId[];
  readonly documents?: readonly string[];
  /** Only highlights with at least one live note. */
  readonly withNote?: boolean;
  /** Substring of the quote, a note, a reply or a code's name, compared search-folded (#shared/text/fold.ts: case, accents, ə → e …). */
  readonly text?: string;
};

/** Live highlights matching `filter`, by document then text order; unreadable records go to `skipped`. */
export function filterAnnotations(doc: Y.Doc, filter: AnnotationFilter, skipped?: SkipLog): HighlightView[] {
  const context = createViewContext(doc, skipped);
  const documents = filter.documents ? new Set(filter.documents) : undefined;
  const members = filter.members ? new Set(filter.members) : undefined;
  const needle = searchNeedle(filter.text);
  let tags: Set<TagId> | undefined;
  if (filter.tags) {
    tags = new Set();
    for (const tag of filter.tags) for (const id of context.tagIndex.descendants(context.tagIndex.resolve(tag))) tags.add(id);
  }
  const out: HighlightView[] = [];
  roots(doc).highlights.forEach((map, id) => {
    if (isTrashed(map)) return;
    const documentId = documentOf(map);
    if (documents && (documentId === undefined || !documents.has(documentId))) return;
    const view = highlightView(context, id as HighlightId, map);
    if (view === undefined) return;
    if (tags && !view.tags.some((applied) => tags.has(applied.tag.id))) return;
    if (filter.withNote && view.notes.length === 0) return;
    if (members && !involves(view, members)) return;
    if (needle !== undefined && !searchTextOf(view).includes(needle)) return;
    out.push(view);
  });
  return out.sort(byPosition);
}

