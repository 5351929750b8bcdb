/**
 * The project database layout is y-indexeddb 9's, the library earlier versions of the app
 * stored projects with: a project y-indexeddb wrote (its first full state and the edits
 * after it) opens completely in a session, and what a session stores is read back
 * completely by y-indexeddb — so projects move between versions in both directions.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { MemberId, ProjectId } from '#shared/model/ids.ts';
import { roots } from '#shared/model/layout.ts';
import { createTag } from '#shared/model/tags.ts';
import { closeProjectSession, databaseName, getProjectSession } from '../../../renderer/store/project-session.ts';
import { READ_BATCH, REPLACE_BATCH, appendUpdates, openUpdateStore, readStoredBatches, readStoredUpdates, replaceStoredUpdates } from '../../../renderer/store/stored-updates.ts';

const alice = { member: 'alice-member-id-000000' as MemberId };
const opened: ProjectId[] = [];
afterEach(async () => {
  for (const id of opened.splice(0)) await closeProjectSession(id);
});
function session(id: string) {
  opened.push(id as ProjectId);
  return getProjectSession(id as ProjectId, { lifecycleTarget: null });
}
const tagNames = (doc: Y.Doc): string[] => [...roots(doc).tags.values()].map((tag) => String(tag.get('n'))).sort();

/** Waits until every write y-indexeddb started on `persistence`'s database is committed. */
async function writesCommitted(persistence: IndexeddbPersistence): Promise<void> {
  const db = await (persistence as unknown as { _db: Promise<IDBDatabase> })._db;
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(['updates'], 'readwrite');
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
}

describe('the project database layout', () => {
  it('opens a project y-indexeddb stored, edits after its first state included', async () => {
    const written = new Y.Doc();
    createTag(written, alice, { name: 'Before storing' });
    const persistence = new IndexeddbPersistence(databaseName('compat-1' as ProjectId), written);
    await persistence.whenSynced;
    createTag(written, alice, { name: 'Edited later' });
    createTag(written, alice, { name: 'And again' });
    await writesCommitted(persistence);
    await persistence.destroy();

    const s = session('compat-1');
    await s.whenLoaded;
    expect(tagNames(s.doc)).toEqual(['And again', 'Before storing', 'Edited later']);
  });

  it('stores a project that y-indexeddb reads back whole', async () => {
    const s = session('compat-2');
    await s.whenLoaded;
    createTag(s.doc, alice, { name: 'Stored by the session' });
    createTag(s.doc, alice, { name: 'Second edit' });
    await s.flush();
    await closeProjectSession('compat-2' as ProjectId);

    const read = new Y.Doc();
    const persistence = new IndexeddbPersistence(databaseName('compat-2' as ProjectId), read);
    await persistence.whenSynced;
    expect(tagNames(read)).toEqual(['Second edit', 'Stored by the session']);
    await persistence.destroy();
  });
});

describe('readStoredUpdates', () => {
  it('reads every stored update oldest first across its batches, with the newest key', async () => {
    const db = await openUpdateStore(indexedDB, 'stored-updates-batches');
    expect(await readStoredUpdates(db)).toEqual({ updates: [], lastKey: null });
    const count = READ_BATCH * 2 + 3;
    appendUpdates(db, Array.from({ length: count }, (_, index) => Uint8Array.of(index, index >> 8)));
    const read = await readStoredUpdates(db);
    expect(read.updates.map((update) => [...update])).toEqual(Array.from({ length: count }, (_, index) => [index, index >> 8]));
    expect(read.lastKey).toBe(count);
    db.close();
  });
});

describe('readStoredBatches', () => {
  it('asks for every batch at once and gives them oldest first, each in its own request', async () => {
    const db = await openUpdateStore(indexedDB, 'stored-updates-streamed');
    expect(await readStoredBatches(db)).toEqual({ batches: [], lastKey: null });
    const count = READ_BATCH * 2 + 1;
    appendUpdates(db, Array.from({ length: count }, (_, index) => Uint8Array.of(index)));
    const { batches, lastKey } = await readStoredBatches(db);
    expect(lastKey).toBe(count);
    expect(batches).toHaveLength(3);
    const read = await Promise.all(batches);
    expect(read.map((batch) => batch.length)).toEqual([READ_BATCH, READ_BATCH, 1]);
    expect(read.flat().map((update) => update[0])).toEqual(Array.from({ length: count }, (_, index) => index));
    db.close();
  });
});

describe('replaceStoredUpdates', () => {
  it('replaces the updates up to a key in one transaction, adding a batch per task, and keeps later ones after them', async () => {
    const db = await openUpdateStore(indexedDB, 'stored-updates-replace');
    appendUpdates(db, [Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3)]);
    const { lastKey } = await readStoredUpdates(db);
    appendUpdates(db, [Uint8Array.of(4)]);
    const prototype = (globalThis as unknown as { IDBObjectStore: { prototype: IDBObjectStore } }).IDBObjectStore.prototype;
    const add = prototype.add;
    let adds = 0;
    prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      adds++;
      return add.apply(this, args);
    } as IDBObjectStore['add'];
    const count = REPLACE_BATCH * 2 + 3;
    try {
      const replaced = replaceStoredUpdates(db, lastKey as number, Array.from({ length: count }, (_, index) => Uint8Array.of(10, index)));
      // Each add copies its value on the page's thread: only one batch in the calling task.
      expect(adds).toBe(REPLACE_BATCH);
      await replaced;
    } finally {
      prototype.add = add;
    }
    expect(adds).toBe(count);
    const read = await readStoredUpdates(db);
    // The later update keeps its key; the slices follow it (loading applies all of them in any order).
    expect(read.updates.map((update) => [...update])).toEqual([[4], ...Array.from({ length: count }, (_, index) => [10, index])]);
    db.close();
  });
});
