/**
 * Wraps the app with everything annotation-wide and provides the workspace to the reader,
 * margin and panels — but only once annotating can start: the first-run card has given the
 * person a name (reading works without one) and the project has loaded from IndexedDB.
 *
 * Its parts each do one thing: the first-run card (FirstRun.tsx), the workspace banners
 * (WorkspaceBanners.tsx), the side panel beside the screens (PanelsHost.tsx), the notice
 * (NoticeHost.tsx), the annotation keys (annotations/use-annotation-keys.ts), the menu
 * commands (use-menu-commands.ts) and the per-tag stylesheet (store/tag-stylesheet.ts).
 */
import { useEffect, type ReactNode } from 'react';
import { useAnnotationKeys } from '../annotations/use-annotation-keys.ts';
import { WorkspaceContext, useWorkspaceSnapshot } from '../annotations/use-workspace.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import type { CommandBus } from '../store/command-bus.ts';
import type { LibraryStore } from '../store/library-store.ts';
import type { ProjectFileDialogs } from '../store/project-files.ts';
import { adoptTagStylesheet } from '../store/tag-stylesheet.ts';
import { setTagNames } from '../reader/tag-names.ts';
import { FirstRun } from './FirstRun.tsx';
import { NoticeHost } from './NoticeHost.tsx';
import { PanelsHost } from './PanelsHost.tsx';
import { useMenuCommands } from './use-menu-commands.ts';
import { WorkspaceBanners } from './WorkspaceBanners.tsx';

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

/** The gate. */
export function AnnotationsGate({ workspace, commands, files, library, menuHandlesUndo, children }: AnnotationsGateProps) {
  const snapshot = useWorkspaceSnapshot(workspace);
  useEffect(() => adoptTagStylesheet(workspace.session.doc, document, setTagNames), [workspace]);
  useMenuCommands(workspace, commands, files, library.addedDocuments);
  useAnnotationKeys(workspace, menuHandlesUndo);

  const ready = snapshot.member !== null && snapshot.loaded;
  const panel = ready ? snapshot.panel : null;
  return (
    <WorkspaceContext.Provider value={ready ? workspace : null}>
      {snapshot.member === null && <FirstRun onDone={(profile) => workspace.setProfile(profile)} />}
      <WorkspaceBanners snapshot={snapshot} />
      <PanelsHost workspace={workspace} panel={panel} library={library}>
        {children}
      </PanelsHost>
      <NoticeHost workspace={workspace} notice={snapshot.notice} besidePanel={panel !== null} />
    </WorkspaceContext.Provider>
  );
}
