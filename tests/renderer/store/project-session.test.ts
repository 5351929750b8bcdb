/**
 * The project session in Node with fake-indexeddb: one session (one doc, one persistence)
 * per project id however often it is requested, data survives closing and reopening,
 * flush waits for committed writes, undo covers only the person's own edits, and a
 * missing or failing IndexedDB leaves the app working in memory with a clear status. A
 * store holding many updates, or one large one, loads completely and in steps (progress
 * rising to 1), a change made while it loads is kept, and a large stored update is
 * compacted into small ones that load the same.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { MemberId, ProjectId, TagId } from '#shared/model/ids.ts';
import { createTag } from '#shared/model/tags.ts';
import { roots } from '#shared/model/layout.ts';
import { applyInSlices } from '#shared/model/apply-in-slices.ts';
import { storeProjectUpdate } from '../../../renderer/store/project-database.ts';
import { closeProjectSession, databaseName, getProjectSession } from '../../../renderer/store/project-session.ts';
import { appendUpdate, committed, openUpdateStore, readStoredUpdates } from '../../../renderer/store/stored-updates.ts';
import { WHOLE_UPDATE_BYTES } from '#shared/model/load-in-slices.ts';

const opened: ProjectId[] = [];
function session(id: string, options: Parameters<typeof getProjectSession>[1] = { lifecycleTarget: null }) {
  opened.push(id as ProjectId);
  return getProjectSession(id as ProjectId, options);
}
afterEach(async () => {
  for (const id of opened.splice(0)) await closeProjectSession(id);
});

const alice = { member: 'alice-member-id-000000' as MemberId };
const bob = { member: 'bob-member-id-00000000' as MemberId };

/** Writes `updates` into project `id`'s database as earlier sessions would have. */
async function store(id: string, updates: readonly Uint8Array[]): Promise<void> {
  const db = await openUpdateStore(indexedDB, databaseName(id as ProjectId));
  for (const update of updates) appendUpdate(db, update);
  await committed(db);
  db.close();
}

/** A doc with `count` tags, and its updates one per tag. */
function taggedDoc(count: number, prefix: string): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let index = 0; index < count; index++) createTag(doc, alice, { name: `${prefix} ${index}`, description: 'x'.repeat(200) });
  return { doc, updates };
}

/** Waits (up to `timeout` ms) until project `id` is stored as several updates, none larger than a load applies whole. */
async function storedAsSmallUpdates(id: string, timeout: number): Promise<void> {
  const db = await openUpdateStore(indexedDB, databaseName(id as ProjectId));
  try {
    await vi.waitFor(async () => {
      const { updates } = await readStoredUpdates(db);
      expect(updates.length).toBeGreaterThan(1);
      expect(Math.max(...updates.map((update) => update.length))).toBeLessThanOrEqual(WHOLE_UPDATE_BYTES);
    }, { timeout, interval: 100 });
  } finally {
    db.close();
  }
}

const tagNames = (doc: Y.Doc): string[] => [...roots(doc).tags.values()].map((tag) => String(tag.get('n'))).sort();

