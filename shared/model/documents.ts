/**
 * Added documents: the project's registry of the documents people brought in themselves
 * (root `d`, docs/architecture.md §4–5).
 *
 * A record holds a document's metadata only — title, author, date, format, file name, the
 * content hash and length of its canonical text. The text itself is stored once, apart
 * from the project doc, under the document's id (project files carry it beside the Yjs
 * update; the sync server keeps it as an immutable blob), so a replica pays for a document's
 * text only when it opens it.
 *
 * Identity comes from the content hash: the id is `doc-` + the first 16 hex digits of the
 * hash of the canonical text (shared/documents/hash.ts `addedDocumentId`). Two people who
 * add the same file offline write the same key; the merge keeps one record (the same on
 * every replica), and since the text is the same, nothing of substance is lost.
 *
 * Removing a document is a trash record on it and, with the same record, on each of its
 * live highlights, so every view already hides them; restoring it restores exactly the
 * highlights that went with it. A new version is a new record pointing back (`pv`) at the
 * old one, which points forward (`nv`) and leaves the library (document-versions.ts).
 */
import * as Y from 'yjs';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { DOCUMENT, HIGHLIGHT, roots, type TrashRecord } from './layout.ts';
import { isRecordMap, readTrash } from './read-guards.ts';
import { write, type Actor, type WriteContext } from './write.ts';

/** Formats a document can be added from. */
export type AddedDocumentFormat = 'md' | 'txt' | 'html' | 'docx' | 'pdf' | 'qdpx';

/** What the registry records about a new document. */
export type NewDocument = {
  readonly id: DocumentId;
  readonly title: string;
  /** True when the file states no title and it was drawn from the document's own words. */
  readonly titleSupplied: boolean;
  readonly author: string | null;
  readonly date: string | null;
  readonly format: AddedDocumentFormat;
  readonly fileName: string;
  /** Full content hash of the canonical text (`sha256:…`). */
  readonly hash: string;
  /** Canonical text length (UTF-16 units). */
  readonly length: number;
};

/** Editable metadata of a document. */
export type DocumentMetaChanges = Partial<Pick<NewDocument, 'title' | 'author' | 'date'>>;

/** What {@link addDocument} did. */
export type AddOutcome = 'added' | 'exists' | 'restored';

function documentMap(doc: Y.Doc, id: DocumentId): Y.Map<unknown> {
  const map: unknown = roots(doc).documents.get(id);
  if (!isRecordMap(map)) throw new Error(`unknown document ${id}`);
  return map;
}

function fillRecord(map: Y.Map<unknown>, input: NewDocument, context: WriteContext): void {
  map.set(DOCUMENT.title, input.title);
  map.set(DOCUMENT.titleSupplied, input.titleSupplied);
  map.set(DOCUMENT.author, input.author);
  map.set(DOCUMENT.date, input.date);
  map.set(DOCUMENT.format, input.format);
  map.set(DOCUMENT.fileName, input.fileName);
  map.set(DOCUMENT.hash, input.hash);
  map.set(DOCUMENT.length, input.length);
  map.set(DOCUMENT.createdBy, context.member);
  map.set(DOCUMENT.createdAt, context.at);
}

/**
 * Records a new document. A document already here (same id: same text) is left as it is
 * (`exists`), or restored from the trash (`restored`), so adding the same file twice never
 * makes two documents.
 */
export function addDocument(doc: Y.Doc, actor: Actor, input: NewDocument, previous?: DocumentId): AddOutcome {
  return write(doc, actor, (context) => {
    const existing: unknown = roots(doc).documents.get(input.id);
    if (isRecordMap(existing)) {
      if (readTrash(existing.get(DOCUMENT.trash)) === null) return 'exists';
      restoreWith(doc, input.id, existing, context);
      return 'restored';
    }
    const map = new Y.Map<unknown>();
    fillRecord(map, input, context);
    if (previous !== undefined) map.set(DOCUMENT.previous, previous);
    roots(doc).documents.set(input.id, map);
    return 'added';
  });
}

/** Changes a document's title, author or date (each its own key, so concurrent edits of different fields both survive). */
export function updateDocumentMeta(doc: Y.Doc, actor: Actor, id: DocumentId, changes: DocumentMetaChanges): void {
  const map = documentMap(doc, id);
  if (changes.title !== undefined && changes.title.trim() === '') throw new Error('a document needs a title');
  write(doc, actor, (context) => {
    if (changes.title !== undefined) {
      map.set(DOCUMENT.title, changes.title.trim());
      map.set(DOCUMENT.titleSupplied, false);
    }
    if (changes.author !== undefined) map.set(DOCUMENT.author, changes.author);
    if (changes.date !== undefined) map.set(DOCUMENT.date, changes.date);
    map.set(DOCUMENT.updatedBy, context.member);
    map.set(DOCUMENT.updatedAt, context.at);
  });
}

/** Moves a document and its live highlights to the trash, under one trash record. */
export function trashDocument(doc: Y.Doc, actor: Actor, id: DocumentId): void {
  const map = documentMap(doc, id);
  write(doc, actor, (context) => {
    const record: TrashRecord = { d: 1, b: context.member, a: context.at };
    map.set(DOCUMENT.trash, record);
    roots(doc).highlights.forEach((highlight) => {
      if (!isRecordMap(highlight) || documentOfHighlight(highlight) !== id) return;
      if (readTrash(highlight.get(HIGHLIGHT.trash)) !== null) return;
      highlight.set(HIGHLIGHT.trash, record);
    });
  });
}

/** Restores a document from the trash with the highlights that went there with it. */
export function restoreDocument(doc: Y.Doc, actor: Actor, id: DocumentId): void {
  const map = documentMap(doc, id);
  write(doc, actor, (context) => restoreWith(doc, id, map, context));
}

function restoreWith(doc: Y.Doc, id: DocumentId, map: Y.Map<unknown>, context: WriteContext): void {
  const trashed = readTrash(map.get(DOCUMENT.trash));
  if (trashed === null) return;
  const restored: TrashRecord = { d: 0, b: context.member, a: context.at };
  map.set(DOCUMENT.trash, restored);
  roots(doc).highlights.forEach((highlight) => {
    if (!isRecordMap(highlight) || documentOfHighlight(highlight) !== id) return;
    const own = readTrash(highlight.get(HIGHLIGHT.trash));
    if (own !== null && own.by === trashed.by && own.at === trashed.at) highlight.set(HIGHLIGHT.trash, restored);
  });
}

function documentOfHighlight(map: Y.Map<unknown>): string | undefined {
  const anchor = map.get(HIGHLIGHT.anchor) as { d?: unknown } | undefined;
  return typeof anchor === 'object' && anchor !== null && typeof anchor.d === 'string' ? anchor.d : undefined;
}
