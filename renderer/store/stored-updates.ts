/**
 * A project's IndexedDB database, read and written directly: one database per project,
 * an auto-incremented `updates` store holding the doc's Yjs updates oldest first, and a
 * `custom` store — the layout y-indexeddb 9 creates, so databases written by earlier
 * versions of the app open unchanged.
 *
 * Plain IndexedDB against the factory it is given (tests pass fake-indexeddb). Writes are
 * fire-and-forget: a failed write's error and abort events bubble from its transaction to
 * the IDBDatabase, where local-persistence.ts listens.
 */

const UPDATES = 'updates';
const CUSTOM = 'custom';

/** What the `updates` store holds, read in one transaction. */
export interface StoredUpdates {
  readonly updates: Uint8Array[];
  /** Key of the newest update (null when the store is empty). */
  readonly lastKey: number | null;
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      reject(request.error ?? new Error('IndexedDB request failed'));
    };
  });
}

/** Opens (creating when new) the database `name` with the two stores. */
export function openUpdateStore(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  const request = factory.open(name);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true });
    if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM);
  };
  return requestResult(request);
}

/**
 * Stored updates read per request. A project's compacted slices are ~40 KB each: the 10k
 * reference project's 4.5 MB read in one request arrived as one task that held the page
 * for 40–60 ms while it was turned back into arrays; 16 at a time is ~0.6 MB a task.
 */
export const READ_BATCH = 16;

/** Updates added per task when replacing stored updates (each add copies its value on the page's thread). */
export const REPLACE_BATCH = 8;

/** The stored updates as they are being read: their batches, oldest first, and the newest key. */
export type StoredBatches = {
  /** Batches of at most {@link READ_BATCH} updates, each arriving in its own task. */
  readonly batches: readonly Promise<Uint8Array[]>[];
  readonly lastKey: number | null;
};

/** Starts reading every stored update: the keys first, then the values in batches of {@link READ_BATCH}, all asked for at once in one transaction. */
export async function readStoredBatches(db: IDBDatabase): Promise<StoredBatches> {
  const store = db.transaction([UPDATES], 'readonly').objectStore(UPDATES);
  const keys = await requestResult(store.getAllKeys());
  const batches: Promise<Uint8Array[]>[] = [];
  for (let at = 0; at < keys.length; at += READ_BATCH) {
    const first = keys[at] as IDBValidKey;
    const last = keys[Math.min(at + READ_BATCH, keys.length) - 1] as IDBValidKey;
    batches.push(requestResult(store.getAll(IDBKeyRange.bound(first, last))) as Promise<Uint8Array[]>);
  }
  const last = keys[keys.length - 1];
  return { batches, lastKey: typeof last === 'number' ? last : null };
}

/** Every stored update, oldest first, and the newest key (see {@link readStoredBatches}). */
export async function readStoredUpdates(db: IDBDatabase): Promise<StoredUpdates> {
  const { batches, lastKey } = await readStoredBatches(db);
  return { updates: (await Promise.all(batches)).flat(), lastKey };
}

/** Appends `updates`, oldest first, in one readwrite transaction (failures bubble to the database). */
export function appendUpdates(db: IDBDatabase, updates: readonly Uint8Array[]): void {
  const store = db.transaction([UPDATES], 'readwrite').objectStore(UPDATES);
  for (const update of updates) store.add(update);
}

/** Appends `update` (one readwrite transaction; failures bubble to the database). */
export function appendUpdate(db: IDBDatabase, update: Uint8Array): void {
  appendUpdates(db, [update]);
}

/**
 * Replaces the updates with keys up to `lastKey` by `updates` (the same state, compacted),
 * in one readwrite transaction: either all of it happens or none. Updates stored after
 * `lastKey` stay. Resolves when committed; rejects when the transaction fails. The adds go
 * {@link REPLACE_BATCH} per task (the next batch from the last add's success, which keeps
 * the transaction alive): each add copies its value, and the 10k project's 4.5 MB added at
 * once held the page for ~60 ms.
 */
export function replaceStoredUpdates(db: IDBDatabase, lastKey: number, updates: readonly Uint8Array[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction([UPDATES], 'readwrite');
    const store = transaction.objectStore(UPDATES);
    store.delete(IDBKeyRange.upperBound(lastKey));
    let next = 0;
    const addBatch = (): void => {
      const end = Math.min(next + REPLACE_BATCH, updates.length);
      let last: IDBRequest | null = null;
      for (; next < end; next++) last = store.add(updates[next] as Uint8Array);
      if (last !== null && next < updates.length) last.onsuccess = addBatch;
    };
    addBatch();
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
  });
}

/** Resolves when every write started before it is committed (readwrite transactions on one store run in order). */
export function committed(db: IDBDatabase): Promise<void> {
  return new Promise((resolve) => {
    try {
      const transaction = db.transaction([UPDATES], 'readwrite');
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => resolve();
      transaction.onabort = () => resolve();
    } catch {
      resolve();
    }
  });
}