describe('project session', () => {
  it('returns the same session (one doc, one persistence) for repeated requests', async () => {
    const first = session('p1');
    const second = session('p1');
    expect(second).toBe(first);
    expect(second.doc).toBe(first.doc);
    await first.whenLoaded;
    expect(first.loaded()).toBe(true);
    expect(first.storage().kind).toBe('saved');
  });

  it('persists changes across close and reopen', async () => {
    const first = session('p2');
    await first.whenLoaded;
    const tag = createTag(first.doc, alice, { name: 'Energy' });
    await first.flush();
    await closeProjectSession('p2' as ProjectId);
    const reopened = session('p2');
    expect(reopened).not.toBe(first);
    await reopened.whenLoaded;
    expect(roots(reopened.doc).tags.get(tag)?.get('n')).toBe('Energy');
  });

  it("undoes only the member's own changes", async () => {
    const s = session('p3');
    await s.whenLoaded;
    const undo = s.undoManager(alice.member);
    const mine = createTag(s.doc, alice, { name: 'Mine' });
    // A teammate's change arrives as a remote update (another doc, another client).
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(s.doc));
    const theirs = createTag(remote, bob, { name: 'Theirs' });
    Y.applyUpdate(s.doc, Y.encodeStateAsUpdate(remote), 'sync');
    undo.undo();
    expect(roots(s.doc).tags.has(mine)).toBe(false);
    expect(roots(s.doc).tags.has(theirs as TagId)).toBe(true);
    undo.redo();
    expect(roots(s.doc).tags.has(mine)).toBe(true);
  });

  it('works in memory with an "unavailable" status when there is no IndexedDB', async () => {
    const s = session('p4', { indexedDB: null, lifecycleTarget: null });
    await s.whenLoaded;
    expect(s.storage()).toMatchObject({ kind: 'unavailable' });
    createTag(s.doc, alice, { name: 'Still works' });
    await expect(s.flush()).resolves.toBeUndefined();
  });

  it('reports a failed open, keeps working in memory and writes nothing', async () => {
    const real = globalThis.indexedDB;
    const failing = {
      open: () => {
        throw new DOMException('blocked by policy', 'SecurityError');
      },
    } as unknown as IDBFactory;
    globalThis.indexedDB = failing;
    try {
      const s = session('p5', { indexedDB: failing, lifecycleTarget: null });
      await s.whenLoaded;
      expect(s.storage()).toMatchObject({ kind: 'unavailable' });
      expect(s.storage().kind === 'unavailable' && s.storage()).toMatchObject({ message: expect.stringContaining('memory') });
      createTag(s.doc, alice, { name: 'In memory' });
      await expect(s.flush()).resolves.toBeUndefined();
    } finally {
      globalThis.indexedDB = real;
    }
  });

  it('flushes pending writes when the page goes away', async () => {
    const target = new EventTarget();
    const s = session('p6', { lifecycleTarget: target as unknown as Window });
    await s.whenLoaded;
    createTag(s.doc, alice, { name: 'Before closing' });
    target.dispatchEvent(new Event('pagehide'));
    await s.flush();
    await closeProjectSession('p6' as ProjectId);
    const reopened = session('p6');
    await reopened.whenLoaded;
    expect([...roots(reopened.doc).tags.values()].map((tag) => tag.get('n'))).toEqual(['Before closing']);
  });

  it('writes the parts of a sliced merge in batches, a person\u2019s edit in between in order, and reopens with all of it', async () => {
    const source = new Y.Doc();
    const slices: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => void slices.push(update));
    for (let index = 0; index < 30; index++) createTag(source, bob, { name: `Code ${index}` });
    const s = session('p17');
    await s.whenLoaded;
    // Readwrite transactions on the updates store while the merge runs: one per batch, not one per part.
    const prototype = (globalThis as unknown as { IDBDatabase: { prototype: IDBDatabase } }).IDBDatabase.prototype;
    const open = prototype.transaction;
    let writes = 0;
    prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (args[1] === 'readwrite') writes++;
      return open.apply(this, args);
    } as IDBDatabase['transaction'];
    let edited = false;
    await applyInSlices(s.doc, slices, {
      origin: 'file',
      budgetMs: 8,
      now: (() => { let time = 0; return () => (time += 50); })(),
      pause: async () => {
        if (!edited) {
          edited = true;
          // A person's edit while the merge runs: written after the parts before it.
          createTag(s.doc, alice, { name: 'Mine, during the merge' });
        }
      },
    });
    prototype.transaction = open;
    expect(writes).toBeLessThan(10);
    await s.flush();
    await closeProjectSession('p17' as ProjectId);
    const reopened = session('p17');
    await reopened.whenLoaded;
    const names = [...roots(reopened.doc).tags.values()].map((tag) => tag.get('n'));
    expect(names).toHaveLength(31);
    expect(names).toContain('Mine, during the merge');
    expect(reopened.doc.store.pendingStructs).toBeNull();
  });

  it('opens a project whose database was written as one update, without a doc', async () => {
    const source = new Y.Doc();
    createTag(source, alice, { name: 'Stored as it is' });
    await storeProjectUpdate(databaseName('p18' as ProjectId), Y.encodeStateAsUpdate(source));
    const s = session('p18');
    await s.whenLoaded;
    expect([...roots(s.doc).tags.values()].map((tag) => tag.get('n'))).toEqual(['Stored as it is']);
    expect(s.storage().kind).toBe('saved');
  });

  it('loads a store of many updates completely, in steps, with progress up to 1', async () => {
    const { doc, updates } = taggedDoc(300, 'Tag');
    await store('p7', updates);
    const s = session('p7');
    const progress: number[] = [];
    s.onLoadProgress((value) => progress.push(value));
    expect(s.loaded()).toBe(false);
    await s.whenLoaded;
    expect(tagNames(s.doc)).toEqual(tagNames(doc));
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(1);
    expect(s.loadProgress()).toBe(1);
  });

  it('keeps a change made while the project loads', async () => {
    const { doc } = taggedDoc(400, 'Stored');
    await store('p8', [Y.encodeStateAsUpdate(doc)]);
    const s = session('p8');
    createTag(s.doc, bob, { name: 'During the load' });
    await s.whenLoaded;
    await s.flush();
    await closeProjectSession('p8' as ProjectId);
    const reopened = session('p8');
    await reopened.whenLoaded;
    expect(tagNames(reopened.doc)).toEqual([...tagNames(doc), 'During the load'].sort());
  });

  it('compacts the large parts a merge wrote soon after it ends, without waiting for the next load', async () => {
    const { doc } = taggedDoc(800, 'Merged');
    const file = Y.encodeStateAsUpdate(doc);
    expect(file.length).toBeGreaterThan(WHOLE_UPDATE_BYTES);
    const s = session('p19');
    await s.whenLoaded;
    // A merge applying its file in big tasks: each task's update is larger than a load applies whole.
    await applyInSlices(s.doc, [file.slice(0)], { origin: 'file', budgetMs: 1000, pause: async () => undefined });
    // A person goes on coding after it, an edit every 200 ms: that does not put the compaction off.
    let edits = 0;
    const editing = setInterval(() => createTag(s.doc, alice, { name: `After the merge ${edits++}` }), 200);
    try {
      await storedAsSmallUpdates('p19', 5_000);
    } finally {
      clearInterval(editing);
    }
    await closeProjectSession('p19' as ProjectId);
    const reopened = session('p19');
    await reopened.whenLoaded;
    expect(tagNames(reopened.doc)).toEqual([...tagNames(doc), ...Array.from({ length: edits }, (_, index) => `After the merge ${index}`)].sort());
  });

  it('compacts a large stored update into small ones that load the same', async () => {
    const { doc } = taggedDoc(800, 'Big');
    const whole = Y.encodeStateAsUpdate(doc);
    expect(whole.length).toBeGreaterThan(WHOLE_UPDATE_BYTES);
    await store('p9', [whole]);
    const s = session('p9');
    await s.whenLoaded;
    await storedAsSmallUpdates('p9', 10_000);
    await closeProjectSession('p9' as ProjectId);
    const reopened = session('p9');
    await reopened.whenLoaded;
    expect(tagNames(reopened.doc)).toEqual(tagNames(doc));
  });
});
