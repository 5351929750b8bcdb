/**
 * Where the Export dialog lives: listens for the 'export' command (Electron's File menu,
 * Ctrl/Cmd+E in the browser, the top bar's "Export…" button all emit it) and opens the
 * dialog over whatever screen is showing. The dialog's choices are kept here while the
 * page is open, so reopening it offers the last export's filters and format.
 *
 * Needs the annotation workspace (it exists once the person has chosen a name and the
 * project has loaded) and the loaded articles; before that the command does nothing —
 * the first-run card or the "opening your project" banner is what the person sees.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Article } from '#shared/documents/article.ts';
import type { Platform } from '../services/platform.ts';
import type { CommandBus } from '../store/command-bus.ts';
import type { LibraryStore } from '../store/library-store.ts';
import { useOptionalWorkspace } from '../annotations/use-workspace.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { DEFAULT_EXPORT_STATE, type ExportDialogState } from './export-options.ts';
import '../ui/export.css';

/** Props of {@link ExportHost}. */
export interface ExportHostProps {
  readonly commands: CommandBus;
  readonly library: LibraryStore;
  readonly files: Pick<Platform, 'saveFile' | 'openFile'>;
}

/** Opens the Export dialog on the 'export' command. */
export function ExportHost({ commands, library, files }: ExportHostProps) {
  const workspace = useOptionalWorkspace();
  const libraryState = useSyncExternalStore(library.subscribe, library.getSnapshot);
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ExportDialogState>(DEFAULT_EXPORT_STATE);
  const articles = useMemo<readonly Article[]>(
    () => (libraryState.status === 'ready' ? libraryState.entries.flatMap((entry) => (entry.status === 'ready' ? [entry.article] : [])) : []),
    [libraryState],
  );

  useEffect(() => commands.subscribe((command) => {
    if (command !== 'export') return;
    if (workspace === null) return;
    setOpen(true);
  }), [commands, workspace]);

  if (!open || workspace === null || libraryState.status === 'loading') return null;
  return <ExportDialog workspace={workspace} articles={articles} files={files} state={state} onStateChange={setState} onClose={() => setOpen(false)} />;
}

/** The top-bar button that opens the dialog (emits the same command as the menu). */
export function ExportButton({ commands }: { readonly commands: CommandBus }) {
  return (
    <button type="button" className="button button--quiet" onClick={() => commands.emit('export')} aria-keyshortcuts="Control+E">
      Export…
    </button>
  );
}
