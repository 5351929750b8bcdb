/**
 * What the person can do to annotations, in model terms: each action is one model call
 * by the local actor (so one undo step), shaped for the toolbar, the number keys and the
 * margin. Selections arrive as canonical-text ranges; `describe` turns them into the
 * stored selectors.
 */
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import { describe } from '#shared/anchoring/describe.ts';
import { addHighlight, applyTag, deleteHighlight, removeTag } from '#shared/model/highlights.ts';
import { appliedTagsOf, firstLiveNoteOf } from '#shared/model/highlight-reads.ts';
import type { HighlightId, NoteId, TagId } from '#shared/model/ids.ts';
import { localOrigin } from '#shared/model/origins.ts';
import { addNote } from '#shared/model/notes.ts';
import { createTag } from '#shared/model/tags.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { tagForNumberKey as tagWithNumberKey } from '#shared/model/tag-keys.ts';
import { listTags, type TagTreeNode } from '#shared/model/queries.ts';
import type { Actor } from '#shared/model/write.ts';
import { createViewContext } from '#shared/model/views.ts';

/** Colours handed to new tags in turn (distinct at 35% opacity over white). */
export const TAG_PALETTE = ['#f4c542', '#5aa9e6', '#7bc96f', '#f28482', '#b388eb', '#f6a75b', '#4fd1c5', '#e36bae', '#a3a380', '#6c8ead'] as const;

/** A canonical-text range of one article. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** Creates a highlight over `span` of `article`, optionally tagged; returns its id. */
export function highlightSpan(doc: Y.Doc, actor: Actor, article: Article, span: TextSpan, tags: readonly TagId[] = []): HighlightId {
  const selectors = describe(article.text, span);
  return addHighlight(doc, actor, { documentId: article.meta.id, documentHash: article.hash, position: selectors.position, quote: selectors.quote, tags });
}

/** The live codebook flattened in tree order (parents before children). */
export function codebookOrder(doc: Y.Doc): TagTreeNode[] {
  const out: TagTreeNode[] = [];
  const walk = (nodes: readonly TagTreeNode[]): void => {
    for (const node of nodes) {
      out.push(node);
      walk(node.children);
    }
  };
  walk(listTags(doc, null));
  return out;
}

/** The tag number key `n` (1–9) applies: the key the codebook assigns it (#shared/model/tag-keys.ts), if any. */
export function tagForNumberKey(doc: Y.Doc, n: number): TagId | null {
  return tagWithNumberKey(doc, n);
}

/** Finds a live tag by name (case-insensitive) or creates it with the next palette colour. */
export function tagByName(doc: Y.Doc, actor: Actor, name: string): TagId {
  const wanted = name.trim();
  if (wanted === '') throw new Error('a tag needs a name');
  const index = buildTagIndex(doc);
  for (const tag of index.tags.values()) {
    if (index.isLive(tag.id) && tag.name.toLowerCase() === wanted.toLowerCase()) return tag.id;
  }
  // Every tag ever made counts (merged and trashed too), so colours keep rotating.
  const colour = TAG_PALETTE[index.tags.size % TAG_PALETTE.length] as string;
  return createTag(doc, actor, { name: wanted, colour });
}

/** Applies `tag` to a highlight, or removes it if the highlight already carries it (resolved through merges). */
export function toggleTag(doc: Y.Doc, actor: Actor, highlight: HighlightId, tag: TagId): 'applied' | 'removed' {
  const context = createViewContext(doc);
  const target = context.tagIndex.resolve(tag);
  const carried = appliedTagsOf(doc, highlight, context).filter((applied) => applied.tag.id === target);
  if (carried.length === 0) {
    applyTag(doc, actor, highlight, tag);
    return 'applied';
  }
  doc.transact(() => {
    for (const applied of carried) removeTag(doc, actor, highlight, applied.appliedId);
  }, localOrigin(actor.member));
  return 'removed';
}

/** Moves a highlight to the trash. */
export function trashHighlight(doc: Y.Doc, actor: Actor, highlight: HighlightId): void {
  deleteHighlight(doc, actor, highlight);
}

/** The first live note of a highlight, or a new empty one. */
export function noteFor(doc: Y.Doc, actor: Actor, highlight: HighlightId): NoteId {
  return firstLiveNoteOf(doc, highlight) ?? addNote(doc, actor, highlight, '');
}
