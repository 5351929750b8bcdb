/**
 * Saving the whole project to one `.marginalia` file, and the file filter project files
 * are chosen with. Opening and merging files (which ask before anything changes) are the
 * projects' file flow (projects/file-flow.ts). Results become notices.
 */
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { getProjectMeta } from '#shared/model/project.ts';
import type { FileFilter, Platform } from '../services/platform.ts';
import type { ProjectSession } from './project-session.ts';
import type { Notice } from './ui-state.ts';

/** The platform's file dialogs (binary in both hosts). */
export type ProjectFileDialogs = Pick<Platform, 'saveFile' | 'openFile'>;

/** What the project file commands act on and report to (the annotation workspace). */
export interface ProjectFileHost {
  readonly session: Pick<ProjectSession, 'doc' | 'flush'>;
  notify(notice: Notice | null): void;
}

/** The filter for project files. */
export const PROJECT_FILE_FILTERS: readonly FileFilter[] = [{ name: 'Marginalia project', extensions: ['marginalia'] }];

function fileName(name: string): string {
  const base = name.trim().replace(/[^\p{L}\p{N} _.-]+/gu, '').replace(/\s+/g, '-').slice(0, 80) || 'project';
  return `${base}.marginalia`;
}

/** Saves the project to a file the person chooses. */
export async function saveProjectCommand(workspace: ProjectFileHost, files: ProjectFileDialogs): Promise<void> {
  try {
    await workspace.session.flush();
    const meta = getProjectMeta(workspace.session.doc);
    const saved = await files.saveFile({ suggestedName: fileName(meta.name || 'Marginalia project'), content: encodeProjectFile(workspace.session.doc), filters: PROJECT_FILE_FILTERS });
    if (saved) workspace.notify({ kind: 'info', text: 'Project saved to a file.' });
  } catch (error) {
    workspace.notify({ kind: 'error', text: `The project could not be saved: ${error instanceof Error ? error.message : String(error)}` });
  }
}
