/**
 * The annotation commands the toolbar, the number keys and the margin share, acting on
 * the open reader: its selection (→ a new highlight) or its focused highlight. Each is one
 * model call by the local person, so each is one undo step.
 */
import { TextSelection } from 'prosemirror-state';
import type { HighlightId, NoteId, TagId } from '#shared/model/ids.ts';
import { setHighlightsMeta } from '../reader/highlights-plugin.ts';
import { selectionToTextRange } from '../reader/selection.ts';
import { highlightSpan, noteFor, tagByName, tagForNumberKey, toggleTag, trashHighlight } from '../store/annotation-actions.ts';
import type { OpenReader } from './reader-registry.ts';
import type { AnnotationWorkspace } from './workspace.ts';

function selectedRange(reader: OpenReader): { start: number; end: number } | null {
  return selectionToTextRange(reader.view.state.selection, reader.article.textMap);
}

/** True if the reader has a non-empty selection. */
export function hasSelection(workspace: AnnotationWorkspace): boolean {
  const reader = workspace.reader();
  return reader !== null && selectedRange(reader) !== null;
}

/** Highlights the reader's selection (with `tags`), collapses the selection and focuses the new highlight. */
export function highlightSelection(workspace: AnnotationWorkspace, tags: readonly TagId[] = []): HighlightId | null {
  const reader = workspace.reader();
  if (reader === null) return null;
  const range = selectedRange(reader);
  if (range === null) return null;
  const actor = workspace.actor();
  // One editor update: the new highlight painted, the selection collapsed, the highlight
  // painted focused; then the workspace, which owns focus, records it (nothing left to paint).
  const id = reader.highlights.changeTogether(
    reader.view,
    () => highlightSpan(workspace.session.doc, actor, reader.article, range, tags),
    (tr, created) => setHighlightsMeta(tr.setSelection(TextSelection.create(tr.doc, tr.selection.to)), { focus: created }),
  );
  workspace.focusHighlight(id);
  return id;
}

/** Tags the selection (creating a highlight) or toggles the tag on the focused highlight. */
export function applyTagCommand(workspace: AnnotationWorkspace, tag: TagId): boolean {
  if (hasSelection(workspace)) return highlightSelection(workspace, [tag]) !== null;
  const focused = workspace.getSnapshot().focused;
  if (focused === null) return false;
  toggleTag(workspace.session.doc, workspace.actor(), focused, tag);
  return true;
}

/** Number key `n` (1–9): the n-th codebook tag. False if there is no such tag or nothing to tag. */
export function numberKeyCommand(workspace: AnnotationWorkspace, n: number): boolean {
  const tag = tagForNumberKey(workspace.session.doc, n);
  return tag !== null && applyTagCommand(workspace, tag);
}

/** Tags with a name typed in the toolbar (an unknown name creates the tag). */
export function tagByNameCommand(workspace: AnnotationWorkspace, name: string): boolean {
  const tag = tagByName(workspace.session.doc, workspace.actor(), name);
  return applyTagCommand(workspace, tag);
}

/** Moves the focused highlight to the trash. */
export function trashFocusedCommand(workspace: AnnotationWorkspace): boolean {
  const focused = workspace.getSnapshot().focused;
  if (focused === null) return false;
  trashHighlight(workspace.session.doc, workspace.actor(), focused);
  workspace.focusHighlight(null);
  return true;
}

/** Opens (or creates) the note of the selection's new highlight or of the focused highlight. */
export function noteCommand(workspace: AnnotationWorkspace): NoteId | null {
  const target = hasSelection(workspace) ? highlightSelection(workspace) : workspace.getSnapshot().focused;
  if (target === null) return null;
  const note = noteFor(workspace.session.doc, workspace.actor(), target);
  workspace.focusHighlight(target);
  workspace.requestNoteEditor(note);
  return note;
}
