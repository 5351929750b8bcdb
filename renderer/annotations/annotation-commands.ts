/**
 * The annotation commands the toolbar, the number keys and the margin share, acting on
 * the open reader: its selection (→ a new highlight) or its focused highlight. Each is one
 * model call by the local person, so each is one undo step.
 */
import { TextSelection } from 'prosemirror-state';
import { restoreHighlight } from '#shared/model/highlights.ts';
import type { HighlightId, NoteId, TagId } from '#shared/model/ids.ts';
import { getHighlight } from '#shared/model/queries.ts';
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

/**
 * The person's own live highlight covering exactly the reader's selection, if any: tagging
 * that span tags it instead of stacking a duplicate highlight on the same words.
 */
export function ownHighlightAtSelection(workspace: AnnotationWorkspace): HighlightId | null {
  const reader = workspace.reader();
  if (reader === null) return null;
  const range = selectedRange(reader);
  if (range === null) return null;
  const me = workspace.getSnapshot().member?.id;
  for (const id of reader.highlights.spans().keys()) {
    const placed = reader.highlights.rangeOf(id);
    if (placed === null || placed.start !== range.start || placed.end !== range.end) continue;
    if (getHighlight(workspace.session.doc, id)?.createdBy === me) return id;
  }
  return null;
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
  if (hasSelection(workspace) && ownHighlightAtSelection(workspace) === null) return highlightSelection(workspace, [tag]) !== null;
  const focused = ownHighlightAtSelection(workspace) ?? workspace.getSnapshot().focused;
  if (focused === null) return false;
  toggleTag(workspace.session.doc, workspace.actor(), focused, tag);
  return true;
}

/** Number key `n` (1–9): the tag the codebook gives that key; a key no code has is said in a notice. False if there is nothing to tag. */
export function numberKeyCommand(workspace: AnnotationWorkspace, n: number): boolean {
  const tag = tagForNumberKey(workspace.session.doc, n);
  if (tag !== null) return applyTagCommand(workspace, tag);
  // A key that does nothing would leave the person wondering whether it was heard.
  workspace.notify({ kind: 'info', text: `No code has the key ${n}: give it to one with its key cap in the Codebook.` });
  return true;
}

/** Tags with a name typed in the toolbar (an unknown name creates the tag). */
export function tagByNameCommand(workspace: AnnotationWorkspace, name: string): boolean {
  const tag = tagByName(workspace.session.doc, workspace.actor(), name);
  return applyTagCommand(workspace, tag);
}

/** Moves the focused highlight to the trash, and says so in a notice whose Undo restores it. */
export function trashFocusedCommand(workspace: AnnotationWorkspace): boolean {
  const focused = workspace.getSnapshot().focused;
  if (focused === null) return false;
  const doc = workspace.session.doc;
  const actor = workspace.actor();
  const quote = getHighlight(doc, focused)?.quote.exact ?? '';
  trashHighlight(doc, actor, focused);
  workspace.focusHighlight(null);
  const shown = quote.length > 60 ? `${quote.slice(0, 60)}…` : quote;
  workspace.notify({
    kind: 'info',
    text: `Moved to the trash: “${shown}”.`,
    action: { label: 'Undo', run: () => restoreHighlight(doc, actor, focused) },
  });
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
