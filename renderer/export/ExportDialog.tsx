/**
 * The Export dialog: filters, sort and format on the left of the person's attention, the
 * live number of matching excerpts and a preview of the first few beside them, and the
 * two imports at the bottom. Between the fixed header and footer everything scrolls as
 * one region (no list scrolls inside it), so a wheel or a swipe anywhere moves the whole
 * dialog; the action button names the format as people say it ("Export Markdown…"). A
 * native modal `<dialog>` (opened with `showModal` a frame after it mounts, ui/use-show-modal.ts) gives the inert background and Escape;
 * Tab and Shift+Tab wrap inside it and focus returns to its opener on close
 * (ui/use-focus-trap.ts); the first control gets focus when it opens.
 *
 * The count and preview come from the same sliced query the export runs (export-runner),
 * restarted (and the old run aborted) whenever the filters or the project change, so what
 * the dialog shows is exactly what the file will hold; when nothing changed since the
 * count, the export writes the excerpts the count found instead of querying again. Exporting shows progress, can be
 * cancelled, and reports failures inside the dialog (export-failure.ts words them by
 * their code; the desktop host already turns disk-full or permission errors into
 * sentences); cancelling the save dialog just returns to the export dialog.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import type { Excerpt } from '#shared/export/excerpt.ts';
import { EXPORT_FORMATS, usesExcerpts } from '#shared/export/formats.ts';
import { getProjectMeta } from '#shared/model/project.ts';
import { displayMembers } from '../panels/people.ts';
import { listTags, tagUsageCounts, type TagTreeNode } from '#shared/model/queries.ts';
import { createSkipLog, describeSkipped } from '#shared/model/read-guards.ts';
import type { Platform } from '../services/platform.ts';
import { readAtVersion, useDocReadWhenIdle, useDocVersion } from '../annotations/use-workspace.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { ProgressBar } from '../ui/ProgressBar.tsx';
import { useShowModalAfterFrame } from '../ui/use-show-modal.ts';
import { useFocusTrap } from '../ui/use-focus-trap.ts';
import { ExportFilters } from './ExportFilters.tsx';
import { ExportFormatChoice } from './ExportFormatChoice.tsx';
import { ExportCancelledError, queryExcerptsInSlices, runExport } from './export-runner.ts';
import { excerptQuery, formatOptions, saveFilters, suggestedFileName, type ExportDialogState } from './export-options.ts';
import { exportFailureText } from './export-failure.ts';
import { importAnnotationsCommand, importCodebookCommand, type ImportOutcome } from './import-actions.ts';
import { workerRenderTransport } from './render-jobs.ts';

/** Props of {@link ExportDialog}. */
export interface ExportDialogProps {
  readonly workspace: AnnotationWorkspace;
  readonly articles: readonly Article[];
  readonly files: Pick<Platform, 'saveFile' | 'openFile'>;
  readonly state: ExportDialogState;
  readonly onStateChange: (state: ExportDialogState) => void;
  readonly onClose: () => void;
}

/** The export worker, shared by every opening of the dialog (started on the first export that needs it). */
const renderer = workerRenderTransport();

/** Excerpts shown in the preview. */
const PREVIEW_SIZE = 5;

type Matches = { readonly status: 'counting' } | { readonly status: 'ready'; readonly count: number; readonly preview: readonly Excerpt[]; readonly skipped: string } | { readonly status: 'error'; readonly message: string };
type Running = { readonly fraction: number; readonly controller: AbortController };
/** The last finished count: every matching excerpt, and the query and project state it is for. */
type Counted = { readonly doc: unknown; readonly articles: unknown; readonly version: unknown; readonly queryKey: string; readonly excerpts: readonly Excerpt[] };

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

