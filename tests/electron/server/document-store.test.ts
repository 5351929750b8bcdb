/** Snapshot + update log: every append is loadable at once; compaction folds the log. */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocumentStore } from '../../../electron/server/document-store.ts';
import { openServerDatabase } from '../../../electron/server/server-database.ts';
import { temporaryDataDir } from './sync-test-kit.ts';

describe('document store (node:sqlite)', () => {
  const data = temporaryDataDir();
  const db = openServerDatabase(data.dir);
  afterAll(() => {
    db.close();
    data.remove();
  });

  it('loads appended updates from a second connection without any compaction', () => {
    const store = createDocumentStore(db);
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => store.append('room-a', update));
    doc.getText('t').insert(0, 'abc');
    doc.getText('t').insert(3, 'def');

    const reader = openServerDatabase(data.dir);
    try {
      const loaded = new Y.Doc();
      Y.applyUpdate(loaded, createDocumentStore(reader).load('room-a') as Uint8Array);
      expect(loaded.getText('t').toString()).toBe('abcdef');
    } finally {
      reader.close();
    }
    expect(store.load('room-b')).toBeNull();
  });

  it('compacts the log into the snapshot and keeps later appends', () => {
    const store = createDocumentStore(db);
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => store.append('room-c', update));
    for (let index = 0; index < 20; index++) doc.getMap('m').set(`k${index}`, index);
    expect(store.storedBytes('room-c')).toBeGreaterThan(0);
    const result = store.compact('room-c', () => Y.encodeStateAsUpdate(doc));
    expect(result.mergedUpdates).toBe(20);
    expect(store.storedBytes('room-c')).toBe(result.bytes);
    doc.getMap('m').set('after', true);

    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, store.load('room-c') as Uint8Array);
    expect(loaded.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    const rows = db.prepare("SELECT COUNT(*) AS n FROM updates WHERE room = 'room-c'").get() as { n: number };
    expect(rows.n).toBe(1);
  });

  it('measures stored size from the database for a room it has not seen', () => {
    const writer = createDocumentStore(db);
    writer.append('room-d', Uint8Array.from([1, 2, 3]));
    writer.append('room-d', Uint8Array.from([4, 5]));
    expect(createDocumentStore(db).storedBytes('room-d')).toBe(5);
  });
});
