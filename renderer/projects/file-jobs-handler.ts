/**
 * The project-file work that runs off the page's main thread (file-jobs.worker.ts runs it
 * in a Web Worker; where no worker can start, the page runs the same handler itself):
 * checking a file completely (framing, checksum, the layout check, decoding on a scratch
 * doc), describing what it brings against a copy of the open project, and computing the
 * update that merges it, joins of same-name codes included, cut into slices. All of it is
 * pure: nothing here touches the open project, which only ever receives the slices.
 */
import * as Y from 'yjs';
import { summarizeIncoming, type IncomingSummary } from '#shared/model/incoming-summary.ts';
import { checkProjectFile, type CheckedProjectFile } from '#shared/model/project-file-check.ts';
import { prepareMerge } from '#shared/model/project-merge.ts';
import { getProjectMeta } from '#shared/model/project.ts';
import { updateSlices } from '#shared/model/update-slices.ts';
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

/**
 * `update` cut into slices of about `maxStructs` structs that each depend only on what the
 * receiving doc (`live`, which this advances) and the slices before hold. Raw slices
 * (update-slices.ts) follow the update's byte order, so a struct often waits for another
 * client's struct in a later slice, and Yjs re-reads everything waiting on each slice
 * applied after it; replayed here, each raw slice is replaced by what it let `live`
 * integrate, so the page's doc never waits. Applied in order they leave a doc as `update`.
 */
export function closedSlices(live: Y.Doc, update: Uint8Array, maxStructs: number): Uint8Array[] {
  const slices: Uint8Array[] = [];
  let before = Y.encodeStateVector(live);
  for (const raw of updateSlices(update, maxStructs)) {
    Y.applyUpdate(live, raw);
    const after = Y.encodeStateVector(live);
    if (sameBytes(before, after)) {
      // Nothing integrated: structs now waiting here (a later step brings them with what
      // they wait for), or the update's deletions, which go to the page as they are.
      if (live.store.pendingStructs === null) slices.push(raw);
      continue;
    }
    slices.push(integratedSince(live, before));
    before = after;
  }
  return slices;
}

/** The structs `doc` holds past `stateVector`, without its delete set or what still waits. */
function integratedSince(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  // encodeStateAsUpdate adds the structs still waiting; they are not the page's yet.
  const { pendingStructs, pendingDs } = doc.store;
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  try {
    const [structs] = updateSlices(Y.encodeStateAsUpdate(doc, stateVector), Number.MAX_SAFE_INTEGER);
    return structs as Uint8Array;
  } finally {
    doc.store.pendingStructs = pendingStructs;
    doc.store.pendingDs = pendingDs;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
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
      return { kind: 'prepared', job: request.job, slices: closedSlices(held.live, merge.update, request.sliceStructs), joined: merge.joinedCodes.length, texts: [...held.checked.texts] };
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
