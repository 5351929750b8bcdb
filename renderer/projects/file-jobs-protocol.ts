/**
 * The messages between the page and the project-file worker (file-jobs.worker.ts), and
 * their checks: each side reads what it receives through `readJobRequest` /
 * `readJobReply`, so a malformed message is dropped (or answered as a failure), never
 * trusted.
 *
 * A job is one file: `check` frames, validates, decodes and describes it against a copy of
 * the open project (its state as one update, or null for an empty project) and keeps both
 * in the worker; `prepare` computes the update that merges it (same-name codes joined if
 * asked) cut into slices the page applies one task at a time, with the texts of the added
 * documents the file carries (checked against its registry) for the page to store before
 * it applies them — or, asked `whole` for a new project (checked against an empty one),
 * the file's update in one piece with the project's summary, for the page to store as the
 * new project's database without reading it; `forget` frees the job.
 */
import type { MemberId, TagId } from '#shared/model/ids.ts';
import type { IncomingSummary } from '#shared/model/incoming-summary.ts';
import type { ProjectSummary } from '../store/project-registry.ts';

/** The text of one added document a file carries: document id, article file. */
export type FileText = readonly [id: string, text: string];

/** The page's requests. */
export type JobRequest =
  | { readonly kind: 'check'; readonly job: number; readonly bytes: Uint8Array; readonly live: Uint8Array | null; readonly maxBytes?: number }
  | { readonly kind: 'prepare'; readonly job: number; readonly member: MemberId | null; readonly join: boolean; readonly catchUp: Uint8Array | null; readonly sliceStructs: number; readonly whole?: boolean }
  | { readonly kind: 'forget'; readonly job: number };

/** The worker's replies (none to `forget`). */
export type JobReply =
  | { readonly kind: 'checked'; readonly job: number; readonly summary: IncomingSummary }
  | { readonly kind: 'refused'; readonly job: number; readonly error: string }
  | { readonly kind: 'prepared'; readonly job: number; readonly slices: readonly Uint8Array[]; readonly joined: number; readonly texts: readonly FileText[]; readonly summary?: ProjectSummary }
  | { readonly kind: 'failed'; readonly job: number; readonly error: string };

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const isJob = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isString = (value: unknown): value is string => typeof value === 'string';
const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;
const isFileText = (value: unknown): value is FileText => Array.isArray(value) && value.length === 2 && isString(value[0]) && value[0] !== '' && isString(value[1]);

function isCodeRef(value: unknown): value is { id: TagId; name: string } {
  return isObject(value) && isString(value.id) && isString(value.name);
}

/** True if `value` is a project summary as `summarizeDoc` makes it. */
export function isProjectSummary(value: unknown): value is ProjectSummary {
  if (!isObject(value)) return false;
  const { name, members, highlights, codes, notes, lastChange } = value;
  return isString(name) && Array.isArray(members) && members.every(isString) && isCount(highlights) && isCount(codes) && isCount(notes)
    && (lastChange === null || (typeof lastChange === 'number' && Number.isFinite(lastChange)));
}

/** True if `value` is a summary as `summarizeIncoming` makes it. */
export function isIncomingSummary(value: unknown): value is IncomingSummary {
  if (!isObject(value)) return false;
  const { projectId, name, sameProject, highlights, codes, notes, memos, people, sameNameCodes, changes } = value;
  return isString(projectId) && isString(name) && typeof sameProject === 'boolean' && typeof changes === 'boolean'
    && isCount(highlights) && isCount(codes) && isCount(notes) && isCount(memos)
    && Array.isArray(people) && people.every((person) => isObject(person) && isString(person.id) && isString(person.name))
    && Array.isArray(sameNameCodes) && sameNameCodes.every((pair) => isObject(pair) && isCodeRef(pair.incoming) && isCodeRef(pair.existing));
}

/** The request `data` holds, or null if it is not one. */
export function readJobRequest(data: unknown): JobRequest | null {
  if (!isObject(data) || !isJob(data.job)) return null;
  const job = data.job;
  switch (data.kind) {
    case 'check':
      if (!isBytes(data.bytes) || !(data.live === null || isBytes(data.live))) return null;
      if (data.maxBytes !== undefined && !isCount(data.maxBytes)) return null;
      return { kind: 'check', job, bytes: data.bytes, live: data.live, ...(data.maxBytes === undefined ? {} : { maxBytes: data.maxBytes }) };
    case 'prepare':
      if (!(data.member === null || isString(data.member)) || typeof data.join !== 'boolean') return null;
      if (!isCount(data.sliceStructs) || data.sliceStructs < 1) return null;
      if (!(data.catchUp === undefined || data.catchUp === null || isBytes(data.catchUp))) return null;
      if (!(data.whole === undefined || typeof data.whole === 'boolean')) return null;
      return { kind: 'prepare', job, member: data.member as MemberId | null, join: data.join, catchUp: (data.catchUp ?? null) as Uint8Array | null, sliceStructs: data.sliceStructs, ...(data.whole === true ? { whole: true } : {}) };
    case 'forget':
      return { kind: 'forget', job };
    default:
      return null;
  }
}

/** The reply `data` holds, or null if it is not one. */
export function readJobReply(data: unknown): JobReply | null {
  if (!isObject(data) || !isJob(data.job)) return null;
  const job = data.job;
  switch (data.kind) {
    case 'checked':
      return isIncomingSummary(data.summary) ? { kind: 'checked', job, summary: data.summary } : null;
    case 'refused':
    case 'failed':
      return isString(data.error) ? { kind: data.kind, job, error: data.error } : null;
    case 'prepared':
      if (!Array.isArray(data.slices) || !data.slices.every(isBytes) || !isCount(data.joined)) return null;
      if (!Array.isArray(data.texts) || !data.texts.every(isFileText)) return null;
      if (!(data.summary === undefined || isProjectSummary(data.summary))) return null;
      return { kind: 'prepared', job, slices: data.slices, joined: data.joined, texts: data.texts, ...(data.summary === undefined ? {} : { summary: data.summary }) };
    default:
      return null;
  }
}

