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
import { READ_BATCH, appendUpdates, openUpdateStore, readStoredUpdates } from '../../../renderer/store/stored-updates.ts';

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
