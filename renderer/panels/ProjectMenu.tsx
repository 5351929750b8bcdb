/**
 * Top-bar buttons: the project switcher, the annotation panels and the project file commands. The File menu
 * sends the same commands in Electron; these buttons make them reachable in the browser,
 * on the library screen as well as in the reader.
 */
import type { CommandBus } from '../store/command-bus.ts';
import { ExportButton } from '../export/ExportHost.tsx';
import { useOptionalWorkspace, useWorkspaceSnapshot } from '../annotations/use-workspace.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import type { PanelName } from '../store/ui-state.ts';
import { ProjectSwitcher } from '../projects/ProjectSwitcher.tsx';
import { useSearchCommand } from '../analysis/use-search-command.ts';

/** Merging brings a file into this project; opening a file as a project of its own is in the switcher. */
const MERGE_TOOLTIP = 'Merges a teammate’s project file into the current project (a CRDT merge, as syncing does): everything from both is kept, nothing is replaced or duplicated. You see what comes in before anything changes.';

const PANELS: readonly { name: PanelName; label: string }[] = [
  { name: 'codebook', label: 'Codebook' },
  { name: 'annotations', label: 'Annotations' },
  { name: 'trash', label: 'Trash' },
  { name: 'unanchored', label: 'Unanchored' },
  { name: 'analysis', label: 'Analysis' },
];

function Buttons({ workspace, commands }: { workspace: AnnotationWorkspace; commands: CommandBus }) {
  const { panel } = useWorkspaceSnapshot(workspace);
  useSearchCommand(workspace, commands);
  return (
    <span className="project-menu" role="group" aria-label="Project">
      <ProjectSwitcher commands={commands} />
      {PANELS.map((entry) => (
        <button
          key={entry.name}
          type="button"
          className="button button--quiet"
          aria-pressed={panel === entry.name}
          onClick={() => workspace.setPanel(panel === entry.name ? null : entry.name)}
        >
          {entry.label}
        </button>
      ))}
      <button type="button" className="button button--quiet" onClick={() => commands.emit('save-project')}>Save project</button>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => commands.emit('merge-project')}
        title={MERGE_TOOLTIP}
      >
        Merge project file…
      </button>
      <ExportButton commands={commands} />
    </span>
  );
}

/** The buttons (nothing outside the annotations gate). */
export function ProjectMenu({ commands }: { readonly commands: CommandBus }) {
  const workspace = useOptionalWorkspace();
  return workspace === null ? null : <Buttons workspace={workspace} commands={commands} />;
}
