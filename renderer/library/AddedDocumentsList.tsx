/**
 * The library's "Added to this project" section: a card per document of the project's
 * registry that is in the library (live, not replaced), updated as teammates add, edit or
 * remove documents, and the dialogs its cards' menus open. Edit details writes
 * `updateDocumentMeta`; Replace with a new version… picks a file, plans where the
 * highlights go and asks before `addNewVersion`; Move to trash asks with the count of
 * highlights that go with it.
 */
import { useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import type { DocumentView } from '#shared/model/document-views.ts';
import { trashDocument, updateDocumentMeta } from '#shared/model/documents.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { useDocVersion } from '../annotations/use-workspace.ts';
import type { AddedDocumentEntry, AddedDocuments } from '../store/added-documents.ts';
import type { ArticleCounts } from '../store/project-summary.ts';
import type { ReadingPositionStore } from '../services/reading-positions.ts';
import { memberNames } from '../panels/people.ts';
import { AddedDocumentCard } from './AddedDocumentCard.tsx';
import { NO_COUNTS } from './CountsLine.tsx';
import { ACCEPTED_FILES, applyVersion, planVersionFromFile, REFUSAL_WORDS, type ImportContext, type PlannedVersion } from './document-import.ts';
import { EditDetailsDialog, ReplaceVersionDialog, TrashDocumentDialog } from './DocumentDialogs.tsx';

type Question =
  | { readonly kind: 'edit'; readonly view: DocumentView }
  | { readonly kind: 'replace'; readonly view: DocumentView; readonly planned: PlannedVersion }
  | { readonly kind: 'trash'; readonly view: DocumentView; readonly highlights: number };

/** Props of {@link AddedDocumentsList}. */
export interface AddedDocumentsListProps {
  readonly entries: readonly AddedDocumentEntry[];
  readonly added: AddedDocuments;
  readonly workspace: AnnotationWorkspace | null;
  readonly counts: ReadonlyMap<string, ArticleCounts> | null;
  readonly positions: ReadingPositionStore;
}

const emptyDoc = new Y.Doc();

const total = (counts: ArticleCounts | undefined): number => (counts === undefined ? 0 : counts.highlights.yours + counts.highlights.team);

/** The section (nothing while the project has no added documents). */
export function AddedDocumentsList({ entries, added, workspace, counts, positions }: AddedDocumentsListProps) {
  const doc = workspace?.session.doc ?? emptyDoc;
  const version = useDocVersion(doc);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  const nameOf = useMemo(() => memberNames(doc), [doc, version]);
  const [question, setQuestion] = useState<Question | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const replacing = useRef<DocumentView | null>(null);
  const listed = entries.filter((entry) => entry.listed);
  if (listed.length === 0 && question === null) return null;

  const context: ImportContext | null = workspace === null ? null : { doc: workspace.session.doc, actor: () => workspace.actor(), texts: added.texts };
  const refuse = (text: string): void => workspace?.notify({ kind: 'error', text });
  const onReplaceFile = async (file: File | undefined): Promise<void> => {
    const view = replacing.current;
    if (file === undefined || view === null || context === null) return;
    const planned = await planVersionFromFile(file, view.id, context);
    if ('plan' in planned) setQuestion({ kind: 'replace', view, planned });
    else if (planned.status === 'refused') refuse(`${file.name} was not used as a new version: ${REFUSAL_WORDS[planned.reason] ?? planned.message}. Nothing was changed.`);
  };
  const menuOf = (view: DocumentView) => (context === null ? [] : [
    { label: 'Edit details…', run: () => setQuestion({ kind: 'edit', view }) },
    { label: 'Replace with a new version…', run: () => { replacing.current = view; picker.current?.click(); } },
    { label: 'Move to trash', run: () => setQuestion({ kind: 'trash', view, highlights: total(counts?.get(view.id)) }) },
  ]);
  const done = (text: string): void => {
    setQuestion(null);
    workspace?.notify({ kind: 'info', text });
  };

  return (
    <section className="library__added" aria-labelledby="added-heading">
      <h2 id="added-heading" className="library__section-heading">Added to this project</h2>
      <ul className="library__list">
        {listed.map((entry) => (
          <AddedDocumentCard
            key={entry.view.id}
            entry={entry}
            addedBy={nameOf(entry.view.addedBy)}
            counts={counts === null ? null : counts.get(entry.view.id) ?? NO_COUNTS}
            positions={positions}
            menu={menuOf(entry.view)}
            download={added.canDownload ? () => void added.download(entry.view.id) : null}
          />
        ))}
      </ul>
      <input ref={picker} type="file" hidden accept={ACCEPTED_FILES} data-testid="replace-file" onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        void onReplaceFile(file);
      }} />
      {question?.kind === 'edit' && workspace !== null && (
        <EditDetailsDialog view={question.view} onCancel={() => setQuestion(null)} onSave={(changes) => {
          updateDocumentMeta(workspace.session.doc, workspace.actor(), question.view.id, changes);
          done(`Details of “${changes.title ?? question.view.title}” saved.`);
        }} />
      )}
      {question?.kind === 'replace' && context !== null && (
        <ReplaceVersionDialog view={question.view} planned={question.planned} onCancel={() => setQuestion(null)} onConfirm={() => {
          const plan = applyVersion(question.planned, question.view, context);
          done(`“${question.view.title}” replaced: ${plan.moved.length} highlight${plan.moved.length === 1 ? '' : 's'} moved, ${plan.unanchored.length} listed in Unanchored.`);
        }} />
      )}
      {question?.kind === 'trash' && workspace !== null && (
        <TrashDocumentDialog view={question.view} highlights={question.highlights} onCancel={() => setQuestion(null)} onConfirm={() => {
          trashDocument(workspace.session.doc, workspace.actor(), question.view.id);
          done(`“${question.view.title}” moved to the trash with its highlights.`);
        }} />
      )}
    </section>
  );
}
