/**
 * Boots the projects for the page, once, outside React (called from main.tsx): the
 * projects controller bound to the open project's session and the file flow that opens
 * and merges project files through the platform's file dialogs.
 */
import type { ProjectId } from '#shared/model/ids.ts';
import { newId } from '#shared/model/ids.ts';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import type { ProjectFileDialogs } from '../store/project-files.ts';
import { storeProjectUpdate } from '../store/project-database.ts';
import { closeProjectSession, databaseName, getProjectSession } from '../store/project-session.ts';
import { knownProjects } from '../sync/team-controller.ts';
import type { RemovableStore } from '../sync/team-credentials.ts';
import { createFileFlow } from './file-flow.ts';
import type { FileTextStore } from './file-texts.ts';
import { createFileJobs, workerTransport } from './file-jobs-client.ts';
import { createProjectsController } from './projects-controller.ts';
import type { ProjectsContextValue } from './projects-context.ts';

/** Deletes an IndexedDB database; resolves once it is gone (waiting out other connections). */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(new Error(`the project’s data could not be deleted: ${request.error?.message ?? 'unknown error'}`));
  });
}

/** Starts the projects of the page around `workspace` (whose session is the active project's). */
export function startProjects(input: { readonly workspace: AnnotationWorkspace; readonly storage: RemovableStore; readonly dialogs: ProjectFileDialogs; readonly texts?: FileTextStore }): ProjectsContextValue {
  const { workspace, storage } = input;
  // One project-file worker for the page, started when a file is first read.
  const jobs = createFileJobs(workerTransport());
  const controller = createProjectsController({
    jobs,
    storage,
    session: workspace.session,
    openSession: (projectId) => getProjectSession(projectId),
    closeSession: closeProjectSession,
    deleteDatabase,
    known: () => knownProjects(storage),
    member: () => workspace.getSnapshot().member?.id ?? null,
    actor: () => workspace.actor(),
    restart: () => window.location.reload(),
    newProjectId: () => newId() as ProjectId,
    storeUpdate: (projectId, update) => storeProjectUpdate(databaseName(projectId), update),
    ...(input.texts !== undefined ? { texts: input.texts } : {}),
  });
  const files = createFileFlow({ host: workspace, dialogs: input.dialogs, projects: controller, jobs, ...(input.texts !== undefined ? { texts: input.texts } : {}) });
  return { controller, files };
}
