/**
 * The always-mounted part of projects: answers File ▸ Open Project File… and Merge
 * Project File… (and the project menu's Merge button) with the file flow, and shows the
 * flow's questions (MergeConfirmDialog.tsx) and its progress while a file is read
 * (FileProgressStatus.tsx). Commands are answered only once annotating
 * can start (the workspace gate is open): a merge records who merged.
 */
import { useEffect } from 'react';
import { useOptionalWorkspace } from '../annotations/use-workspace.ts';
import type { CommandBus } from '../store/command-bus.ts';
import { FileProgressStatus } from './FileProgressStatus.tsx';
import { MergeConfirmDialog } from './MergeConfirmDialog.tsx';
import { useProjects } from './projects-context.ts';

/** The host (nothing outside a ProjectsContext). */
export function ProjectsHost({ commands }: { readonly commands: Pick<CommandBus, 'subscribe'> }) {
  const projects = useProjects();
  const ready = useOptionalWorkspace() !== null;
  useEffect(() => {
    if (projects === null || !ready) return undefined;
    return commands.subscribe((command) => {
      if (command === 'merge-project') void projects.files.pickAndMerge();
      else if (command === 'open-project') void projects.files.pickAndOpen();
    });
  }, [commands, projects, ready]);
  if (projects === null) return null;
  return (
    <>
      <MergeConfirmDialog flow={projects.files} />
      <FileProgressStatus flow={projects.files} />
    </>
  );
}
