/**
 * Project file commands: save the whole project to one `.marginalia` file and merge a
 * teammate's file into it (a CRDT merge: same result as syncing with them). The model
 * checks a file completely before touching the doc, so a damaged or foreign file is
 * refused with its reason and the project stays as it was. Results become notices.
 */
import { encodeProjectFile, mergeProjectFile } from '#shared/model/project-file.ts';
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

/** Merges bytes of a project file; returns true when merged. */
export function mergeProjectBytes(workspace: ProjectFileHost, name: string, bytes: Uint8Array): boolean {
  const result = mergeProjectFile(workspace.session.doc, bytes);
  if (result.ok) {
    workspace.notify({ kind: 'info', text: `Merged “${name}” into this project.` });
    return true;
  }
  workspace.notify({ kind: 'error', text: `“${name}” was not merged: ${result.error}. Your project is unchanged.` });
  return false;
}

/** Lets the person pick a project file and merges it. */
export async function mergeProjectCommand(workspace: ProjectFileHost, files: ProjectFileDialogs): Promise<void> {
  try {
    const file = await files.openFile({ filters: PROJECT_FILE_FILTERS });
    if (file !== null) mergeProjectBytes(workspace, file.name, file.bytes);
  } catch (error) {
    workspace.notify({ kind: 'error', text: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` });
  }
}
