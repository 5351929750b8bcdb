/**
 * Added documents' texts in PostgreSQL (schema 2, postgres-database.ts): the same
 * immutable rows as the SQLite store (document-texts.ts), shared by every instance. A
 * write is one `INSERT … ON CONFLICT DO NOTHING`, so two instances storing the same text
 * at once store it once and both answer that it is there.
 */
import type pg from 'pg';
import type { DocumentTexts } from './document-texts.ts';
import type { AsyncMethods } from './server-store.ts';

/** The PostgreSQL text store. */
export type PostgresDocumentTexts = AsyncMethods<DocumentTexts>;

/** Creates the text store over a pool whose schema is migrated. */
export function createPostgresDocumentTexts(pool: pg.Pool): PostgresDocumentTexts {
  return {
    async get(projectId, documentId) {
      const { rows } = await pool.query<{ text: string }>(
        'SELECT text FROM document_texts WHERE project_id = $1 AND id = $2',
        [projectId, documentId],
      );
      return rows[0]?.text ?? null;
    },
    async put(projectId, documentId, text, bytes) {
      const result = await pool.query(
        'INSERT INTO document_texts (project_id, id, text, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [projectId, documentId, text, bytes],
      );
      return (result.rowCount ?? 0) > 0 ? 'stored' : 'exists';
    },
  };
}
