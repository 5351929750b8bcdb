/**
 * The menu commands the annotation workspace answers: Undo and Redo (the native Edit menu
 * in Electron; the keys elsewhere, see annotations/use-annotation-keys.ts) and the File
 * menu's Save project and Merge project file…, which become file dialogs and notices
 * (store/project-files.ts).
 */
import { useEffect } from 'react';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import type { CommandBus } from '../store/command-bus.ts';
import { mergeProjectCommand, saveProjectCommand, type ProjectFileDialogs } from '../store/project-files.ts';

/** Answers undo, redo, save-project and merge-project on `commands` while mounted. */
export function useMenuCommands(workspace: AnnotationWorkspace, commands: CommandBus, files: ProjectFileDialogs): void {
  useEffect(() => commands.subscribe((command) => {
    if (command === 'undo') workspace.undo();
    else if (command === 'redo') workspace.redo();
    else if (command === 'save-project') void saveProjectCommand(workspace, files);
    else if (command === 'merge-project') void mergeProjectCommand(workspace, files);
  }), [commands, workspace, files]);
}
