/**
 * "Import REFI-QDA project…" in the library, next to "Add documents…" (where a person
 * coming from ATLAS.ti, MAXQDA or NVivo looks for their project): a file chooser for
 * `.qdpx`, then a confirmation saying what will come in (documents, codes, highlights,
 * codings, notes, people) and listing everything that will be skipped with its reason; on
 * Import the file is written into the open project (qdpx-import-flow.ts), and a notice says
 * what came in. A file that cannot be imported is refused with its reason, changing nothing.
 */
import { useRef, useState } from 'react';
import type { QdpxArticle, QdpxImportCounts, QdpxSkipped } from '#shared/export/qdpx-import.ts';
import type { DocumentTextStore } from '../store/document-texts.ts';
import type { useOptionalWorkspace } from '../annotations/use-workspace.ts';
import { ModalDialog } from '../ui/ModalDialog.tsx';
import { applyQdpxImport, planQdpxImport, type PlannedQdpx } from './qdpx-import-flow.ts';
import { countWords } from '#shared/text/count-words.ts';

type Stage =
  | { readonly kind: 'idle' }
  | { readonly kind: 'reading'; readonly fileName: string }
  | { readonly kind: 'planned'; readonly planned: PlannedQdpx }
  | { readonly kind: 'refused'; readonly fileName: string; readonly reason: string }
  | { readonly kind: 'done'; readonly fileName: string; readonly counts: QdpxImportCounts; readonly skipped: number };

function skippedLine(item: QdpxSkipped): string {
  return `${item.kind}${item.name ? ` “${item.name}”` : ''}: ${item.reason}`;
}

/** The confirmation: what comes in, and what is skipped with why. */
function ConfirmQdpxDialog({ planned, onConfirm, onCancel }: { planned: PlannedQdpx; onConfirm: () => void; onCancel: () => void }) {
  const { preview, plan } = planned;
  return (
    <ModalDialog title={`Import “${plan.name || planned.fileName}”?`} testId="qdpx-confirm" onCancel={onCancel}>
      <p>From <strong>{planned.fileName}</strong>{plan.origin ? <> (written by {plan.origin})</> : null}, into this project:</p>
      <ul className="qdpx-import__counts" data-testid="qdpx-counts">
        <li>{countWords(preview.documents, 'document')}{preview.newDocuments > 0 ? ` (${preview.newDocuments} added to the library)` : ''}</li>
        <li>{countWords(preview.codes, 'code')}</li>
        <li>{countWords(preview.highlights, 'highlight')} with {countWords(preview.codings, 'coding')}</li>
        <li>{countWords(preview.notes, 'note')}</li>
        <li>{countWords(preview.people, 'person', 'people')}</li>
      </ul>
      {plan.skipped.length === 0
        ? <p>Nothing in the file is skipped.</p>
        : (
          <>
            <p>{countWords(plan.skipped.length, 'item')} cannot come over and will be skipped:</p>
            <ul className="modal-dialog__quotes" data-testid="qdpx-skipped">
              {plan.skipped.map((item, index) => <li key={`${index}:${item.guid ?? ''}`}>{skippedLine(item)}</li>)}
            </ul>
          </>
        )}
      <div className="modal-dialog__actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="button" className="button button--primary" onClick={onConfirm}>Import</button>
      </div>
    </ModalDialog>
  );
}

function Notice({ stage, onDismiss }: { stage: Stage; onDismiss: () => void }) {
  if (stage.kind === 'idle' || stage.kind === 'planned') return null;
  let text: string;
  if (stage.kind === 'reading') text = `Reading ${stage.fileName}…`;
  else if (stage.kind === 'refused') text = `${stage.fileName} was not imported: ${stage.reason}. Nothing was changed.`;
  else {
    const { counts } = stage;
    text = `Imported ${stage.fileName}: ${countWords(counts.highlights, 'highlight')}, ${countWords(counts.codings, 'coding')}, ${countWords(counts.codesCreated, 'new code')}, ${countWords(counts.notes + counts.replies + counts.memos, 'note')}, ${countWords(counts.documentsAdded, 'document')} added to the library${stage.skipped > 0 ? `; ${countWords(stage.skipped, 'item')} skipped` : ''}.`;
  }
  return (
    <section className="import-results" aria-label="REFI-QDA import" data-testid="qdpx-notice" data-status={stage.kind}>
      <p role={stage.kind === 'refused' ? 'alert' : 'status'}>{text}</p>
      {stage.kind !== 'reading' && <button type="button" className="button button--quiet" onClick={onDismiss}>Dismiss</button>}
    </section>
  );
}

/** The button, its file chooser, the confirmation and the notice. */
export function QdpxImport({ workspace, texts, articles }: { workspace: NonNullable<ReturnType<typeof useOptionalWorkspace>>; texts: DocumentTextStore; articles: readonly QdpxArticle[] }) {
  const picker = useRef<HTMLInputElement>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const choose = async (file: File): Promise<void> => {
    setStage({ kind: 'reading', fileName: file.name });
    const planned = await planQdpxImport(file, articles);
    setStage('refused' in planned ? { kind: 'refused', fileName: file.name, reason: planned.refused } : { kind: 'planned', planned });
  };
  const confirm = async (planned: PlannedQdpx): Promise<void> => {
    setStage({ kind: 'reading', fileName: planned.fileName });
    const report = await applyQdpxImport(planned, { doc: workspace.session.doc, member: workspace.actor().member, articles, texts });
    setStage(report.ok
      ? { kind: 'done', fileName: planned.fileName, counts: report.counts, skipped: report.skipped.length }
      : { kind: 'refused', fileName: planned.fileName, reason: report.error });
  };
  return (
    <>
      <button type="button" className="button" onClick={() => picker.current?.click()}>Import REFI-QDA project…</button>
      <input ref={picker} type="file" hidden accept=".qdpx" data-testid="import-qdpx-file" onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) void choose(file);
      }} />
      {stage.kind === 'planned' && <ConfirmQdpxDialog planned={stage.planned} onConfirm={() => void confirm(stage.planned)} onCancel={() => setStage({ kind: 'idle' })} />}
      <Notice stage={stage} onDismiss={() => setStage({ kind: 'idle' })} />
    </>
  );
}