function shorten(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

function Preview({ matches }: { matches: Matches }) {
  if (matches.status !== 'ready' || matches.preview.length === 0) return null;
  return (
    <>
    <h3 className="export-preview__heading">{matches.count > matches.preview.length ? `Preview: the first ${matches.preview.length}` : 'Preview'}</h3>
    <ol className="export-preview" aria-label="Preview of the first excerpts" data-testid="export-preview">
      {matches.preview.map((excerpt) => (
        <li key={excerpt.id} className="export-preview__item">
          <blockquote className="export-preview__quote">{shorten(excerpt.quote, 220)}</blockquote>
          <div className="export-preview__meta">
            <span className="export-preview__document">{excerpt.document.title}</span>
            {!excerpt.anchored && <span className="export-muted"> · unanchored</span>}
            {excerpt.highlightedBy.name !== '' && <span className="export-muted"> · {excerpt.highlightedBy.name}</span>}
          </div>
          {excerpt.tags.length > 0 && (
            <div className="export-preview__tags">
              {excerpt.tags.map((tag) => (
                <span key={tag.id} className="tag-chip"><span className={`tag-swatch tag-swatch-${tag.id}`} aria-hidden="true" />{tag.name}</span>
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
    </>
  );
}

/** The codebook's tree without counts (those come from `tagUsageCounts`, read when idle). */
function codebookTree(doc: Y.Doc) {
  return listTags(doc, null);
}

/** The project's members (the filter's people). */
function membersOf(doc: Y.Doc) {
  return displayMembers(doc);
}

/** The dialog (render it only while open). */
export function ExportDialog({ workspace, articles, files, state, onStateChange, onClose }: ExportDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const doc = workspace.session.doc;
  const version = useDocVersion(doc);
  // The tree at once; its counts read every highlight (~15 ms at 10k), so they come when idle.
  const tags = readAtVersion(doc, version, codebookTree);
  const usage = useDocReadWhenIdle(doc, tagUsageCounts);
  const members = readAtVersion(doc, version, membersOf);
  const [matches, setMatches] = useState<Matches>({ status: 'counting' });
  const [running, setRunning] = useState<Running | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportOutcome>(null);
  const counted = useRef<Counted | null>(null);
  const query = excerptQuery(state);
  const usesFilters = usesExcerpts(state.format);
  const queryKey = JSON.stringify(query);
  // Tab wraps inside the dialog, and focus returns to its opener when it closes. Called
  // before the effect below moves focus in, so it remembers the opener.
  useFocusTrap(dialogRef);

  useShowModalAfterFrame(dialogRef, () => firstFieldRef.current?.focus());

  useEffect(() => {
    if (!query.ok) {
      setMatches({ status: 'error', message: query.error });
      return;
    }
    const controller = new AbortController();
    setMatches((previous) => (previous.status === 'ready' ? previous : { status: 'counting' }));
    // A short pause first, so ticking several boxes in a row runs the query once.
    const timer = setTimeout(() => {
      const skipped = createSkipLog();
      queryExcerptsInSlices(doc, articles, query.filter, query.sort, { signal: controller.signal, skipped }).then(
        (excerpts) => {
          counted.current = { doc, articles, version, queryKey, excerpts };
          setMatches({ status: 'ready', count: excerpts.length, preview: excerpts.slice(0, PREVIEW_SIZE), skipped: describeSkipped(skipped.records) });
        },
        (error: unknown) => {
          if (!(error instanceof ExportCancelledError)) setMatches({ status: 'error', message: error instanceof Error ? error.message : String(error) });
        },
      );
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // queryKey stands for `query` (a new object each render).
  }, [doc, articles, version, queryKey]);

  const change = (changes: Partial<ExportDialogState>) => onStateChange({ ...state, ...changes });

  // Nothing to export: the button says so (aria-disabled, not disabled, so a keyboard user
  // who is on it when the count arrives keeps their place).
  const nothingToExport = !query.ok || (usesFilters && matches.status === 'ready' && matches.count === 0);

  const startExport = async () => {
    if (nothingToExport || running) return;
    const controller = new AbortController();
    setFailure(null);
    setRunning({ fraction: 0, controller });
    try {
      const now = new Date();
      // The count already ran this very query on the project as it is: its excerpts are the export's.
      const last = counted.current;
      const current = last !== null && last.doc === doc && last.articles === articles && last.version === version && last.queryKey === queryKey;
      const output = await runExport(
        { doc, articles, filter: query.filter, sort: query.sort, format: state.format, options: formatOptions(state), exportedAt: now.toISOString(), ...(current ? { excerpts: last.excerpts } : {}) },
        { signal: controller.signal, renderer, onProgress: (progress) => setRunning({ fraction: progress.fraction, controller }) },
      );
      const name = suggestedFileName(getProjectMeta(doc).name, state.format, now);
      const saved = await files.saveFile({ suggestedName: name, content: output.content, filters: saveFilters(state.format) });
      if (!saved) return;
      const what = usesFilters ? plural(output.count, 'excerpt') : plural(output.count, 'tag');
      const removed = output.removedCharacters > 0 ? ` ${plural(output.removedCharacters, 'character')} that XML cannot hold were left out.` : '';
      workspace.notify({ kind: 'info', text: `Exported ${what} to ${name}.${removed}` });
      onClose();
    } catch (error) {
      if (error instanceof ExportCancelledError) return;
      setFailure(exportFailureText(error));
    } finally {
      setRunning(null);
    }
  };

  // The answer to an import comes under its buttons, at the foot of the scrolled area: shown whole.
  const importOutcome = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (imported !== null) importOutcome.current?.scrollIntoView({ block: 'nearest' });
  }, [imported]);

  const runImport = async (which: 'annotations' | 'codebook') => {
    setImported(null);
    const outcome = which === 'annotations' ? await importAnnotationsCommand(workspace, files, articles) : await importCodebookCommand(workspace, files);
    setImported(outcome);
  };

  const countText =
    !usesFilters
      ? `The whole codebook: ${plural(countTags(tags), 'tag')}.`
      : matches.status === 'ready'
        ? `${plural(matches.count, 'excerpt')} match.`
        : matches.status === 'error'
          ? matches.message
          : 'Counting…';

  return (
    <dialog
      ref={dialogRef}
      className="export-dialog"
      aria-labelledby="export-dialog-title"
      data-testid="export-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (running) running.controller.abort();
        else onClose();
      }}
    >
      <form method="dialog" className="export-dialog__form" onSubmit={(event) => { event.preventDefault(); void startExport(); }}>
        <header className="export-dialog__header">
          <h2 id="export-dialog-title">Export excerpts</h2>
          <button type="button" className="button button--quiet" onClick={onClose} aria-label="Close" disabled={running !== null}>×</button>
        </header>
        <div className="export-dialog__scroll" data-testid="export-dialog-scroll">
          <div className="export-dialog__body">
            <div className="export-dialog__choices">
              <ExportFormatChoice state={state} onChange={change} firstFieldRef={firstFieldRef} />
              <ExportFilters state={state} onChange={change} tags={tags} usage={usage.value ?? null} members={members} articles={articles} disabled={!usesFilters} />
            </div>
            <section className="export-dialog__result" aria-label="Matching excerpts">
              <p className={`export-count${matches.status === 'error' && usesFilters ? ' export-count--error' : ''}`} role="status" aria-live="polite" data-testid="export-count">{countText}</p>
              {usesFilters && matches.status === 'ready' && matches.skipped !== '' && <p className="panel-empty" data-testid="export-skipped">{matches.skipped}</p>}
              {usesFilters && <Preview matches={matches} />}
            </section>
          </div>
          <section className="export-import" aria-labelledby="export-import-title">
            <h3 id="export-import-title">Import into this project</h3>
            <p className="export-muted">
              A Web Annotation file exported from Marginalia brings back its highlights, tags, notes and replies with their authors and times;
              imported into an empty project it recreates the exported one, so an export is also a backup. What is already here stays as it is.
            </p>
            <div className="export-inline">
              <button type="button" className="button" disabled={running !== null} onClick={() => void runImport('annotations')}>Import annotations (JSON-LD)…</button>
              <button type="button" className="button" disabled={running !== null} onClick={() => void runImport('codebook')}>Import codebook (.qdc)…</button>
            </div>
            {imported !== null && (
              <p ref={importOutcome} className={imported.kind === 'error' ? 'export-dialog__failure' : 'export-muted'} role={imported.kind === 'error' ? 'alert' : 'status'} data-testid="import-outcome">{imported.text}</p>
            )}
          </section>
        </div>
        {failure !== null && <p className="export-dialog__failure" role="alert" data-testid="export-failure">{failure}</p>}
        <footer className="export-dialog__footer">
          {running !== null ? (
            <>
              <ProgressBar value={running.fraction} label="Export progress" />
              <button type="button" className="button" onClick={() => running.controller.abort()}>Cancel export</button>
            </>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose}>Close</button>
              <button type="submit" className="button button--primary" aria-disabled={nothingToExport}>
                Export {EXPORT_FORMATS[state.format].actionLabel}…
              </button>
            </>
          )}
        </footer>
      </form>
    </dialog>
  );
}

function countTags(nodes: readonly { children: readonly unknown[] }[]): number {
  let total = 0;
  for (const node of nodes) total += 1 + countTags(node.children as readonly { children: readonly unknown[] }[]);
  return total;
}
