/**
 * Writing a new project's content straight into its IndexedDB database (stored-updates.ts,
 * the layout every project database has) without a doc on the page: a project file opened
 * as a project of its own is stored as its one update, and the page that opens the project
 * next reads it as it reads any project. Nothing decodes or integrates the update here.
 */
import { appendUpdate, committed, openUpdateStore } from './stored-updates.ts';

/** Adds `update` to the project database `name` (created if missing); resolves once it is committed. */
export async function storeProjectUpdate(name: string, update: Uint8Array): Promise<void> {
  const failed = (error: unknown): Error => new Error(`the project could not be stored (${error instanceof Error ? error.message : String(error ?? 'the write was aborted')})`, { cause: error });
  let db: IDBDatabase;
  try {
    db = await openUpdateStore(indexedDB, name);
  } catch (error) {
    throw failed(error);
  }
  try {
    let failure: unknown = null;
    const onFailure = (event: Event): void => {
      const target = event.target as IDBRequest | IDBTransaction | null;
      failure ??= (target && 'error' in target ? target.error : null) ?? new Error('the write was aborted');
    };
    db.addEventListener('error', onFailure);
    db.addEventListener('abort', onFailure);
    appendUpdate(db, update);
    await committed(db);
    if (failure !== null) throw failed(failure);
  } finally {
    db.close();
  }
}
