/**
 * The project's IndexedDB persistence: the doc's updates kept in the project's database
 * (stored-updates.ts, the layout y-indexeddb 9 writes), loaded without holding the page,
 * with failures and flushing handled.
 *
 * Loading: every stored update is read in one transaction and applied in turns of at
 * most {@link LOAD_BUDGET_MS} ms, each in a background-priority task, so input, rendering
 * and the page's own start come first (shared/model/load-in-slices.ts,
 * services/event-loop.ts; frame-paced where the browser has no background tasks),
 * under `persistenceOrigin` (undo never tracks it); `whenLoaded` resolves only when all of
 * it is in the doc, and the progress is reported as it goes. Storing: every later update
 * is appended in its own readwrite transaction. While loading, the update listener is
 * attached only around transactions of other origins — so a change made during the load
 * is stored, and Yjs does not encode the loaded updates again just to hand them to a
 * listener that would skip them. Compacting: once {@link COMPACT_AT} small updates (single
 * edits) pile up, a second after a merge stored parts too large to load whole, or when a
 * load had to cut a large update, the stored updates are replaced
 * by the same state as small causal slices (update-compaction.ts, in a
 * worker), so the next load applies them whole and in order. The parts of a file being
 * merged a part per task are written in batches (one transaction per 100 ms of parts).
 *
 * Failures: the open is raced against its own failure (and a missing `indexedDB`): on
 * failure nothing is read or written and the status says "memory only". `error`/`abort`
 * events bubble from every transaction to the IDBDatabase, so one listener there sees a
 * failed write (quota, disk) and stops writing the same way; earlier data is intact.
 * `flush()` cancels a pending compaction and opens a readwrite transaction on `updates`:
 * IndexedDB runs readwrite transactions with overlapping scope in creation order, so when
 * ours completes every update written before it has been committed.
 */
import * as Y from 'yjs';
import { persistenceOrigin } from '#shared/model/origins.ts';
import { loadBatchesInSlices, WHOLE_UPDATE_BYTES } from '#shared/model/load-in-slices.ts';
import { backgroundPause, framePacedPause } from '../services/event-loop.ts';
import { afterSlices, slicesInProgress } from '#shared/model/apply-in-slices.ts';
import { appendUpdate, appendUpdates, committed, openUpdateStore, readStoredBatches, readStoredUpdates, replaceStoredUpdates } from './stored-updates.ts';
import { compactUpdates } from './update-compaction.ts';

/** Longest a turn of the load keeps the main thread (ms). */
export const LOAD_BUDGET_MS = 4;
/** Small stored updates (single edits, under {@link SMALL_UPDATE_BYTES}) at which they are compacted. */
export const COMPACT_AT = 500;
/** Below this size a stored update counts as small (compacted slices are larger). */
export const SMALL_UPDATE_BYTES = 8 * 1024;

/** How long the parts of a file being merged are held before they are written together (ms). */
const SLICE_WRITE_DELAY_MS = 100;

/** Why a load stopped half-way: the persistence was closed or detached meanwhile. */
const CLOSED = 'closed while loading';

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
  /** How far the load has come, 0 to 1 (1 once loaded or when there was nothing to load). */
  loadProgress(): number;
  /** Calls `listener` as the load progresses; returns an unsubscribe. */
  onLoadProgress(listener: (progress: number) => void): () => void;
  status(): StorageStatus;
  /** Calls `listener` whenever the status changes; returns an unsubscribe. */
  onStatus(listener: (status: StorageStatus) => void): () => void;
  /** Resolves when every update written so far is committed (immediately when not persisting). */
  flush(): Promise<void>;
  /** Detaches from the doc and closes the database. */
  destroy(): Promise<void>;
}

function describe(error: unknown): string {
  if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
  return String(error);
}

