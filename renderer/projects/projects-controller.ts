/**
 * The projects on this machine as actions: create, rename, switch, remove to the trash,
 * restore, delete for good, and open a project file as a project of its own.
 *
 * The page stays bound to one project for its life (as joining a team does, see
 * sync/team-controller.ts): switching writes the new active project to the project list
 * (store/project-registry.ts) and restarts the page, which opens it from IndexedDB. Work
 * on a project that is not open (stamping a new one, filling one from a file, deleting
 * one) opens its session, does it, flushes and closes it before the restart — except a
 * project file opened as a project, whose update (checked in the worker) is stored as the
 * new project's database content as it is, never applied on the page (`storeUpdate`).
 *
 * The open project's summary is refreshed from its doc after a pause in changes, so the
 * switcher lists every project without opening any other database. A rename goes through
 * the model (`renameProject`): the name is a CRDT field and merges like everything else.
 */
import * as Y from 'yjs';
import type { MemberId, ProjectId } from '#shared/model/ids.ts';
import { afterSlices, applyInSlices } from '#shared/model/apply-in-slices.ts';
import { bookkeepingOrigin, importOrigin } from '#shared/model/origins.ts';
import { mergeProjectFile } from '#shared/model/project-file.ts';
import { createProject, renameProject } from '#shared/model/project.ts';
import type { Actor } from '#shared/model/write.ts';
import { databaseName, type ProjectSession } from '../store/project-session.ts';
import {
  activateProject, addProject, findProject, forgetProject, readProjectList, restoreProject, sameSummary,
  summarizeProject, trashProject, unnamedProjectName, writeProjectList, type KnownProjects, type ProjectList, type ProjectSummary,
} from '../store/project-registry.ts';
import { nameKey } from '#shared/text/fold.ts';
import { summarizeDoc, summarizeDocInSlices } from '../store/project-summary.ts';
import { framePacedPause } from '../services/event-loop.ts';
import { storeFileTexts, type FileTextStore } from './file-texts.ts';
import { createFileJobs, inThreadTransport, type CheckedFileJob, type FileJobs } from './file-jobs-client.ts';
import { forgetTeamCredentials, loadTeamCredentials, type RemovableStore } from '../sync/team-credentials.ts';

/** What opening a project file as a project came to. */
export type OpenOutcome =
  | { readonly kind: 'opened'; readonly name: string }
  | { readonly kind: 'already-here'; readonly projectId: ProjectId; readonly name: string; readonly active: boolean }
  | { readonly kind: 'refused'; readonly reason: string };

/** Where the controller gets what it needs (main.tsx gives the real ones; tests their own). */
export interface ProjectsOptions {
  readonly storage: RemovableStore;
  /** The open (active) project's session. */
  readonly session: Pick<ProjectSession, 'projectId' | 'doc' | 'whenLoaded' | 'flush'>;
  /** Opens another project's session; `close` flushes and closes it. */
  readonly openSession: (projectId: ProjectId) => Pick<ProjectSession, 'doc' | 'whenLoaded' | 'flush'>;
  readonly closeSession: (projectId: ProjectId) => Promise<void>;
  /** Deletes a project's IndexedDB database. */
  readonly deleteDatabase: (name: string) => Promise<void>;
  readonly known: () => KnownProjects;
  /** The local person (null before first run). */
  readonly member: () => MemberId | null;
  /** The local person as the model's actor for the open project (stamps it on first use). */
  readonly actor: () => Actor;
  /** Reloads the page so the new active project opens. */
  readonly restart: () => void;
  /** Pause after the last change before the summary is refreshed (ms). */
  readonly summaryDelayMs?: number;
  /** Creates ids for new projects. */
  readonly newProjectId: () => ProjectId;
  /** Checks and prepares project files (the app: in a worker; default: on this thread). */
  readonly jobs?: FileJobs;
  /** Where the texts of added documents a file carries are stored (before its records are applied). */
  readonly texts?: FileTextStore;
  /**
   * Stores a new project's content as one update straight into its database (the app:
   * IndexedDB, store/project-database.ts), so a file opened as a project is never applied
   * on the page before the restart reads it; without it the file is applied to the new
   * project's session a slice per task.
   */
  readonly storeUpdate?: (projectId: ProjectId, update: Uint8Array) => Promise<void>;
}

