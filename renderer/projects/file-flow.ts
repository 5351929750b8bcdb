/**
 * Opening and merging project files, with a confirmation before anything changes.
 *
 * Merge (File ▸ Merge Project File…): the file is described against the open project first
 * (`describeProjectFile`: how many new highlights, codes and notes, from whom, which codes
 * share a name with one here). A refused file (damaged, foreign, newer) becomes a notice
 * with the reason; a file that brings nothing new says so; otherwise the merge
 * confirmation asks, offering to join same-name codes (on by default). Cancel changes
 * nothing. Open (File ▸ Open Project File…): the file becomes a project of its own
 * (projects-controller.ts); a file whose project is already here offers to merge instead.
 *
 * The heavy part — checking the file, describing it, computing the merge — runs in the
 * project-file worker (file-jobs-client.ts); the open project then receives the merge a
 * slice per task (apply-in-slices.ts), so the page answers input throughout, and the flow's
 * progress (checking, then merging: slices applied of all) is on screen meanwhile.
 *
 * The flow is a small store (one pending question at a time, and the progress of the file
 * being read) that the dialogs render.
 */
import * as Y from 'yjs';
import { storeFileTexts, type FileTextStore } from './file-texts.ts';
import { applyInSlices } from '#shared/model/apply-in-slices.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import { importOrigin } from '#shared/model/origins.ts';
import type { Actor } from '#shared/model/write.ts';
import { framePacedPause } from '../services/event-loop.ts';
import type { ProjectFileDialogs } from '../store/project-files.ts';
import { PROJECT_FILE_FILTERS } from '../store/project-files.ts';
import type { Notice } from '../store/ui-state.ts';
import type { CheckedFileJob, FileJobs } from './file-jobs-client.ts';
import type { ProjectsController } from './projects-controller.ts';
import { countWords } from '#shared/text/count-words.ts';

/** What a file brings, as the confirmation shows it. */
export interface IncomingSummary {
  readonly projectName: string;
  readonly sameProject: boolean;
  readonly highlights: number;
  readonly codes: number;
  readonly notes: number;
  /** Memos started in the file (absent: none). */
  readonly memos?: number;
  readonly people: readonly string[];
  /** Pairs of codes with the same name: the file's and this project's. */
  readonly sameNameCodes: readonly { readonly incoming: string; readonly existing: string }[];
  /** True if the file also changes what is already here (edits, codings, keys, the trash). */
  readonly changes: boolean;
}

/** The question on screen, if any. */
export type FileQuestion =
  | { readonly kind: 'none' }
  | { readonly kind: 'merge'; readonly fileName: string; readonly summary: IncomingSummary }
  | { readonly kind: 'open-existing'; readonly fileName: string; readonly projectName: string };

/** What the flow is doing with a file, shown while it works (null: nothing). */
export type FileProgress =
  | { readonly stage: 'checking'; readonly fileName: string }
  /** `applied` of `total` parts of the file are in the project. */
  | { readonly stage: 'merging'; readonly fileName: string; readonly applied: number; readonly total: number }
  /** Opened as a project of its own: `applied` of `total` parts of the file are in the new project. */
  | { readonly stage: 'opening'; readonly fileName: string; readonly applied: number; readonly total: number }
  | null;

/** The open project as the flow needs it (the annotation workspace satisfies this). */
export interface FileFlowHost {
  readonly session: { readonly doc: Y.Doc; flush(): Promise<void> };
  actor(): Actor;
  notify(notice: Notice | null): void;
}

/** The flow. */
export interface FileFlow {
  getSnapshot(): FileQuestion;
  /** What is being done with a file right now. */
  getProgress(): FileProgress;
  subscribe(listener: () => void): () => void;
  /** Lets the person pick a file to merge into the open project. */
  pickAndMerge(): Promise<void>;
  /** Lets the person pick a file to open as a project. */
  pickAndOpen(): Promise<void>;
  /** Describes `bytes` and asks (or says why not). */
  offerMerge(fileName: string, bytes: Uint8Array): Promise<void>;
  /** Merges the file the question is about. */
  confirmMerge(options: { readonly joinSameNameCodes: boolean }): Promise<void>;
  /** Merges the file into the project it belongs to (already here) and opens that project. */
  confirmOpenExisting(): Promise<void>;
  /** Drops the question; nothing changes. */
  cancel(): void;
}

const NONE: FileQuestion = { kind: 'none' };

/** "2 highlights, 1 code and 3 notes" (", … and 1 memo" when memos come too). */
export function describeCounts(summary: Pick<IncomingSummary, 'highlights' | 'codes' | 'notes' | 'memos'>): string {
  const memos = summary.memos ?? 0;
  if (summary.highlights + summary.codes + summary.notes + memos === 0) return 'changes to what is already here (edits, codings, number keys, the trash)';
  const counts = `${countWords(summary.highlights, 'highlight')}, ${countWords(summary.codes, 'code')}`;
  if (memos === 0) return `${counts} and ${countWords(summary.notes, 'note')}`;
  return `${counts}, ${countWords(summary.notes, 'note')} and ${countWords(memos, 'memo')}`;
}

function summaryOf(summary: CheckedFileJob['summary']): IncomingSummary {
  return {
    projectName: summary.name,
    sameProject: summary.sameProject,
    highlights: summary.highlights,
    codes: summary.codes,
    notes: summary.notes,
    memos: summary.memos,
    people: summary.people.map((person) => person.name || 'someone without a name'),
    sameNameCodes: summary.sameNameCodes.map((pair) => ({ incoming: pair.incoming.name, existing: pair.existing.name })),
    changes: summary.changes,
  };
}

