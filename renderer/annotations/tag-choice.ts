/**
 * Carries out what the tag type-ahead chose: an existing codebook tag, or a new name that
 * becomes a tag. The target is the reader's selection (a new highlight carrying the tag)
 * or, without one, the focused highlight.
 *
 * Unlike the number keys, which toggle, choosing a tag here only ever adds it: choosing a
 * tag the highlight already carries (directly or through a merged tag) writes nothing, so
 * a popover over an existing highlight can reuse the type-ahead without duplicating or
 * silently removing an application.
 */
import type * as Y from 'yjs';
import { appliedTagsOf } from '#shared/model/highlight-reads.ts';
import { applyTag } from '#shared/model/highlights.ts';
import type { HighlightId, TagId } from '#shared/model/ids.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { createTag } from '#shared/model/tags.ts';
import { createViewContext } from '#shared/model/views.ts';
import type { Actor } from '#shared/model/write.ts';
import { TAG_PALETTE } from '../store/annotation-actions.ts';
import { hasSelection, highlightSelection, ownHighlightAtSelection } from './annotation-commands.ts';
import type { AnnotationWorkspace } from './workspace.ts';

/**
 * Applies `tag` to `highlight` unless the highlight already carries it (merges resolved).
 * Returns true if it wrote the application.
 */
export function addTagOnce(doc: Y.Doc, actor: Actor, highlight: HighlightId, tag: TagId): boolean {
  const context = createViewContext(doc);
  const target = context.tagIndex.resolve(tag);
  if (appliedTagsOf(doc, highlight, context).some((applied) => applied.tag.id === target)) return false;
  return applyTag(doc, actor, highlight, tag);
}

/** Creates a codebook tag named `name` (trimmed) with the next palette colour; returns its id. */
export function createNamedTag(doc: Y.Doc, actor: Actor, name: string): TagId {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('a tag needs a name');
  // Every tag ever made counts (merged and trashed too), so colours keep rotating.
  const colour = TAG_PALETTE[buildTagIndex(doc).tags.size % TAG_PALETTE.length] as string;
  return createTag(doc, actor, { name: trimmed, colour });
}

/**
 * Tags the reader's selection with `tag` (creating its highlight), or adds `tag` to the
 * focused highlight if it lacks it. False if there is nothing to tag.
 */
export function applyChosenTag(workspace: AnnotationWorkspace, tag: TagId): boolean {
  const own = ownHighlightAtSelection(workspace);
  if (hasSelection(workspace) && own === null) return highlightSelection(workspace, [tag]) !== null;
  const focused = own ?? workspace.getSnapshot().focused;
  if (focused === null) return false;
  addTagOnce(workspace.session.doc, workspace.actor(), focused, tag);
  return true;
}

/** Creates a tag named `name` and applies it as `applyChosenTag` does; returns the new tag's id. */
export function createAndApplyTag(workspace: AnnotationWorkspace, name: string): TagId {
  const tag = createNamedTag(workspace.session.doc, workspace.actor(), name);
  applyChosenTag(workspace, tag);
  return tag;
}
