/**
 * The project's IndexedDB persistence (y-indexeddb) with the two things y-indexeddb leaves
 * to its caller: failures and flushing.
 *
 * What y-indexeddb does (node_modules/y-indexeddb/src/y-indexeddb.js): on open it applies
 * every stored update, then stores the doc's full state once; after that each doc update is
 * added to the `updates` store as it happens (one readwrite transaction per update), and a
 * debounced `storeState` compacts once 500 updates pile up. It never catches anything: if
 * `indexedDB.open` fails, `whenSynced` never resolves and updates are silently dropped; a
 * QuotaExceededError aborts the write's transaction and surfaces only as an unhandled
 * rejection.
 *
 * So here:
 * - the open is raced against its own failure (and a missing `indexedDB`): on failure the
 *   persistence is detached from the doc and the status says "memory only" — nothing
 *   stored is touched, because nothing is written or deleted after that point;
 * - `error`/`abort` events bubble from every transaction to the IDBDatabase, so one listener
 *   there sees a failed write (quota, disk) and detaches the same way;
 * - the parts of a file being merged a part per task are written in batches (one
 *   transaction per 100 ms of parts, not one per part; `batchSliceWrites`);
 * - `flush()` cancels the pending compaction timer and then opens a readwrite transaction on
 *   `updates`: IndexedDB runs readwrite transactions with overlapping scope in creation
 *   order, so when ours completes every update written before it has been committed.
 */
import type * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { afterSlices, slicesInProgress } from '#shared/model/apply-in-slices.ts';

/** Where the project's data lives right now. */
export type StorageStatus =
  | { readonly kind: 'loading' }
  | { readonly kind: 'saved' }
  /** IndexedDB could not be used at all: the project lives in memory only. */
  | { readonly kind: 'unavailable'; readonly message: string }
  /** A write failed (disk full, quota): earlier data is intact, later changes are in memory only. */
  | { readonly kind: 'write-failed'; readonly message: string };

/** A project doc bound to its IndexedDB database. */
export interface LocalPersistence {
  /** Resolves once stored data has been applied to the doc (or storage proved unusable). */
  readonly whenLoaded: Promise<void>;
  status(): StorageStatus;
  /** Calls `listener` whenever the status changes; returns an unsubscribe. */
  onStatus(listener: (status: StorageStatus) => void): () => void;
  /** Resolves when every update written so far is committed (immediately when not persisting). */
  flush(): Promise<void>;
  /** Detaches from the doc and closes the database. */
  destroy(): Promise<void>;
}

/** Internals of IndexeddbPersistence this module relies on (checked against y-indexeddb 9 source). */
type PersistenceInternals = {
  _db: Promise<IDBDatabase>;
  db: IDBDatabase | null;
  _storeTimeoutId: ReturnType<typeof setTimeout> | null;
  /** The doc's `update` listener (one readwrite transaction per update); `destroy` removes it. */
  _storeUpdate: (update: Uint8Array, origin: unknown) => void;
};

/** How long the parts of a file being merged are held before they are written together (ms). */
const SLICE_WRITE_DELAY_MS = 100;

/**
 * While a file is merged a part per task (apply-in-slices.ts), its updates are held and
 * written together, one IndexedDB transaction per batch, instead of one per task; held
 * updates are written before any other update and before a flush, so the stored order is
 * the doc's. Returns the function that writes what is held.
 */
function batchSliceWrites(doc: Y.Doc, internals: PersistenceInternals): () => void {
  const storeOne = internals._storeUpdate;
  let held: Uint8Array[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const writeHeld = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const batch = held;
    held = [];
    const db = internals.db;
    if (batch.length === 0 || db === null) return;
    const store = db.transaction(['updates'], 'readwrite').objectStore('updates');
    for (const update of batch) store.add(update);
  };
  const storeUpdate = (update: Uint8Array, origin: unknown): void => {
    const slices = slicesInProgress(doc);
    if (slices !== undefined && origin === slices.origin && internals.db !== null) {
      held.push(update);
      timer ??= setTimeout(writeHeld, SLICE_WRITE_DELAY_MS);
      afterSlices(doc, writeHeld);
      return;
    }
    writeHeld();
    storeOne(update, origin);
  };
  doc.off('update', storeOne);
  doc.on('update', storeUpdate);
  internals._storeUpdate = storeUpdate;
  return writeHeld;
}

