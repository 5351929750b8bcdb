/**
 * The questions an added document's menu asks before anything changes: its details (title,
 * author, date), a new version (how many highlights move, how many cannot be placed and
 * will be listed in Unanchored with their quotes) and moving it to the trash (with how many
 * highlights go with it). Cancel, or Escape, changes nothing.
 */
import { useState, type FormEvent } from 'react';
import type { DocumentView } from '#shared/model/document-views.ts';
import type { DocumentMetaChanges } from '#shared/model/documents.ts';
import { ModalDialog } from '../ui/ModalDialog.tsx';
import type { PlannedVersion } from './document-import.ts';

/** Edit details: writes only what changed; a title is required. */
export function EditDetailsDialog({ view, onSave, onCancel }: { view: DocumentView; onSave: (changes: DocumentMetaChanges) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(view.title);
  const [author, setAuthor] = useState(view.author ?? '');
  const [date, setDate] = useState(view.date ?? '');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (title.trim() === '') return;
    const changes: { title?: string; author?: string | null; date?: string | null } = {};
    if (title.trim() !== view.title) changes.title = title.trim();
    if ((author.trim() || null) !== view.author) changes.author = author.trim() || null;
    if ((date.trim() || null) !== view.date) changes.date = date.trim() || null;
    onSave(changes);
  };
  return (
    <ModalDialog title="Edit details" testId="edit-document" onCancel={onCancel}>
      <form className="modal-dialog__form" onSubmit={submit}>
        <label className="field"><span>Title</span><input value={title} onChange={(event) => setTitle(event.target.value)} required aria-invalid={title.trim() === ''} /></label>
        {title.trim() === '' && <p className="field__error" role="alert">A document needs a title.</p>}
        <label className="field"><span>Author</span><input value={author} onChange={(event) => setAuthor(event.target.value)} placeholder="Unknown" /></label>
        <label className="field"><span>Date</span><input value={date} onChange={(event) => setDate(event.target.value)} placeholder="e.g. 2024-05-17" /></label>
        <div className="modal-dialog__actions">
          <button type="button" className="button" onClick={onCancel}>Cancel</button>
          <button type="submit" className="button button--primary" disabled={title.trim() === ''}>Save</button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** The new version's consequences, confirmed or cancelled. */
export function ReplaceVersionDialog({ view, planned, onConfirm, onCancel }: { view: DocumentView; planned: PlannedVersion; onConfirm: () => void; onCancel: () => void }) {
  const { moved, unanchored } = planned.plan;
  return (
    <ModalDialog title={`Replace “${view.title}” with a new version?`} testId="replace-document" onCancel={onCancel}>
      <p data-testid="replace-summary">
        From <strong>{planned.converted.fileName}</strong>: {moved.length === 1 ? '1 highlight moves' : `${moved.length} highlights move`} to the new version
        {unanchored.length === 0 ? '; every highlight finds its passage.' : <>; <strong>{unanchored.length}</strong> cannot be placed in it.</>}
      </p>
      {unanchored.length > 0 && (
        <>
          <p>They stay on the old version, whose text stays readable, and are listed in Unanchored with their quotes:</p>
          <ul className="modal-dialog__quotes" data-testid="replace-unplaced">
            {unanchored.map((item) => <li key={item.id}>“{item.quote}”</li>)}
          </ul>
        </>
      )}
      {planned.warning !== null && <p role="alert">{planned.warning}</p>}
      <div className="modal-dialog__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="button" className="button button--primary" onClick={onConfirm}>Replace</button>
      </div>
    </ModalDialog>
  );
}

/** Moving to the trash, with the count of highlights that go with it. */
export function TrashDocumentDialog({ view, highlights, onConfirm, onCancel }: { view: DocumentView; highlights: number; onConfirm: () => void; onCancel: () => void }) {
  return (
    <ModalDialog title={`Move “${view.title}” to the trash?`} testId="trash-document" onCancel={onCancel}>
      <p data-testid="trash-summary">
        {highlights === 0 ? 'It has no highlights.' : <>{highlights === 1 ? 'Its 1 highlight goes' : `Its ${highlights} highlights go`} to the trash with it.</>} Restore it from the Trash panel, with them, at any time.
      </p>
      <div className="modal-dialog__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="button" className="button button--danger" onClick={onConfirm}>Move to trash</button>
      </div>
    </ModalDialog>
  );
}
