/**
 * Writing a new project's content straight into its IndexedDB database, in the layout
 * y-indexeddb reads (an `updates` store with auto-increment keys holding Yjs updates, and
 * a `custom` store), without a doc on the page: a project file opened as a project of its
 * own is stored as its one update, and the page that opens the project next reads it as
 * it reads any project. Nothing decodes or integrates the update here.
 */
import * as idb from 'lib0/indexeddb';

/** Adds `update` to the project database `name` (created if missing); resolves once it is committed. */
export async function storeProjectUpdate(name: string, update: Uint8Array): Promise<void> {
  let db: IDBDatabase;
  try {
    db = await idb.openDB(name, (created) => idb.createStores(created, [['updates', { autoIncrement: true }], ['custom']]));
  } catch (error) {
    throw new Error(`the project could not be stored (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  try {
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(['updates'], 'readwrite');
      transaction.objectStore('updates').add(update);
      transaction.oncomplete = () => resolve();
      const fail = (): void => reject(new Error(`the project could not be stored (${transaction.error?.message ?? 'the write was aborted'})`));
      transaction.onerror = fail;
      transaction.onabort = fail;
    });
  } finally {
    db.close();
  }
}
