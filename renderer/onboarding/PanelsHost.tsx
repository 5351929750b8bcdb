/**
 * Hosts the side panel (codebook, annotations, trash, unanchored) beside whatever screen is
 * showing: tells the shell to reserve the panel's column (ui/panel-column.ts) and renders
 * the open panel. It lives above the screens, so a panel stays open when the screen changes.
 */
import type { ReactNode } from 'react';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import { PanelDrawer } from '../panels/PanelDrawer.tsx';
import type { LibraryStore } from '../store/library-store.ts';
import type { PanelName } from '../store/ui-state.ts';
import { PanelColumnContext } from '../ui/panel-column.ts';

/** Props of {@link PanelsHost}. */
export interface PanelsHostProps {
  readonly workspace: AnnotationWorkspace;
  /** The open panel, or null (also null while annotations are not ready). */
  readonly panel: PanelName | null;
  /** The library, for the panels (document titles, corpus-wide unanchored list). */
  readonly library: LibraryStore;
  /** The screens. */
  readonly children: ReactNode;
}

/** The screens with the side panel beside them. */
export function PanelsHost({ workspace, panel, library, children }: PanelsHostProps) {
  return (
    <>
      <PanelColumnContext.Provider value={panel !== null}>
        {children}
      </PanelColumnContext.Provider>
      {panel !== null && <PanelDrawer workspace={workspace} panel={panel} library={library} />}
    </>
  );
}
