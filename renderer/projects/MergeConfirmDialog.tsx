/**
 * The questions the file flow asks (file-flow.ts) before anything changes:
 * - merging a file: what comes in (highlights, codes, notes, from whom; from another
 *   project or this one) and, when codes share a name with codes here, whether to join
 *   them (listed; on by default). Merge or Cancel; Cancel changes nothing;
 * - opening a file whose project is already on this computer: merge it into that project
 *   (and open it) instead, or Cancel.
 * A native modal <dialog> (Escape cancels) with ui/use-focus-trap.ts, which gives focus
 * back to what had it.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useFocusTrap } from '../ui/use-focus-trap.ts';
import { useShowModalAfterFrame } from '../ui/use-show-modal.ts';
import { describeCounts, type FileFlow, type FileQuestion } from './file-flow.ts';

function Merge({ question, flow }: { question: Extract<FileQuestion, { kind: 'merge' }>; flow: FileFlow }) {
  const { summary } = question;
  const [join, setJoin] = useState(true);
  const from = summary.people.length === 0 ? 'people already here' : summary.people.join(', ');
  return (
    <>
      <h2 id="file-question-title">Merge “{question.fileName}”?</h2>
      <p data-testid="merge-summary">
        It brings <strong>{describeCounts(summary)}</strong> from {from}
        {summary.sameProject ? ' (this same project, from another copy).' : <>, from another project (“{summary.projectName}”).</>}
      </p>
      <p className="file-question__hint">Everything already here is kept; nothing is replaced or duplicated, as when syncing.</p>
      {summary.sameNameCodes.length > 0 && (
        <fieldset className="file-question__codes">
          <legend>Codes with the same name</legend>
          <ul data-testid="same-name-codes">
            {summary.sameNameCodes.map((pair) => <li key={`${pair.incoming}\u0000${pair.existing}`}>“{pair.incoming}” in the file and “{pair.existing}” here</li>)}
          </ul>
          <label className="file-question__check">
            <input type="checkbox" checked={join} onChange={(event) => setJoin(event.target.checked)} data-testid="join-same-name-codes" />
            <span>Join codes with the same name into one code</span>
          </label>
        </fieldset>
      )}
      <div className="file-question__actions">
        <button type="button" className="button" onClick={() => flow.cancel()}>Cancel</button>
        <button type="button" className="button button--primary" onClick={() => void flow.confirmMerge({ joinSameNameCodes: join })}>Merge</button>
      </div>
    </>
  );
}

function OpenExisting({ question, flow }: { question: Extract<FileQuestion, { kind: 'open-existing' }>; flow: FileFlow }) {
  return (
    <>
      <h2 id="file-question-title">“{question.projectName}” is already here</h2>
      <p>“{question.fileName}” belongs to a project already on this computer. Merge the file into “{question.projectName}” and open it?</p>
      <div className="file-question__actions">
        <button type="button" className="button" onClick={() => flow.cancel()}>Cancel</button>
        <button type="button" className="button button--primary" onClick={() => void flow.confirmOpenExisting()}>Merge and open</button>
      </div>
    </>
  );
}

/** The dialog (closed while there is no question). */
export function MergeConfirmDialog({ flow }: { readonly flow: FileFlow }) {
  const question = useSyncExternalStore(flow.subscribe, flow.getSnapshot);
  const dialog = useRef<HTMLDialogElement>(null);
  const open = question.kind !== 'none';
  useFocusTrap(dialog, open);
  // Shown a frame later: making the page behind it inert restyles a dense article (ui/use-show-modal.ts).
  useShowModalAfterFrame(dialog, undefined, open);
  useEffect(() => {
    if (!open && dialog.current?.open === true) dialog.current.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="projects-dialog file-question" aria-labelledby="file-question-title" onClose={() => flow.cancel()} data-testid="file-question">
      <div className="projects-dialog__card">
        {question.kind === 'merge' && <Merge key={question.fileName} question={question} flow={flow} />}
        {question.kind === 'open-existing' && <OpenExisting question={question} flow={flow} />}
      </div>
    </dialog>
  );
}