/** Creates the flow. */
export function createFileFlow(options: { host: FileFlowHost; dialogs: ProjectFileDialogs; projects: ProjectsController; jobs: FileJobs; texts?: FileTextStore }): FileFlow {
  const { host, dialogs, projects, jobs } = options;
  const listeners = new Set<() => void>();
  let question: FileQuestion = NONE;
  let progress: FileProgress = null;
  let pending: { fileName: string; job?: CheckedFileJob; summary?: IncomingSummary; bytes?: Uint8Array; projectId?: ProjectId; checkedAt?: Uint8Array } | null = null;
  const changed = (): void => {
    for (const listener of [...listeners]) listener();
  };
  const ask = (next: FileQuestion): void => {
    question = next;
    changed();
  };
  const show = (next: FileProgress): void => {
    progress = next;
    changed();
  };
  const refuse = (fileName: string, reason: string, verb: string): void =>
    host.notify({ kind: 'error', text: `“${fileName}” was not ${verb}: ${reason}. Your project is unchanged.` });
  const busy = (): boolean => {
    if (progress === null) return false;
    host.notify({ kind: 'info', text: `“${progress.fileName}” is still being read; try again when it is done.` });
    return true;
  };

  const pick = async (): Promise<{ name: string; bytes: Uint8Array } | null> => {
    try {
      return await dialogs.openFile({ filters: PROJECT_FILE_FILTERS });
    } catch (error) {
      host.notify({ kind: 'error', text: `The file could not be read: ${error instanceof Error ? error.message : String(error)}` });
      return null;
    }
  };

  const offerMerge = async (fileName: string, bytes: Uint8Array): Promise<void> => {
    if (busy()) return;
    show({ stage: 'checking', fileName });
    let checked: Awaited<ReturnType<FileJobs['check']>>;
    // What the project holds when the file is checked; what it gains before Merge (its own
    // stamp, a teammate's edit) is sent along then, so the merge is prepared against all of it.
    const checkedAt = Y.encodeStateVector(host.session.doc);
    try {
      checked = await jobs.check(bytes, Y.encodeStateAsUpdate(host.session.doc));
    } finally {
      show(null);
    }
    if (!checked.ok) {
      refuse(fileName, checked.error, 'merged');
      return;
    }
    const { job } = checked;
    if (!job.summary.changes) {
      job.forget();
      host.notify({ kind: 'info', text: `Nothing new in “${fileName}”: this project already holds everything in it.` });
      return;
    }
    pending?.job?.forget();
    const summary = summaryOf(job.summary);
    pending = { fileName, job, summary, checkedAt };
    ask({ kind: 'merge', fileName, summary });
  };

  return {
    getSnapshot: () => question,
    getProgress: () => progress,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async pickAndMerge() {
      const file = await pick();
      if (file !== null) await offerMerge(file.name, file.bytes);
    },
    async pickAndOpen() {
      const file = await pick();
      if (file === null || busy()) return;
      show({ stage: 'checking', fileName: file.name });
      let outcome: Awaited<ReturnType<ProjectsController['openFile']>>;
      try {
        outcome = await projects.openFile(file.bytes, {
          checked: () => show({ stage: 'opening', fileName: file.name, applied: 0, total: 1 }),
          applying: (applied, total) => show({ stage: 'opening', fileName: file.name, applied, total }),
        });
      } finally {
        show(null);
      }
      if (outcome.kind === 'refused') refuse(file.name, outcome.reason, 'opened');
      else if (outcome.kind === 'already-here' && outcome.active) await offerMerge(file.name, file.bytes);
      else if (outcome.kind === 'already-here') {
        pending = { fileName: file.name, bytes: file.bytes, projectId: outcome.projectId };
        ask({ kind: 'open-existing', fileName: file.name, projectName: outcome.name });
      }
    },
    offerMerge,
    async confirmMerge({ joinSameNameCodes }) {
      const file = pending;
      pending = null;
      ask(NONE);
      if (file?.job === undefined || file.summary === undefined) return;
      const { fileName, job, summary, checkedAt } = file;
      show({ stage: 'merging', fileName, applied: 0, total: 1 });
      let kept: string[] = [];
      try {
        const { slices, texts } = await job.prepare({
          member: host.actor().member,
          join: joinSameNameCodes,
          catchUp: checkedAt === undefined ? null : Y.encodeStateAsUpdate(host.session.doc, checkedAt),
        });
        kept = await storeFileTexts(options.texts, texts);
        await applyInSlices(host.session.doc, slices, {
          origin: importOrigin,
          pause: framePacedPause(),
          onProgress: (applied, total) => show({ stage: 'merging', fileName, applied, total }),
        });
      } catch (error) {
        show(null);
        refuse(fileName, error instanceof Error ? error.message : String(error), 'merged');
        return;
      }
      show(null);
      const lost = kept.length === 0 ? '' : ` Some texts are kept only until the app closes: ${kept.join('; ')}.`;
      host.notify({ kind: kept.length === 0 ? 'info' : 'error', text: `Merged “${fileName}” into this project: ${describeCounts(summary)}.${lost}` });
      void host.session.flush();
    },
    async confirmOpenExisting() {
      const file = pending;
      pending = null;
      ask(NONE);
      if (file?.projectId === undefined || file.bytes === undefined) return;
      const outcome = await projects.mergeIntoAndOpen(file.projectId, file.bytes);
      if (outcome.kind === 'refused') refuse(file.fileName, outcome.reason, 'merged');
    },
    cancel() {
      pending?.job?.forget();
      pending = null;
      ask(NONE);
    },
  };
}
