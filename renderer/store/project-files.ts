/**
 * Saving the whole project to one `.marginalia` file — with the texts of its added
 * documents, downloaded from the team's server when missing here — and the file filter project files
 * are chosen with. Opening and merging files (which ask before anything changes) are the
 * projects' file flow (projects/file-flow.ts). Results become notices.
 */
import type * as Y from 'yjs';
import { listDocuments } from '#shared/model/document-views.ts';
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
  /** The name the project is shown by (its own, else what it is): the file is saved under it. */
  projectName(): string;
  notify(notice: Notice | null): void;
}

/** The filter for project files. */
export const PROJECT_FILE_FILTERS: readonly FileFilter[] = [{ name: 'Marginalia project', extensions: ['marginalia'] }];

function fileName(name: string): string {
  const base = name.trim().replace(/[^\p{L}\p{N} _.-]+/gu, '').replace(/\s+/g, '-').slice(0, 80) || 'project';
  return `${base}.marginalia`;
}

/** Where the texts of added documents come from: here, or downloaded from the team's server. */
export interface ProjectTextSource {
  /** The text of `id`, or undefined when it is neither here nor obtainable; rejects when a download fails. */
  textOf(id: string): Promise<string | undefined>;
  /** True when a server can send texts missing here. */
  readonly canDownload: boolean;
}

/**
 * The texts of every added document of `doc`, by id; throws an error naming each
 * document whose text cannot be had, and why, so nothing is saved without them.
 */
export async function gatherDocumentTexts(doc: Y.Doc, source: ProjectTextSource | null): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const problems: string[] = [];
  for (const view of listDocuments(doc)) {
    try {
      const text = await source?.textOf(view.id);
      if (text !== undefined) texts.set(view.id, text);
      else problems.push(`“${view.title}” (its text is not on this computer${source?.canDownload === true ? ' nor on the team’s server' : ' and no team server is set up to download it'})`);
    } catch (error) {
      problems.push(`“${view.title}” (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (problems.length > 0) throw new Error(`the texts of these added documents are missing: ${problems.join('; ')}. Download them first, or add the same files here`);
  return texts;
}

/** Saves the project, with the texts of its added documents, to a file the person chooses. */
export async function saveProjectCommand(workspace: ProjectFileHost, files: ProjectFileDialogs, texts: ProjectTextSource | null = null): Promise<void> {
  try {
    await workspace.session.flush();
    const content = encodeProjectFile(workspace.session.doc, await gatherDocumentTexts(workspace.session.doc, texts));
    const saved = await files.saveFile({ suggestedName: fileName(workspace.projectName()), content, filters: PROJECT_FILE_FILTERS });
    if (saved) workspace.notify({ kind: 'info', text: 'Project saved to a file.' });
  } catch (error) {
    workspace.notify({ kind: 'error', text: `The project could not be saved: ${error instanceof Error ? error.message : String(error)}` });
  }
}
