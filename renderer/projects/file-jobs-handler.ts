/**
 * The project-file work that runs off the page's main thread (file-jobs.worker.ts runs it
 * in a Web Worker; where no worker can start, the page runs the same handler itself):
 * checking a file completely (framing, checksum, the layout check, decoding on a scratch
 * doc), describing what it brings against a copy of the open project, and computing the
 * update that merges it, joins of same-name codes included, reduced to what the project
 * lacks and cut into slices in causal order (causal-slices.ts), so none waits on the page. All of it is
 * pure: nothing here touches the open project, which only ever receives the slices.
 */
import * as Y from 'yjs';
import { summarizeIncoming, type IncomingSummary } from '#shared/model/incoming-summary.ts';
import { checkProjectFile, type CheckedProjectFile } from '#shared/model/project-file-check.ts';
import { prepareMerge } from '#shared/model/project-merge.ts';
import { getProjectMeta } from '#shared/model/project.ts';
import { causalSlices } from '#shared/model/causal-slices.ts';
import { summarizeDoc } from '../store/project-summary.ts';
import type { JobReply, JobRequest } from './file-jobs-protocol.ts';

/** A file checked and described, kept until it is prepared or forgotten. */
type HeldJob = { readonly live: Y.Doc; readonly checked: CheckedProjectFile; readonly summary: IncomingSummary };

/** The handler: one answer per request (none for `forget`). */
export interface FileJobHandler {
  handle(request: JobRequest): JobReply | null;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Creates a handler holding its jobs in memory. */
export function createFileJobHandler(): FileJobHandler {
  const jobs = new Map<number, HeldJob>();
  const forget = (job: number): void => {
    const held = jobs.get(job);
    jobs.delete(job);
    held?.checked.dispose();
    held?.live.destroy();
  };

  const check = (request: Extract<JobRequest, { kind: 'check' }>): JobReply => {
    forget(request.job);
    const checked = checkProjectFile(request.bytes, request.maxBytes);
    if (!checked.ok) return { kind: 'refused', job: request.job, error: checked.error };
    const live = new Y.Doc();
    if (request.live !== null) Y.applyUpdate(live, request.live);
    const summary = summarizeIncoming(live, checked.scratch, checked.meta, getProjectMeta(live).id);
    jobs.set(request.job, { live, checked, summary });
    return { kind: 'checked', job: request.job, summary };
  };

  const prepare = (request: Extract<JobRequest, { kind: 'prepare' }>): JobReply => {
    const held = jobs.get(request.job);
    if (held === undefined) return { kind: 'failed', job: request.job, error: 'the file is no longer at hand; choose it again' };
    try {
      const actor = request.member === null ? undefined : { member: request.member };
      if (request.catchUp !== null) Y.applyUpdate(held.live, request.catchUp);
      const merge = prepareMerge(held.live, held.checked, held.summary, { ...(actor ? { actor } : {}), mergeSameNameCodes: request.join });
      if (request.whole === true) {
        // A new project's content: the update in one piece and what the project list shows of
        // it (the scratch doc holds the file, which against an empty project is the result).
        return { kind: 'prepared', job: request.job, slices: [merge.update], joined: merge.joinedCodes.length, texts: [...held.checked.texts], summary: summarizeDoc(held.checked.scratch) };
      }
      // What the project lacks, cut in causal order, so no slice waits on the page.
      const slices = causalSlices(Y.diffUpdate(merge.update, Y.encodeStateVector(held.live)), request.sliceStructs);
      return { kind: 'prepared', job: request.job, slices, joined: merge.joinedCodes.length, texts: [...held.checked.texts] };
    } finally {
      forget(request.job);
    }
  };

  return {
    handle(request) {
      try {
        if (request.kind === 'check') return check(request);
        if (request.kind === 'prepare') return prepare(request);
        forget(request.job);
        return null;
      } catch (error) {
        forget(request.job);
        return { kind: 'failed', job: request.job, error: message(error) };
      }
    },
  };
}
