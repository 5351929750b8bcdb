/**
 * The texts of added documents on this computer: one IndexedDB database of its own
 * (`marginalia-document-texts`, store `texts`: document id → article file), shared by
 * every project here, since a text's id follows its content.
 *
 * Opened once, outside React (as project-session.ts opens a project). A text is checked
 * before it is stored (document-text-check.ts); `subscribe` tells when one was stored — a
 * file added here or a text arriving from the server — so the library can show it.
 *
 * Storage failures never lose a text that was handed in: it is kept in memory for as long
 * as the window is open, `put` rejects with a {@link DocumentTextError} that says what
 * happened (disk full, the database blocked by another window, no IndexedDB at all), and
 * `status()` keeps saying it. The project's registry write does not depend on it.
 */
import { checkDocumentText, DocumentTextError } from './document-text-check.ts';

/** IndexedDB database of the texts. */
export const DOCUMENT_TEXTS_DATABASE = 'marginalia-document-texts';
const STORE = 'texts';

/** Whether texts reach the disk. */
export type TextStoreStatus = { readonly kind: 'ok' } | { readonly kind: 'memory-only'; readonly message: string };

/** Where added documents' texts live; what the transfer module and the library use. */
export interface DocumentTextStore {
  /** The article file of `id`, or undefined when it is not on this computer. */
  get(id: string): Promise<string | undefined>;
  /** Checks `source` is the text of `id`, then stores it; rejects with a {@link DocumentTextError} (refused, or kept in memory only). */
  put(id: string, source: string): Promise<void>;
  /** True when the text of `id` is here. */
  has(id: string): Promise<boolean>;
  /** Calls `listener(id)` each time a text is stored; returns an unsubscribe. */
  subscribe(listener: (id: string) => void): () => void;
  /** Whether texts reach the disk. */
  status(): TextStoreStatus;
}

function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return 'the disk is full';
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return /quota/i.test(text) ? `the disk is full (${text})` : text;
}

function request<T>(run: () => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const pending = run();
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = factory.open(DOCUMENT_TEXTS_DATABASE, 1);
    opening.onupgradeneeded = () => {
      if (!opening.result.objectStoreNames.contains(STORE)) opening.result.createObjectStore(STORE);
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error('the database could not be opened'));
    opening.onblocked = () => reject(new Error('another Marginalia window holds an older version of the texts database open; close it and reload'));
  });
}

/** Opens the store on `factory` (null: no IndexedDB, texts in memory only). */
export function openDocumentTexts(factory: IDBFactory | null = globalThis.indexedDB ?? null): DocumentTextStore {
  const memory = new Map<string, string>();
  const listeners = new Set<(id: string) => void>();
  let status: TextStoreStatus = { kind: 'ok' };
  const fail = (message: string): void => {
    status = { kind: 'memory-only', message };
  };
  const database: Promise<IDBDatabase | null> = factory === null
    ? Promise.resolve(null).then(() => (fail('This browser offers no IndexedDB: added documents’ texts are kept only until the window closes.'), null))
    : openDatabase(factory).catch((error: unknown) => {
      fail(`The texts of added documents could not be stored (${describe(error)}); they are kept only until the window closes.`);
      return null;
    });

  async function readStored(id: string): Promise<string | undefined> {
    const db = await database;
    if (db === null) return undefined;
    const value = await request(() => db.transaction(STORE, 'readonly').objectStore(STORE).get(id) as IDBRequest<unknown>);
    return typeof value === 'string' ? value : undefined;
  }

  async function writeStored(id: string, source: string): Promise<void> {
    const db = await database;
    if (db === null) throw new DocumentTextError(status.kind === 'memory-only' ? status.message : 'no storage');
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).put(source, id);
      transaction.oncomplete = () => resolve();
      transaction.onabort = () => reject(transaction.error ?? new Error('the write was aborted'));
      transaction.onerror = () => reject(transaction.error ?? new Error('the write failed'));
    }).catch((error: unknown) => {
      const message = `The text of ${id} could not be stored on disk (${describe(error)}); it is kept only until the window closes.`;
      fail(message);
      throw new DocumentTextError(message);
    });
  }

  const notify = (id: string): void => {
    for (const listener of [...listeners]) listener(id);
  };

  async function get(id: string): Promise<string | undefined> {
    const held = memory.get(id);
    if (held !== undefined) return held;
    try {
      return await readStored(id);
    } catch {
      return undefined;
    }
  }

  return {
    get,
    async put(id, source) {
      checkDocumentText(id, source);
      const already = memory.get(id) === source;
      memory.set(id, source);
      try {
        await writeStored(id, source);
      } finally {
        if (!already) notify(id);
      }
    },
    has: async (id) => (await get(id)) !== undefined,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    status: () => status,
  };
}
