/**
 * Reading the added-documents registry (root `d`, documents.ts): every record of the right
 * shape as a {@link DocumentView}; a record of the wrong shape is skipped, never trusted.
 */
import type * as Y from 'yjs';
import { isDocumentId, type DocumentId } from '#shared/documents/manifest.ts';
import type { AddedDocumentFormat } from './documents.ts';
import type { MemberId } from './ids.ts';
import { DOCUMENT, roots } from './layout.ts';
import { isRecordMap, readString, readTime, readTrash, type TrashInfo } from './read-guards.ts';

/** An added document as shown in the library. */
export type DocumentView = {
  readonly id: DocumentId;
  readonly title: string;
  readonly titleSupplied: boolean;
  readonly author: string | null;
  readonly date: string | null;
  readonly format: AddedDocumentFormat;
  readonly fileName: string;
  readonly hash: string;
  readonly length: number;
  readonly addedBy: MemberId;
  readonly addedAt: number;
  /** Who moved it to the trash and when, or null while it is in the library. */
  readonly deleted: TrashInfo | null;
  /** The document this one is a new version of. */
  readonly previous: DocumentId | null;
  /** The newer version that replaced this one. */
  readonly next: DocumentId | null;
};

const formats: ReadonlySet<string> = new Set(['md', 'txt', 'html', 'docx', 'pdf', 'qdpx']);

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function optionalId(value: unknown): DocumentId | null {
  return isDocumentId(value) ? value : null;
}

/** Reads one record; undefined when it is not a document record. */
export function readDocument(id: string, value: unknown): DocumentView | undefined {
  if (!isDocumentId(id) || !isRecordMap(value)) return undefined;
  const title = readString(value.get(DOCUMENT.title));
  const hash = readString(value.get(DOCUMENT.hash));
  const format = value.get(DOCUMENT.format);
  const length = value.get(DOCUMENT.length);
  if (title === undefined || hash === undefined || typeof format !== 'string' || !formats.has(format)) return undefined;
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) return undefined;
  return {
    id,
    title,
    titleSupplied: value.get(DOCUMENT.titleSupplied) === true,
    author: optionalString(value.get(DOCUMENT.author)),
    date: optionalString(value.get(DOCUMENT.date)),
    format: format as AddedDocumentFormat,
    fileName: readString(value.get(DOCUMENT.fileName)) ?? '',
    hash,
    length,
    addedBy: (readString(value.get(DOCUMENT.createdBy)) ?? '') as MemberId,
    addedAt: readTime(value.get(DOCUMENT.createdAt)) ?? 0,
    deleted: readTrash(value.get(DOCUMENT.trash)),
    previous: optionalId(value.get(DOCUMENT.previous)),
    next: optionalId(value.get(DOCUMENT.next)),
  };
}

/** Every readable document record, oldest first (ties by id, so every replica lists them alike). */
export function listDocuments(doc: Y.Doc): DocumentView[] {
  const views: DocumentView[] = [];
  roots(doc).documents.forEach((value, id) => {
    const view = readDocument(id, value);
    if (view) views.push(view);
  });
  return views.sort((a, b) => a.addedAt - b.addedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The documents the library shows: not in the trash and not replaced by a newer version. */
export function libraryDocuments(doc: Y.Doc): DocumentView[] {
  return listDocuments(doc).filter((view) => view.deleted === null && view.next === null);
}

/** The record of document `id`, or undefined when there is none (or it cannot be read). */
export function readDocumentById(doc: Y.Doc, id: DocumentId): DocumentView | undefined {
  return readDocument(id, roots(doc).documents.get(id));
}
