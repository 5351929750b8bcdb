/**
 * Checking a project file completely before anything is merged: framing and checksum
 * (project-file-frame.ts), then the update is checked against the project layout without
 * building anything (update-validation.ts, the sync server's check), then it is decoded into a scratch doc, which must be
 * complete (no missing dependencies), hold a Marginalia project, and be of a schema major
 * this client can write; last, the texts of added documents the file carries must be
 * exactly those of its registry's records, each the text its record names
 * (project-file-texts.ts). Only a file that passes every check ever reaches a real doc, so
 * a damaged, truncated, foreign, newer or oversized file, or one whose texts are missing or
 * tampered with, changes nothing.
 *
 * A file from another project is not an error: projects that started apart merge (see
 * project-merge.ts). The scratch doc is handed back so callers can read what the file holds.
 */
import * as Y from 'yjs';
import { getProjectMeta, type ProjectMeta } from './project.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { readProjectFile } from './project-file-frame.ts';
import { checkDocumentTexts } from './project-file-texts.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { validateUpdate, type UpdateLimits } from './update-validation.ts';

/**
 * Bounds for a whole project in one update: the sync server's per-update struct bound is
 * for edits, a file carries everything (a 10k-highlight project is about 56k structs), so
 * only the same-position bound, which keeps integration linear, stays as tight.
 */
const PROJECT_FILE_UPDATE_LIMITS: UpdateLimits = { maxStructs: 4_000_000, maxDeleteRanges: 4_000_000, maxSameOriginSiblings: 64 };

/** A project file that passed every check. Call `dispose` when done with `scratch`. */
export type CheckedProjectFile = {
  readonly ok: true;
  /** The file's Yjs update. */
  readonly update: Uint8Array;
  /** A doc holding only the file's contents (never the caller's doc). */
  readonly scratch: Y.Doc;
  /** The article files of the added documents it carries, by document id (each checked against its record). */
  readonly texts: ReadonlyMap<DocumentId, string>;
  /** The file's project meta. */
  readonly meta: ProjectMeta & { readonly id: NonNullable<ProjectMeta['id']> };
  /** Frees the scratch doc. */
  dispose(): void;
};

/** Why a file was refused, worded for a person. */
export type RefusedProjectFile = { readonly ok: false; readonly error: string };

/** Checks `bytes` as a project file; on success the caller owns the returned scratch doc. */
export function checkProjectFile(bytes: Uint8Array, maxBytes?: number): CheckedProjectFile | RefusedProjectFile {
  const framed = readProjectFile(bytes, maxBytes);
  if ('error' in framed) return { ok: false, error: framed.error };
  // The same check the sync server runs on every update, before anything is built from it.
  const verdict = validateUpdate(framed.update, { limits: PROJECT_FILE_UPDATE_LIMITS });
  if (!verdict.ok) {
    return { ok: false, error: verdict.malformed ? 'the project file is damaged (its contents cannot be decoded)' : `the file holds no Marginalia project as this app writes them (${verdict.reason})` };
  }
  const scratch = new Y.Doc({ gc: false });
  const refuse = (error: string): RefusedProjectFile => {
    scratch.destroy();
    return { ok: false, error };
  };
  try {
    Y.applyUpdate(scratch, framed.update);
  } catch {
    return refuse('the project file is damaged (its contents cannot be decoded)');
  }
  if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) {
    return refuse('the project file is incomplete (it depends on changes it does not contain)');
  }
  const meta = getProjectMeta(scratch);
  if (meta.id === undefined || meta.schema === undefined) return refuse('the file holds no Marginalia project');
  if (meta.schema.major > SCHEMA_VERSION.major) {
    return refuse(`the file was written by a newer Marginalia (schema ${meta.schema.major}); update the app to open it`);
  }
  const texts = checkDocumentTexts(scratch, framed.texts);
  if (!texts.ok) return refuse(texts.error);
  return { ok: true, update: framed.update, texts: texts.texts, scratch, meta: { ...meta, id: meta.id }, dispose: () => scratch.destroy() };
}