function failureMessage(error: unknown): string {
  const text = describe(error);
  if (/quota/i.test(text)) return `Local storage is full (${text}). Changes from now on are kept in memory only until the window closes; everything saved before is intact. Save the project to a file to keep them.`;
  return `Local storage failed (${text}). Changes from now on are kept in memory only until the window closes; everything saved before is intact. Save the project to a file to keep them.`;
}

/** Options for tests (the app uses the defaults). */
export type PersistenceOptions = {
  /** Awaited between two turns of the load. */
  readonly pause?: () => Promise<void>;
  /** Compacts stored updates (the app: in a worker). */
  readonly compact?: (updates: readonly Uint8Array[]) => Promise<Uint8Array[]>;
};

/**
 * Opens (or creates) the IndexedDB database `name` for `doc`. Never throws. `factory` null
 * means "no IndexedDB here".
 */
export function openLocalPersistence(name: string, doc: Y.Doc, factory: IDBFactory | null = globalThis.indexedDB ?? null, options: PersistenceOptions = {}): LocalPersistence {
  let current: StorageStatus = { kind: 'loading' };
  const listeners = new Set<(status: StorageStatus) => void>();
  const setStatus = (status: StorageStatus): void => {
    current = status;
    for (const listener of listeners) listener(status);
  };
  let progress = 0;
  const progressListeners = new Set<(progress: number) => void>();
  const setProgress = (value: number): void => {
    progress = value;
    for (const listener of progressListeners) listener(value);
  };

  let db: IDBDatabase | null = null;
  let destroyed = false;
  let storedCount = 0;
  /** Whether an update stored since the last compaction is too large for a load to apply whole. */
  let oversized = false;
  let compactTimer: ReturnType<typeof setTimeout> | null = null;
  let compacting = false;

  const compact = async (): Promise<void> => {
    const target = db;
    if (target === null || compacting) return;
    compacting = true;
    const wasOversized = oversized;
    try {
      const stored = await readStoredUpdates(target);
      // What is read now is compacted; a large update stored meanwhile sets the flag again.
      oversized = false;
      if (stored.lastKey === null || stored.updates.length < 2 && stored.updates.every((update) => update.length <= 256 * 1024)) return;
      const slices = await (options.compact ?? compactUpdates)(stored.updates);
      if (db !== target) return;
      await replaceStoredUpdates(target, stored.lastKey, slices);
      storedCount = 0;
    } catch {
      oversized ||= wasOversized;
      // Compaction only rewrites what is already stored: a failed one loses nothing.
    } finally {
      compacting = false;
    }
  };
  const cancelCompaction = (): void => {
    if (compactTimer !== null) clearTimeout(compactTimer);
    compactTimer = null;
  };
  /** Compacts a second from now (a call meanwhile starts the second again). */
  const compactSoon = (): void => {
    cancelCompaction();
    compactTimer = setTimeout(() => {
      compactTimer = null;
      void compact();
    }, 1000);
  };

  // The parts of a file being merged a part per task (apply-in-slices.ts) are held and
  // written together, one transaction per SLICE_WRITE_DELAY_MS, not one per task; what is
  // held is written before any other update and before a flush, so the stored order is the doc's.
  let held: Uint8Array[] = [];
  let heldTimer: ReturnType<typeof setTimeout> | undefined;
  const writeHeld = (): void => {
    if (heldTimer !== undefined) clearTimeout(heldTimer);
    heldTimer = undefined;
    const batch = held;
    held = [];
    if (batch.length > 0 && db !== null) appendUpdates(db, batch);
  };
  const store = (update: Uint8Array, origin: unknown): void => {
    if (db === null || origin === persistenceOrigin) return;
    const slices = slicesInProgress(doc);
    if (slices !== undefined && origin === slices.origin) {
      held.push(update);
      heldTimer ??= setTimeout(writeHeld, SLICE_WRITE_DELAY_MS);
      afterSlices(doc, writeHeld);
    } else {
      writeHeld();
      appendUpdate(db, update);
    }
    if (update.length < SMALL_UPDATE_BYTES) storedCount += 1;
    // A part of a merge larger than a load applies whole would be cut again by every load
    // (and the compaction started after each) until compacted: compacted a second after the
    // last large part, and a person's edits after it do not put that off.
    if (update.length > WHOLE_UPDATE_BYTES) {
      oversized = true;
      compactSoon();
    } else if (storedCount >= COMPACT_AT || (oversized && compactTimer === null && !compacting)) {
      compactSoon();
    }
  };
  // During the load: listen for updates only around transactions that are not the load's.
  const storeOnlyOthers = (transaction: Y.Transaction): void => {
    if (transaction.origin === persistenceOrigin) doc.off('update', store);
    else doc.on('update', store);
  };

  const detach = (): Promise<void> => {
    writeHeld();
    const open = db;
    db = null;
    cancelCompaction();
    doc.off('update', store);
    doc.off('beforeTransaction', storeOnlyOthers);
    open?.close();
    return Promise.resolve();
  };

  const unavailable = (error: unknown): void => {
    setStatus({ kind: 'unavailable', message: `Local storage could not be opened (${describe(error)}); the project is kept in memory only. Save it to a file before closing.` });
  };

  const attach = async (available: IDBFactory): Promise<void> => {
    let opened: IDBDatabase;
    try {
      opened = await openUpdateStore(available, name);
    } catch (error) {
      unavailable(error);
      return;
    }
    if (destroyed) {
      opened.close();
      return;
    }
    db = opened;
    const onFailure = (event: Event): void => {
      const target = event.target as IDBRequest | IDBTransaction | null;
      const error = target && 'error' in target ? target.error : null;
      if (current.kind === 'write-failed') return;
      setStatus({ kind: 'write-failed', message: failureMessage(error ?? event.type) });
      void detach();
    };
    opened.addEventListener('error', onFailure);
    opened.addEventListener('abort', onFailure);
    // Whatever the doc held before storage opened is stored first.
    if (doc.store.clients.size > 0) store(Y.encodeStateAsUpdate(doc), null);
    doc.on('beforeTransaction', storeOnlyOthers);
    try {
      // Each batch is applied as soon as it is read, while the next ones are still being read.
      const stored = await readStoredBatches(opened);
      const pause = options.pause ?? backgroundPause() ?? framePacedPause();
      const outcome = await loadBatchesInSlices(doc, stored.batches, {
        origin: persistenceOrigin,
        pause: async () => {
          await pause();
          if (db === null) throw new Error(CLOSED);
        },
        budgetMs: LOAD_BUDGET_MS,
        now: () => performance.now(),
        onProgress: (loaded, total) => setProgress(total === 0 ? 1 : loaded / total),
      });
      for (const batch of stored.batches) storedCount += (await batch).filter((update) => update.length < SMALL_UPDATE_BYTES).length;
      if (storedCount >= COMPACT_AT || outcome.cut > 0) void compact();
    } catch (error) {
      if (!(error instanceof Error && error.message === CLOSED)) unavailable(error);
      await detach();
      return;
    } finally {
      doc.off('beforeTransaction', storeOnlyOthers);
    }
    if (db !== null) doc.on('update', store);
    if (current.kind === 'loading') setStatus({ kind: 'saved' });
  };
  const whenLoaded: Promise<void> = (factory === null
    ? Promise.resolve().then(() => setStatus({ kind: 'unavailable', message: 'This browser offers no IndexedDB, so the project is kept in memory only: save it to a file before closing.' }))
    : attach(factory)
  ).then(() => setProgress(1));

  return {
    whenLoaded,
    status: () => current,
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    loadProgress: () => progress,
    onLoadProgress(listener) {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    flush() {
      // Compaction only rewrites what is already stored; skipping it loses nothing.
      cancelCompaction();
      writeHeld();
      return db === null ? Promise.resolve() : committed(db);
    },
    destroy() {
      destroyed = true;
      return detach();
    },
  };
}
