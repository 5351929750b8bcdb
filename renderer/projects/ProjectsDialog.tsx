/**
 * The project switcher's dialog: the open project (rename it), the other projects on this
 * computer (open, remove), a new project (name it; it opens), a project file opened as a
 * project, and the trash of projects (restore, delete for good).
 *
 * A native modal <dialog> gives the inert background and Escape; ui/use-focus-trap.ts
 * wraps Tab inside it and gives focus back to the switcher button on close. Switching,
 * creating and opening restart the page (the page is bound to one project, like joining a
 * team), so those buttons disable themselves while the switch is under way.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useFocusTrap } from '../ui/use-focus-trap.ts';
import { useFocusFallback } from '../ui/use-focus-fallback.ts';
import { useShowModalAfterFrame } from '../ui/use-show-modal.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import { findProject } from '../store/project-registry.ts';
import { ProjectRow } from './ProjectRow.tsx';
import { displayName, useProjectList, type ProjectsContextValue } from './projects-context.ts';

/** Props of {@link ProjectsDialog}. */
export interface ProjectsDialogProps {
  readonly projects: ProjectsContextValue;
  readonly open: boolean;
  /** Put the caret in the new project's name field on opening (File ▸ New Project…). */
  readonly startWithNew: boolean;
  readonly onClose: () => void;
}

/** The dialog. */
export function ProjectsDialog({ projects, open, startWithNew, onClose }: ProjectsDialogProps) {
  const { controller } = projects;
  const dialog = useRef<HTMLDialogElement>(null);
  const newName = useRef<HTMLInputElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const list = useProjectList(controller);
  const active = findProject(list, list.active);
  const activeName = displayName(active?.summary.name ?? '', active?.origin ?? 'personal');
  const [renameTo, setRenameTo] = useState<string | null>(null);
  const [createName, setCreateName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusTrap(dialog, open);
  useFocusFallback(dialog, title);

  // Shown a frame after the click: making the page behind it inert restyles a dense article.
  useShowModalAfterFrame(dialog, () => {
    if (startWithNew) newName.current?.focus();
  }, open);
  useEffect(() => {
    if (open) return;
    if (dialog.current?.open === true) dialog.current.close();
    setRenameTo(null);
    setError(null);
  }, [open]);

  const run = (action: () => void | Promise<void>): void => {
    setError(null);
    try {
      const result = action();
      if (result instanceof Promise) {
        setBusy(true);
        result.catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure))).finally(() => setBusy(false));
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  // The rename field replaces the Rename… button; when it goes, the button has the focus again.
  const endRename = (): void => {
    setRenameTo(null);
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const rename = (event: FormEvent): void => {
    event.preventDefault();
    if (renameTo === null) return;
    run(() => {
      controller.rename(renameTo);
      endRename();
    });
  };
  // Escape in the rename field cancels the rename, not the whole dialog.
  const cancelRenameOnEscape = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    endRename();
  };
  const create = (event: FormEvent): void => {
    event.preventDefault();
    run(() => controller.create(createName));
  };

  const others = list.projects.filter((entry) => entry.id !== list.active && entry.trashedAt === null);
  const trashed = list.projects.filter((entry) => entry.trashedAt !== null);
  const row = (id: ProjectId) => ({
    onOpen: () => run(() => controller.switchTo(id)),
    onRemove: () => run(() => controller.trash(id)),
    onRestore: () => run(() => controller.restore(id)),
    onDelete: () => run(() => controller.deleteForever(id)),
  });

  return (
    <dialog ref={dialog} className="projects-dialog" aria-labelledby="projects-dialog-title" onClose={onClose} data-testid="projects-dialog">
      <div className="projects-dialog__card">
        <h2 id="projects-dialog-title" ref={title} tabIndex={-1}>Projects on this computer</h2>
        <section aria-label="Open project" className="projects-dialog__section">
          {renameTo === null ? (
            <div className="projects-dialog__current">
              <span>Open now: <strong data-testid="projects-current">{activeName}</strong></span>
              <button ref={renameButton} type="button" className="button" onClick={() => setRenameTo(active?.summary.name || activeName)}>Rename…</button>
            </div>
          ) : (
            <form className="projects-dialog__form" onSubmit={rename} onKeyDown={cancelRenameOnEscape}>
              <label className="field">
                <span>New name of “{activeName}”</span>
                <input autoFocus value={renameTo} onChange={(event) => setRenameTo(event.target.value)} data-testid="project-rename-input" />
              </label>
              <button type="submit" className="button button--primary">Rename</button>
              <button type="button" className="button" onClick={endRename}>Cancel</button>
            </form>
          )}
        </section>
        <ul className="projects-dialog__list" aria-label="Projects">
          {active !== undefined && <ProjectRow entry={active} active busy={busy} {...row(active.id)} />}
          {others.map((entry) => <ProjectRow key={entry.id} entry={entry} active={false} busy={busy} {...row(entry.id)} />)}
        </ul>
        <form className="projects-dialog__form" onSubmit={create}>
          <label className="field">
            <span>New project</span>
            <input ref={newName} value={createName} placeholder="Name of the new project" onChange={(event) => setCreateName(event.target.value)} data-testid="project-new-name" />
          </label>
          <button type="submit" className="button button--primary" disabled={busy}>Create and open</button>
        </form>
        <p className="projects-dialog__hint">
          <button type="button" className="button" disabled={busy} onClick={() => { onClose(); void projects.files.pickAndOpen(); }}>Open project file…</button>
          {' '}makes a saved file (a backup, a teammate’s, the sample) a project of its own.
        </p>
        {trashed.length > 0 && (
          <section aria-labelledby="projects-trash-title" className="projects-dialog__section">
            <h3 id="projects-trash-title">Removed projects</h3>
            <ul className="projects-dialog__list" aria-label="Removed projects">
              {trashed.map((entry) => <ProjectRow key={entry.id} entry={entry} active={false} busy={busy} {...row(entry.id)} />)}
            </ul>
          </section>
        )}
        {error !== null && <p className="projects-dialog__error" role="alert">{error}</p>}
        <div className="projects-dialog__actions">
          <button type="button" className="button" onClick={onClose}>Close</button>
        </div>
      </div>
    </dialog>
  );
}
