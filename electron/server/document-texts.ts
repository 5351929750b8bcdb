/**
 * The texts of added documents as the sync server stores them (docs/architecture.md §6):
 * one immutable row per project and document id (`document_texts`; the `documents` table
 * holds the rooms). A text is written once and never changed — its id is derived from its
 * content, so a second write of the same id is the same text and is simply not done.
 *
 * This module holds the interface and the SQLite engine (synchronous, like the rest of the
 * SQLite store); postgres-document-texts.ts holds the PostgreSQL one.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { DocumentId } from '#shared/documents/manifest.ts';
import type { ProjectId } from '#shared/model/ids.ts';

/** What storing a text did: written now, or already there (nothing rewritten). */
export type TextPutOutcome = 'stored' | 'exists';

/** Added documents' texts, per project. */
export interface DocumentTexts {
  /** The text of `documentId` in `projectId`, or null when it was never stored. */
  get(projectId: ProjectId, documentId: DocumentId): string | null;
  /** Stores a checked text unless that id is already stored (then nothing is written). */
  put(projectId: ProjectId, documentId: DocumentId, text: string, bytes: number): TextPutOutcome;
}

/** Creates the SQLite text store over an open server database (server-database.ts). */
export function createDocumentTexts(db: DatabaseSync): DocumentTexts {
  const select = db.prepare('SELECT text FROM document_texts WHERE project_id = ? AND id = ?');
  const insert = db.prepare(
    'INSERT INTO document_texts (project_id, id, text, bytes, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  return {
    get(projectId, documentId) {
      const row = select.get(projectId, documentId) as { text: string } | undefined;
      return row ? row.text : null;
    },
    put(projectId, documentId, text, bytes) {
      const result = insert.run(projectId, documentId, text, bytes, new Date().toISOString());
      return Number(result.changes) > 0 ? 'stored' : 'exists';
    },
  };
}