/** Database opened once to learn whether IndexedDB works at all. */
const PROBE_DATABASE = 'marginalia-storage-probe';

function describe(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return String(error);
}

function failureMessage(error: unknown): string {
  const text = describe(error);
  if (/quota/i.test(text)) return `Local storage is full (${text}). Changes from now on are kept in memory only until the window closes; everything saved before is intact. Save the project to a file to keep them.`;
  return `Local storage failed (${text}). Changes from now on are kept in memory only until the window closes; everything saved before is intact. Save the project to a file to keep them.`;
}

/**
 * Opens (or creates) the IndexedDB database `name` for `doc`. Never throws. `factory` null
 * means "no IndexedDB here"; otherwise y-indexeddb opens through the global `indexedDB`.
 */
export function openLocalPersistence(name: string, doc: Y.Doc, factory: IDBFactory | null = globalThis.indexedDB ?? null): LocalPersistence {
  let current: StorageStatus = { kind: 'loading' };
  const listeners = new Set<(status: StorageStatus) => void>();
  const setStatus = (status: StorageStatus): void => {
    current = status;
    for (const listener of listeners) listener(status);
  };

  let persistence: IndexeddbPersistence | null = null;
  let writeHeld = (): void => undefined;
  const detach = (): Promise<void> => {
    const instance = persistence;
    persistence = null;
    if (!instance) return Promise.resolve();
    return instance.destroy().catch(() => undefined);
  };

  const unavailable = (error: unknown): void => {
    setStatus({ kind: 'unavailable', message: `Local storage could not be opened (${describe(error)}); the project is kept in memory only. Save it to a file before closing.` });
  };

  const attach = (): Promise<void> => {
    try {
      persistence = new IndexeddbPersistence(name, doc);
    } catch (error) {
      unavailable(error);
      return Promise.resolve();
    }
    const instance = persistence;
    const internals = instance as unknown as PersistenceInternals;
    writeHeld = batchSliceWrites(doc, internals);
    return Promise.race([
      instance.whenSynced.then(() => {
        const db = internals.db;
        if (db) {
          const onFailure = (event: Event): void => {
            const target = event.target as IDBRequest | IDBTransaction | null;
            const error = target && 'error' in target ? target.error : null;
            if (current.kind === 'write-failed') return;
            setStatus({ kind: 'write-failed', message: failureMessage(error ?? event.type) });
            void detach();
          };
          db.addEventListener('error', onFailure);
          db.addEventListener('abort', onFailure);
        }
        if (current.kind === 'loading') setStatus({ kind: 'saved' });
      }),
      internals._db.then(
        () => new Promise<void>(() => undefined),
        (error: unknown) => {
          unavailable(error);
          void detach();
        },
      ),
    ]);
  };

  // Probe first: y-indexeddb's constructor leaves an unhandled rejection when open fails,
  // so a database that cannot be opened is detected here and y-indexeddb is never started.
  const whenLoaded: Promise<void> = factory === null
    ? Promise.resolve().then(() => setStatus({ kind: 'unavailable', message: 'This browser offers no IndexedDB, so the project is kept in memory only: save it to a file before closing.' }))
    : new Promise<boolean>((resolve) => {
        try {
          // A separate probe database: opening the project's own here would create it without
          // y-indexeddb's object stores.
          const request = factory.open(PROBE_DATABASE);
          request.onsuccess = () => {
            request.result.close();
            resolve(true);
          };
          request.onerror = (event) => {
            event.preventDefault();
            unavailable(request.error);
            resolve(false);
          };
          request.onblocked = () => resolve(true);
        } catch (error) {
          unavailable(error);
          resolve(false);
        }
      }).then((ok) => (ok ? attach() : undefined));

  return {
    whenLoaded,
    status: () => current,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush() {
      const internals = persistence as unknown as PersistenceInternals | null;
      const db = internals?.db;
      if (!internals || !db) return Promise.resolve();
      writeHeld();
      if (internals._storeTimeoutId !== null) {
        // Compaction only rewrites what is already stored; skipping it loses nothing.
        clearTimeout(internals._storeTimeoutId);
        internals._storeTimeoutId = null;
      }
      return new Promise<void>((resolve) => {
        try {
          const transaction = db.transaction(['updates'], 'readwrite');
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => resolve();
          transaction.onabort = () => resolve();
        } catch {
          resolve();
        }
      });
    },
    destroy: detach,
  };
}
