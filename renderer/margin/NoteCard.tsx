/**
 * One note in the margin: author and time, its highlight's codes (and chosen colour) as chips, the note — edited in place by its author (a plain
 * textarea bound to the note's Y.Text, see text-binding.ts), read-only for everyone else,
 * who reply instead — "edited by X, date" where a merge brought in someone else's edit, and
 * its thread of replies with a box to add one. Clicking the card focuses its highlight. Memoised on what it shows, so a
 * model change re-renders only the cards it concerns (see {@link sameCard}).
 */
import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { MemberId, NoteId, TagId } from '#shared/model/ids.ts';
import { canEditNote, type OtherEdit } from '#shared/model/note-editors.ts';
import { addReply, editNote, noteText } from '#shared/model/notes.ts';
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
      {replies.length > 0 && (
        <ol className="note-card__replies" aria-label="Replies">
          {replies.map((entry) => (
            <li key={entry.id} className="note-reply" data-testid="note-reply">
              <span className="note-card__meta"><span className="note-card__author">{nameOf(entry.createdBy)}</span> <time>{formatNoteTime(entry.createdAt)}</time></span>
              <p>{entry.text}</p>
              <EditedBy edits={entry.otherEdits} nameOf={nameOf} />
            </li>
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
