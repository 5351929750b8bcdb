/**
 * Merging a project file into a project, and describing what it would bring first.
 *
 * Merging is a CRDT merge — the same result as syncing with the file's writer, nothing
 * duplicated. The layout keeps every record in root maps keyed by random ids, so files of
 * projects that started apart (two people who each installed Marginalia and began coding)
 * merge as safely as files of the same project. Two things are specific to such files:
 * - the project meta: the receiving doc keeps its own id and name, written back as part of
 *   the merged update (project-id.ts), so the project never reads as the other one;
 * - same-name codes: arriving codes named like codes already here are joined (unless
 *   `mergeSameNameCodes: false`), each group into its smallest id (same-name-codes.ts).
 * `doc` receives all of it as one update in one transaction under `importOrigin`, so undo
 * never captures it and no observer ever sees the other project's name. A file
 * is checked completely on a scratch doc first (project-file-check.ts): one that is not a
 * usable project file is refused with the reason and the doc is not touched.
 *
 * The texts of added documents are not project doc content: a merge returns every text the
 * file carries (each already checked against its record), for the caller to store.
 */
import * as Y from 'yjs';
import { summarizeIncoming, type IncomingSummary } from './incoming-summary.ts';
import { importOrigin } from './origins.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { checkProjectFile, type CheckedProjectFile, type RefusedProjectFile } from './project-file-check.ts';
import { keepProjectIdentity } from './project-id.ts';
import { getProjectMeta } from './project.ts';
import { joinSameNameCodes, type SameNameCodes } from './same-name-codes.ts';
import { checkSchema } from './schema.ts';
import { memberOfClient, type Actor } from './write.ts';

/** How to merge a project file. */
export type MergeOptions = {
  /**
   * Who merges: the person whose client joins same-name codes. Default: the member this
   * doc's Yjs client writes for, else whoever last set the project's name; with neither,
   * same-name codes are left apart.
   */
  readonly actor?: Actor;
  /** Join arriving codes named like codes already here (default true). */
  readonly mergeSameNameCodes?: boolean;
  /** Largest file accepted (bytes); default `PROJECT_FILE_MAX_BYTES`. */
  readonly maxBytes?: number;
};

/**
 * Result of merging a project file: what it brought, which same-name codes were joined and
 * the texts of the added documents it carries (article files by id, for the caller to
 * store), or why it was refused.
 */
export type MergeResult =
  | { readonly ok: true; readonly summary: IncomingSummary; readonly joinedCodes: readonly SameNameCodes[]; readonly texts: ReadonlyMap<DocumentId, string> }
  | RefusedProjectFile;

/** Result of describing a project file. */
export type DescribeResult = { readonly ok: true; readonly summary: IncomingSummary } | RefusedProjectFile;

/** Checks `bytes` completely and says what merging them into `doc` would bring; `doc` is only read. */
export function describeProjectFile(doc: Y.Doc, bytes: Uint8Array, options: Pick<MergeOptions, 'maxBytes'> = {}): DescribeResult {
  const checked = checkProjectFile(bytes, options.maxBytes);
  if (!checked.ok) return checked;
  try {
    return { ok: true, summary: summarizeIncoming(doc, checked.scratch, checked.meta, getProjectMeta(doc).id) };
  } finally {
    checked.dispose();
  }
}

function defaultActor(doc: Y.Doc): Actor | undefined {
  const member = memberOfClient(doc, doc.clientID) ?? getProjectMeta(doc).updatedBy;
  return member === undefined ? undefined : { member };
}

/** The update that merging a checked file into `doc` applies, and the codes it joins. */
export type PreparedMerge = { readonly update: Uint8Array; readonly joinedCodes: readonly SameNameCodes[] };

/**
 * Computes, without touching `doc`, the one update that merges `checked` into it: the file's
 * own update when nothing is written, else the file plus the identity and joins written on
 * the scratch doc (which this consumes: it then holds both sides). `doc` may be a copy of
 * the receiving doc (a worker's), since only its state is read; `summary` is what
 * `summarizeIncoming` said of the file against it.
 */
export function prepareMerge(doc: Y.Doc, checked: CheckedProjectFile, summary: IncomingSummary, options: Pick<MergeOptions, 'actor' | 'mergeSameNameCodes'> = {}): PreparedMerge {
  const own = getProjectMeta(doc);
  const actor = options.actor ?? defaultActor(doc);
  const fromAnotherProject = own.id !== undefined && own.id !== checked.meta.id;
  const join = options.mergeSameNameCodes !== false && summary.sameNameCodes.length > 0 && actor !== undefined && checkSchema(doc).writable;
  if (!fromAnotherProject && !join) return { update: checked.update, joinedCodes: [] };
  // The identity and the joins are written on the scratch doc, which then holds both
  // sides, by its own new Yjs client; `doc` receives file and writes as one update. (Its
  // own client writing in a transaction that also applies remote changes would make Yjs
  // give `doc` a new client id.)
  const merged = checked.scratch;
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(doc));
  let joinedCodes: SameNameCodes[] = [];
  merged.transact(() => {
    if (fromAnotherProject) keepProjectIdentity(merged, own);
    if (join && actor !== undefined) joinedCodes = joinSameNameCodes(merged, actor, summary.sameNameCodes);
  });
  return { update: Y.encodeStateAsUpdate(merged, Y.encodeStateVector(doc)), joinedCodes };
}

/**
 * Merges a project file into `doc` (see the module comment). On any error the doc is left
 * untouched and the error says why.
 */
export function mergeProjectFile(doc: Y.Doc, bytes: Uint8Array, options: MergeOptions = {}): MergeResult {
  const checked = checkProjectFile(bytes, options.maxBytes);
  if (!checked.ok) return checked;
  try {
    const summary = summarizeIncoming(doc, checked.scratch, checked.meta, getProjectMeta(doc).id);
    const prepared = prepareMerge(doc, checked, summary, options);
    Y.applyUpdate(doc, prepared.update, importOrigin);
    return { ok: true, summary, joinedCodes: [...prepared.joinedCodes], texts: checked.texts };
  } finally {
    checked.dispose();
  }
}
