/**
 * One note in the margin: author and time, its highlight's codes (and chosen colour) as chips, the note — edited in place by its author (a plain
 * textarea bound to the note's Y.Text, see text-binding.ts), read-only for everyone else,
 * who reply instead — "edited by X, date" where a merge brought in someone else's edit, and
 * its thread of replies with a box to add one. Its author deletes a note, and edits or deletes
 * their own replies, from the focused card; a deletion's notice offers Undo (notes and replies
 * go to the trash marker the model keeps, never away). Clicking the card focuses its highlight. Memoised on what it shows, so a
 * model change re-renders only the cards it concerns (see {@link sameCard}).
 */
import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MemberId, NoteId, TagId } from '#shared/model/ids.ts';
import { canEditNote, type OtherEdit } from '#shared/model/note-editors.ts';
import { addReply, deleteNote, deleteReply, editNote, editReply, noteText, restoreNote, restoreReply, textDiff } from '#shared/model/notes.ts';
import type { NoteView } from '#shared/model/views.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import type { NamedColour } from '../store/highlight-colours.ts';
import { bindText } from './text-binding.ts';
import { formatNoteTime } from './margin-hooks.ts';

/** One code of a card's highlight: the tag's id (for its swatch colour) and name. */
export interface CardCode {
  readonly id: TagId;
  readonly name: string;
}

/** Props of {@link NoteCard}. */
export interface NoteCardProps {
  readonly workspace: AnnotationWorkspace;
  readonly note: NoteView;
  readonly quote: string;
  /** The highlight's codes in display order (first code first), shown as chips under the author. */
  readonly codes: readonly CardCode[];
  /** The colour chosen for the highlight, shown as a named chip; null while it takes its code's colour. */
  readonly colour: NamedColour | null;
  readonly focused: boolean;
  readonly nameOf: (id: NoteView['createdBy'] | undefined) => string;
  /** The local member: only a note's author gets an editor. */
  readonly me: MemberId | null;
  readonly editRequested: boolean;
  onFocusHighlight(): void;
}

function NoteEditor({ workspace, noteId, autoFocus }: { workspace: AnnotationWorkspace; noteId: NoteId; autoFocus: boolean }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const input = useRef<() => void>(() => undefined);
  // Bound before the card is painted, so a note never shows an empty editor for a frame.
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const doc = workspace.session.doc;
    const binding = bindText(element, noteText(doc, noteId), (index, deleteCount, insert) => {
      editNote(doc, workspace.actor(), noteId, index, deleteCount, insert);
    });
    input.current = binding.onInput;
    if (autoFocus) element.focus();
    return binding.unbind;
  }, [workspace, noteId, autoFocus]);
  return (
    <textarea
      ref={ref}
      className="note-card__text"
      data-yjs-bound="true"
      data-testid="note-text"
      rows={3}
      placeholder="Write a note…"
      aria-label="Note"
      onInput={() => input.current()}
      onKeyDown={(event) => {
        // Escape leaves the note (kept as typed) for the article, where the highlight still has the focus.
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        workspace.reader()?.view.focus();
      }}
    />
  );
}

/** "edited by Babak, 2 Dec 14:03" (newest first; further editors named after the first). */
function EditedBy({ edits, nameOf }: { edits: readonly OtherEdit[]; nameOf: NoteCardProps['nameOf'] }) {
  const newest = edits[0];
  if (newest === undefined) return null;
  const names = edits.map((edit) => nameOf(edit.by)).join(', ');
  return (
    <p className="note-card__edited" data-testid="note-edited">
      edited by {names}, <time dateTime={new Date(newest.at).toISOString()}>{formatNoteTime(newest.at)}</time>
    </p>
  );
}

/** The highlight's codes as small chips (a colour swatch and the name), then its own colour if one was chosen. */
function CodeChips({ codes, colour }: { codes: readonly CardCode[]; colour: NamedColour | null }) {
  if (codes.length === 0 && colour === null) return null;
  return (
    <ul className="note-card__codes" aria-label="Codes">
      {codes.map((code) => (
        <li key={code.id} className="tag-chip" data-testid="note-code"><span className={`tag-swatch tag-swatch-${code.id}`} aria-hidden="true" />{code.name}</li>
      ))}
      {colour !== null && (
        <li className="tag-chip note-card__colour" data-testid="note-colour" title="Highlight colour"><span className={`tag-swatch colour-swatch-${colour.colour.slice(1)}`} aria-hidden="true" />{colour.name}</li>
      )}
    </ul>
  );
}

