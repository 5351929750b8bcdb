/**
 * The page side of the reader suite's load floor (bench/load-floor.ts), bundled into a page
 * of the app's origin that runs none of the app: the project's stored updates read from
 * its IndexedDB database and applied to a new doc with nothing else on the page — no
 * reader, no observers, no pauses, one transaction — so what remains is what IndexedDB,
 * Yjs (with the reader the app loads with) and the engine cost on this machine.
 */
import * as Y from 'yjs';
import { openUpdateStore, readStoredUpdates } from '../renderer/store/stored-updates.ts';
import { applyUpdateQuickly } from '#shared/model/quick-update-decoder.ts';

/** One bare load's times (ms). */
export interface FloorTimes {
  /** Opening the database and reading every stored update. */
  readonly read: number;
  /** Applying them, oldest first, in one transaction. */
  readonly apply: number;
}

/** What the bundle puts on `window`. */
export interface FloorPage {
  /** The app's project databases on this origin. */
  projects(): Promise<string[]>;
  /** Reads database `name` and applies its updates to a new doc, kept alive as the app keeps its doc. */
  load(name: string): Promise<FloorTimes>;
}

const docs: Y.Doc[] = [];

const page: FloorPage = {
  async projects() {
    return (await indexedDB.databases()).map((info) => info.name ?? '').filter((name) => name.startsWith('marginalia-project-'));
  },
  async load(name) {
    const started = performance.now();
    const db = await openUpdateStore(indexedDB, name);
    const stored = await readStoredUpdates(db);
    db.close();
    const read = performance.now();
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const update of stored.updates) applyUpdateQuickly(doc, update);
    });
    const applied = performance.now();
    if (doc.store.clients.size === 0) throw new Error(`${name} held no updates`);
    docs.push(doc);
    return { read: read - started, apply: applied - read };
  },
};

(window as unknown as { floorPage: FloorPage }).floorPage = page;