/** Reports how far applying a file has come (slices applied of all). */
export type FileProgressListener = (applied: number, total: number) => void;

/** The controller. */
export interface ProjectsController {
  list(): ProjectList;
  subscribe(listener: () => void): () => void;
  /** Creates a project named `name` and opens it. */
  create(name: string): Promise<void>;
  /** Renames the open project (a CRDT write). */
  rename(name: string): void;
  switchTo(projectId: ProjectId): Promise<void>;
  trash(projectId: ProjectId): void;
  restore(projectId: ProjectId): void;
  /** Deletes a project in the trash and its local database, for good. */
  deleteForever(projectId: ProjectId): Promise<void>;
  /** Opens a project file as a new local project (unless its project is already here), telling `progress` once it is checked and as it is applied. */
  openFile(bytes: Uint8Array, progress?: { checked?: () => void; applying?: FileProgressListener }): Promise<OpenOutcome>;
  /** Merges a file into another local project and opens that project. */
  mergeIntoAndOpen(projectId: ProjectId, bytes: Uint8Array): Promise<OpenOutcome>;
  /** Refreshes the open project's cached summary now. */
  refreshSummary(): void;
  destroy(): void;
}

/**
 * Throws when `name` is already the name of another project on this machine (removed ones
 * included), compared without case, accents or extra spaces: two rows the switcher cannot
 * tell apart, and a file's "already here" question naming the wrong one.
 */
function refuseNameInUse(list: ProjectList, name: string, except: ProjectId | null): void {
  const key = nameKey(name);
  const other = list.projects.find((entry) => entry.id !== except && nameKey(entry.summary.name.trim() || unnamedProjectName(entry.origin)) === key);
  if (other !== undefined) throw new Error(`“${name}” is already the name of a project on this computer: choose another name.`);
}

