/**
 * The menu commands the annotation workspace answers: Undo and Redo (the native Edit menu
 * in Electron; the keys elsewhere, see annotations/use-annotation-keys.ts) and the File
 * menu's Save project, which becomes a file dialog and a notice (store/project-files.ts).
 * Opening and merging project files are the projects' (projects/ProjectsHost.tsx).
 */
import { useEffect } from 'react';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import type { CommandBus } from '../store/command-bus.ts';
import { saveProjectCommand, type ProjectFileDialogs, type ProjectTextSource } from '../store/project-files.ts';

/** Answers undo, redo and save-project on `commands` while mounted; `texts` gives the added documents' texts. */
export function useMenuCommands(workspace: AnnotationWorkspace, commands: CommandBus, files: ProjectFileDialogs, texts: ProjectTextSource | null = null): void {
  useEffect(() => commands.subscribe((command) => {
    if (command === 'undo') workspace.undo();
    else if (command === 'redo') workspace.redo();
    else if (command === 'save-project') void saveProjectCommand(workspace, files, texts);
  }), [commands, workspace, files, texts]);
}