/** One reply: its author's name and time, its text — which its author may edit or delete from a focused card. */
function ReplyItem({ workspace, note, reply, nameOf, own }: { workspace: AnnotationWorkspace; note: NoteView; reply: NoteView['replies'][number]; nameOf: NoteCardProps['nameOf']; own: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const editing = draft !== null;
  // The field replaces the Edit button just pressed: it takes the focus.
  useLayoutEffect(() => {
    if (editing) field.current?.focus();
  }, [editing]);
  const doc = workspace.session.doc;
  const endEdit = (): void => {
    setDraft(null);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const save = (): void => {
    if (draft === null) return;
    const next = draft.trim();
    if (next !== '' && next !== reply.text) {
      const { index, deleteCount, insert } = textDiff(reply.text, next);
      editReply(doc, workspace.actor(), note.id, reply.id, index, deleteCount, insert);
    }
    endEdit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      endEdit();
    }
  };
  const remove = (): void => {
    const actor = workspace.actor();
    deleteReply(doc, actor, note.id, reply.id);
    workspace.notify({ kind: 'info', text: 'Reply deleted.', action: { label: 'Undo', run: () => restoreReply(doc, actor, note.id, reply.id) } });
  };
  return (
    <li className="note-reply" data-testid="note-reply">
      <span className="note-card__meta"><span className="note-card__author">{nameOf(reply.createdBy)}</span> <time>{formatNoteTime(reply.createdAt)}</time></span>
      {draft === null ? <p>{reply.text}</p> : (
        <input ref={field} className="note-reply__field" value={draft} aria-label="Reply text" onChange={(event) => setDraft(event.target.value)} onKeyDown={onKeyDown} onBlur={save} />
      )}
      <EditedBy edits={reply.otherEdits} nameOf={nameOf} />
      {own && draft === null && (
        <span className="note-card__actions">
          <button ref={editButton} type="button" className="button button--quiet" aria-label="Edit reply" onClick={() => setDraft(reply.text)}>Edit</button>
          <button type="button" className="button button--quiet" aria-label="Delete reply" onClick={remove}>Delete</button>
        </span>
      )}
    </li>
  );
}

function NoteCardContent({ workspace, note, quote, codes, colour, focused, nameOf, me, editRequested, onFocusHighlight }: NoteCardProps) {
  const [reply, setReply] = useState('');
  const replies = note.replies.filter((entry) => entry.deleted === null);
  const mine = canEditNote(note.createdBy, me);
  return (
    <article className={`note-card${focused ? ' note-card--focused' : ''}`} data-note-id={note.id} data-highlight-id={note.highlightId} onClick={onFocusHighlight} data-testid="note-card">
      <header className="note-card__meta">
        <span className="note-card__author">{nameOf(note.createdBy)}</span>
        <time dateTime={new Date(note.createdAt).toISOString()}>{formatNoteTime(note.createdAt)}</time>
      </header>
      <CodeChips codes={codes} colour={colour} />
      {!focused && <p className="note-card__quote">“{quote.length > 80 ? `${quote.slice(0, 80)}…` : quote}”</p>}
      {mine ? (
        <NoteEditor workspace={workspace} noteId={note.id} autoFocus={editRequested} />
      ) : (
        <p className="note-card__text note-card__text--read" data-testid="note-text-read">{note.text}</p>
      )}
      <EditedBy edits={note.otherEdits} nameOf={nameOf} />
      {focused && mine && (
        <span className="note-card__actions">
          <button type="button" className="button button--quiet" aria-label="Delete note" onClick={() => {
            const doc = workspace.session.doc;
            const actor = workspace.actor();
            deleteNote(doc, actor, note.id);
            workspace.notify({ kind: 'info', text: 'Note deleted.', action: { label: 'Undo', run: () => restoreNote(doc, actor, note.id) } });
            workspace.reader()?.view.focus();
          }}>Delete note</button>
        </span>
      )}
      {replies.length > 0 && (
        <ol className="note-card__replies" aria-label="Replies">
          {replies.map((entry) => (
            <ReplyItem key={entry.id} workspace={workspace} note={note} reply={entry} nameOf={nameOf} own={focused && canEditNote(entry.createdBy, me)} />
          ))}
        </ol>
      )}
      {focused && (
        <form className="note-card__reply" onSubmit={(event) => {
          event.preventDefault();
          if (reply.trim() === '') return;
          addReply(workspace.session.doc, workspace.actor(), note.id, reply.trim());
          setReply('');
        }}>
          <input value={reply} onChange={(event) => setReply(event.target.value)} placeholder="Reply…" aria-label="Reply" data-testid="reply-input" />
          <button type="submit" className="button">Reply</button>
        </form>
      )}
    </article>
  );
}

/** What a card shows, as a string: equal keys render the same card. */
function cardKey(props: NoteCardProps): string {
  const { note } = props;
  const edits = (list: readonly OtherEdit[]): string => list.map((edit) => `${props.nameOf(edit.by)}@${edit.at}`).join(',');
  const replies = note.replies.map((entry) => `${entry.id}|${entry.deleted === null ? '' : 'x'}|${entry.createdAt}|${props.nameOf(entry.createdBy)}|${entry.text}|${edits(entry.otherEdits)}`);
  const mine = canEditNote(note.createdBy, props.me);
  // An author's editor follows its Y.Text itself; a reader's copy of the text is part of the key.
  const text = mine ? '' : note.text;
  return [note.id, note.createdAt, props.nameOf(note.createdBy), props.quote, props.codes.map((code) => `${code.id}:${code.name}`).join(','), props.colour?.colour ?? '', props.focused, props.editRequested, mine, text, edits(note.otherEdits), ...replies].join('\u0000');
}

/** True when two card props render the same card (the click handler only needs the same highlight). */
export function sameCard(previous: NoteCardProps, next: NoteCardProps): boolean {
  return previous.workspace === next.workspace && previous.note.highlightId === next.note.highlightId && cardKey(previous) === cardKey(next);
}

/** The note card. */
export const NoteCard = memo(NoteCardContent, sameCard);