/** Creates the controller for the open project. */
export function createProjectsController(options: ProjectsOptions): ProjectsController {
  const { storage, session } = options;
  const listeners = new Set<() => void>();
  let list = readProjectList(storage, options.known());
  const commit = (next: ProjectList): void => {
    list = next;
    writeProjectList(storage, next);
    for (const listener of [...listeners]) listener();
  };
  const reread = (): ProjectList => readProjectList(storage, options.known());

  const applySummary = (summary: ProjectSummary): void => {
    const current = reread();
    const entry = findProject(current, session.projectId);
    if (entry === undefined || sameSummary(entry.summary, summary)) return;
    commit(summarizeProject(current, session.projectId, summary));
  };
  const refreshSummary = (): void => applySummary(summarizeDoc(session.doc as Y.Doc));
  // After a pause in changes, the summary is read in idle slices (never one corpus-long task).
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopReading = (): void => {};
  let generation = 0;
  const onUpdate = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    stopReading();
    generation += 1;
    timer = setTimeout(() => {
      timer = undefined;
      // A file being merged a part per task is summarized once, when it is all in; then in idle slices.
      const mine = generation;
      afterSlices(session.doc as Y.Doc, () => {
        if (mine === generation) stopReading = summarizeDocInSlices(session.doc as Y.Doc, applySummary);
      });
    }, options.summaryDelayMs ?? 500);
  };
  // After a pause rather than at once: walking every highlight of a large project right as
  // it loads would hold the page just when the person starts using it.
  void session.whenLoaded.then(() => {
    onUpdate();
    (session.doc as Y.Doc).on('update', onUpdate);
  });

  const open = async (projectId: ProjectId): Promise<void> => {
    refreshSummary();
    await session.flush();
    commit(activateProject(reread(), projectId));
    options.restart();
  };

  const jobs = options.jobs ?? createFileJobs(inThreadTransport());

  /**
   * Stores a file checked against an empty project as a new project's content, as it is,
   * with its summary from the worker, and records it; the page never reads it before the
   * restart does. Returns its name.
   */
  const store = async (projectId: ProjectId, file: CheckedFileJob, storeUpdate: NonNullable<ProjectsOptions['storeUpdate']>, applying?: FileProgressListener): Promise<string> => {
    const { slices, texts, summary } = await file.prepare({ member: null, join: false, whole: true });
    if (summary === undefined || slices.length !== 1) throw new Error('the file could not be prepared as a project');
    await storeFileTexts(options.texts, texts);
    await storeUpdate(projectId, slices[0] as Uint8Array);
    applying?.(1, 1);
    commit(summarizeProject(addProject(reread(), { id: projectId, origin: 'file' }), projectId, summary));
    return summary.name;
  };

  /** Applies a checked file to another project's session (or stores it as one) and records it; returns its name. */
  const fill = async (projectId: ProjectId, file: Uint8Array | CheckedFileJob, applying?: FileProgressListener): Promise<string> => {
    if (!(file instanceof Uint8Array) && options.storeUpdate !== undefined) return store(projectId, file, options.storeUpdate, applying);
    const other = options.openSession(projectId);
    await other.whenLoaded;
    if (file instanceof Uint8Array) {
      const result = mergeProjectFile(other.doc as Y.Doc, file);
      if (!result.ok) throw new Error(result.error);
      await storeFileTexts(options.texts, result.texts);
    } else {
      // A file checked against an empty project: its own update, applied a slice per task.
      const { slices, texts } = await file.prepare({ member: null, join: false });
      await storeFileTexts(options.texts, texts);
      await applyInSlices(other.doc as Y.Doc, slices, { origin: importOrigin, pause: framePacedPause(), ...(applying ? { onProgress: applying } : {}) });
    }
    const summary = summarizeDoc(other.doc as Y.Doc);
    await other.flush();
    await options.closeSession(projectId);
    commit(summarizeProject(addProject(reread(), { id: projectId, origin: 'file' }), projectId, summary));
    return summary.name;
  };

  return {
    list: () => list,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async create(name) {
      const trimmed = name.trim();
      if (trimmed === '') throw new Error('a project needs a name');
      refuseNameInUse(reread(), trimmed, null);
      const member = options.member();
      if (member === null) throw new Error('choose a display name first');
      const projectId = options.newProjectId();
      const created = options.openSession(projectId);
      await created.whenLoaded;
      const doc = created.doc as Y.Doc;
      doc.transact(() => createProject(doc, { member }, { name: trimmed, id: projectId }), bookkeepingOrigin);
      const summary = summarizeDoc(doc);
      await created.flush();
      await options.closeSession(projectId);
      commit(summarizeProject(addProject(reread(), { id: projectId, origin: 'created' }), projectId, summary));
      await open(projectId);
    },
    rename(name) {
      const trimmed = name.trim();
      if (trimmed === '') throw new Error('a project needs a name');
      refuseNameInUse(reread(), trimmed, session.projectId);
      renameProject(session.doc as Y.Doc, options.actor(), trimmed);
      refreshSummary();
    },
    switchTo: (projectId) => open(projectId),
    trash: (projectId) => commit(trashProject(reread(), projectId)),
    restore: (projectId) => commit(restoreProject(reread(), projectId)),
    async deleteForever(projectId) {
      const next = forgetProject(reread(), projectId);
      await options.closeSession(projectId);
      await options.deleteDatabase(databaseName(projectId));
      if (loadTeamCredentials(storage)?.projectId === projectId) forgetTeamCredentials(storage);
      commit(next);
    },
    async openFile(bytes, progress = {}) {
      const checked = await jobs.check(bytes, null);
      if (!checked.ok) return { kind: 'refused', reason: checked.error };
      const { job } = checked;
      const projectId = job.summary.projectId;
      const here = findProject(reread(), projectId);
      if (here !== undefined) {
        job.forget();
        return { kind: 'already-here', projectId, name: here.summary.name || job.summary.name, active: projectId === session.projectId };
      }
      progress.checked?.();
      const name = await fill(projectId, job, progress.applying);
      await open(projectId);
      return { kind: 'opened', name };
    },
    async mergeIntoAndOpen(projectId, bytes) {
      try {
        const name = await fill(projectId, bytes);
        await open(projectId);
        return { kind: 'opened', name };
      } catch (error) {
        return { kind: 'refused', reason: error instanceof Error ? error.message : String(error) };
      }
    },
    refreshSummary,
    destroy() {
      if (timer !== undefined) clearTimeout(timer);
      stopReading();
      generation += 1;
      (session.doc as Y.Doc).off('update', onUpdate);
      listeners.clear();
    },
  };
}
