/**
 * Wraps the app with everything annotation-wide: the first-run card (reading works
 * without it; annotating starts once a name is chosen), waiting for the project to load
 * from IndexedDB before annotations show (the workspace is provided only then), the storage banner,
 * notices (bottom right, see ui/NoticeToast.tsx), the side panel (its column reserved in the
 * shell through ui/panel-column.ts; rendered here so it outlives screen changes), the per-tag stylesheet, the annotation keys (1–9, Delete, undo/redo)
 * and the File-menu project commands. Provides the workspace to the reader and margin.
 */
import { useEffect, type ReactNode } from 'react';
import type { CommandBus } from '../store/command-bus.ts';
import type { LibraryStore } from '../store/library-store.ts';
import { mergeProjectCommand, saveProjectCommand, type ProjectFileDialogs } from '../store/project-files.ts';
import { adoptTagStylesheet } from '../store/tag-stylesheet.ts';
import { WorkspaceContext, useWorkspaceSnapshot } from '../store/use-workspace.ts';
import type { AnnotationWorkspace } from '../store/workspace.ts';
import { hasSelection, numberKeyCommand, trashFocusedCommand } from '../store/annotation-commands.ts';
import { annotationKeyAction } from '../reader/annotation-keys.ts';
import { PanelDrawer } from '../panels/PanelDrawer.tsx';
import { NoticeToast } from '../ui/NoticeToast.tsx';
import { PanelColumnContext } from '../ui/panel-column.ts';
import { FirstRun } from './FirstRun.tsx';

/** Props of {@link AnnotationsGate}. */
export interface AnnotationsGateProps {
  readonly workspace: AnnotationWorkspace;
  readonly commands: CommandBus;
  readonly files: ProjectFileDialogs;
  /** The library, for the panels (document titles, corpus-wide unanchored list). */
  readonly library: LibraryStore;
  /** True when a native menu delivers undo/redo (Electron); the gate then leaves those keys alone. */
  readonly menuHandlesUndo: boolean;
  readonly children: ReactNode;
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** The gate. */
export function AnnotationsGate({ workspace, commands, files, library, menuHandlesUndo, children }: AnnotationsGateProps) {
  const snapshot = useWorkspaceSnapshot(workspace);

  useEffect(() => adoptTagStylesheet(workspace.session.doc), [workspace]);

  useEffect(() => commands.subscribe((command) => {
    if (command === 'undo') workspace.undo();
    else if (command === 'redo') workspace.redo();
    else if (command === 'save-project') void saveProjectCommand(workspace, files);
    else if (command === 'merge-project') void mergeProjectCommand(workspace, files);
  }), [commands, workspace, files]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || workspace.getSnapshot().member === null) return;
      const bound = event.target instanceof HTMLElement && event.target.dataset.yjsBound === 'true';
      if (isTextField(event.target) && !bound) return;
      const action = annotationKeyAction(event, { hasSelection: hasSelection(workspace), hasFocusedHighlight: workspace.getSnapshot().focused !== null });
      if (action === null) return;
      if (action.kind === 'undo' || action.kind === 'redo') {
        if (menuHandlesUndo) return;
        event.preventDefault();
        if (action.kind === 'undo') workspace.undo();
        else workspace.redo();
        return;
      }
      if (isTextField(event.target)) return;
      const handled = action.kind === 'tag' ? numberKeyCommand(workspace, action.number) : trashFocusedCommand(workspace);
      if (handled) event.preventDefault();
    };
    // Capture phase: the article's editor view consumes Ctrl/Cmd+Z and Ctrl+Y (it prevents the
    // browser's own contenteditable undo), so a bubbling listener would never see them while
    // the caret is in the text. Text fields are left to edit themselves (checked above).
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [workspace, menuHandlesUndo]);

  const storage = snapshot.storage;
  const ready = snapshot.member !== null && snapshot.loaded;
  const panelOpen = ready && snapshot.panel !== null;
  return (
    <WorkspaceContext.Provider value={ready ? workspace : null}>
      {snapshot.member === null && <FirstRun onDone={(profile) => workspace.setProfile(profile)} />}
      {snapshot.member !== null && !snapshot.loaded && <div className="app-banner" role="status">Opening your project…</div>}
      {(storage.kind === 'unavailable' || storage.kind === 'write-failed') && (
        <div className="app-banner app-banner--error" role="alert" data-testid="storage-banner">{storage.message}</div>
      )}
      <PanelColumnContext.Provider value={panelOpen}>
        {children}
      </PanelColumnContext.Provider>
      {panelOpen && snapshot.panel !== null && <PanelDrawer workspace={workspace} panel={snapshot.panel} library={library} />}
      {snapshot.notice !== null && <NoticeToast notice={snapshot.notice} besidePanel={panelOpen} onDismiss={() => workspace.notify(null)} />}
    </WorkspaceContext.Provider>
  );
}
