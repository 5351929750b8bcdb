/**
 * The project session in Node with fake-indexeddb: one session (one doc, one persistence)
 * per project id however often it is requested, data survives closing and reopening,
 * flush waits for committed writes, undo covers only the person's own edits, and a
 * missing or failing IndexedDB leaves the app working in memory with a clear status.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemberId, ProjectId, TagId } from '#shared/model/ids.ts';
import { createTag } from '#shared/model/tags.ts';
import { roots } from '#shared/model/layout.ts';
import { applyInSlices } from '#shared/model/apply-in-slices.ts';
import { storeProjectUpdate } from '../../../renderer/store/project-database.ts';
import { closeProjectSession, databaseName, getProjectSession } from '../../../renderer/store/project-session.ts';

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
    const s = session('p7');
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
    await closeProjectSession('p7' as ProjectId);
    const reopened = session('p7');
    await reopened.whenLoaded;
    const names = [...roots(reopened.doc).tags.values()].map((tag) => tag.get('n'));
    expect(names).toHaveLength(31);
    expect(names).toContain('Mine, during the merge');
    expect(reopened.doc.store.pendingStructs).toBeNull();
  });

  it('opens a project whose database was written as one update, without a doc', async () => {
    const source = new Y.Doc();
    createTag(source, alice, { name: 'Stored as it is' });
    await storeProjectUpdate(databaseName('p8' as ProjectId), Y.encodeStateAsUpdate(source));
    const s = session('p8');
    await s.whenLoaded;
    expect([...roots(s.doc).tags.values()].map((tag) => tag.get('n'))).toEqual(['Stored as it is']);
    expect(s.storage().kind).toBe('saved');
  });
});
