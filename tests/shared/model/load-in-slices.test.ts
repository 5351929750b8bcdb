/**
 * loadInSlices: a project's stored updates — many small ones and a large one cut into
 * causal slices — end as the same doc as applying them whole, in more than one turn with
 * a pause between turns, every transaction under the load's origin, and the progress
 * reported rises to all of it; batches still being read are applied as each arrives, and a
 * batch that fails fails the load.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { loadBatchesInSlices, loadInSlices, WARM_UP_SLICE_STRUCTS, WHOLE_UPDATE_BYTES } from '#shared/model/load-in-slices.ts';
import { causalSlices } from '#shared/model/causal-slices.ts';

const articles = (await readBundledDocuments(defaultDocumentsDir())).flatMap((result) =>
  result.ok ? [{ id: result.article.meta.id, text: result.article.text, hash: result.article.hash }] : []);

const origin = { kind: 'persistence' };

/** The sample project as a large update, then many small edits stored one by one. */
function storedUpdates(): { updates: Uint8Array[]; expected: Y.Doc } {
  const { doc } = generateSampleProject(articles, { highlights: 600, seed: 2 });
  const updates = [Y.encodeStateAsUpdate(doc)];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let index = 0; index < 40; index++) doc.getMap('edits').set(`e${index}`, index);
  return { updates, expected: doc };
}

/** `update` as compacted slices of ~500 structs, as a compacted store holds it. */
function smallSlices(update: Uint8Array): Uint8Array[] {
  return causalSlices(update, 500);
}

describe('loadInSlices', () => {
  it('loads every stored update in turns, pausing between them, with the same result', async () => {
    const { updates, expected } = storedUpdates();
    expect(updates[0]?.length).toBeGreaterThan(WHOLE_UPDATE_BYTES);
    const doc = new Y.Doc();
    const origins = new Set<unknown>();
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.add(transaction.origin));
    let pauses = 0;
    const progress: number[] = [];
    let clock = 0;
    const outcome = await loadInSlices(doc, updates, {
      origin,
      pause: async () => {
        pauses++;
        await Promise.resolve();
      },
      budgetMs: 3,
      now: () => clock++,
      onProgress: (loaded, total) => progress.push(loaded / total),
    });
    expect(outcome.turns).toBeGreaterThan(5);
    expect(pauses).toBe(outcome.turns - 1);
    expect(outcome.cut).toBe(1);
    expect([...origins]).toEqual([origin]);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    expect(doc.store.pendingStructs).toBeNull();
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(Y.encodeStateAsUpdate(expected)))).toBe(true);
  });

  it('cuts the first updates finer while the code is cold, without asking for compaction', async () => {
    const { doc: source } = generateSampleProject(articles, { highlights: 300, seed: 3 });
    const whole = Y.encodeStateAsUpdate(source);
    const small = smallSlices(whole);
    expect(small.length).toBeGreaterThan(2);
    expect(small.every((update) => update.length <= WHOLE_UPDATE_BYTES)).toBe(true);
    const doc = new Y.Doc();
    // One step per turn (the clock says the budget is spent after every step): each turn applies one slice.
    let clock = 0;
    const structsPerTurn: number[] = [];
    let before = 0;
    const count = (): number => [...doc.store.clients.values()].reduce((sum, structs) => sum + structs.length, 0);
    doc.on('afterTransaction', () => {
      const now = count();
      structsPerTurn.push(now - before);
      before = now;
    });
    const outcome = await loadInSlices(doc, small, { origin, pause: () => Promise.resolve(), budgetMs: 1, now: () => (clock += 10) });
    expect(outcome.cut).toBe(0);
    expect(Math.max(...structsPerTurn.slice(0, 5))).toBeLessThanOrEqual(WARM_UP_SLICE_STRUCTS);
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(Y.encodeStateAsUpdate(source)))).toBe(true);
  });

  it('applies each batch as soon as it arrives, before the later ones have, and ends the same', async () => {
    const { updates, expected } = storedUpdates();
    const firstBatch = smallSlices(updates[0] as Uint8Array);
    const laterBatch = updates.slice(1);
    let arrive: (updates: readonly Uint8Array[]) => void = () => undefined;
    const later = new Promise<readonly Uint8Array[]>((resolve) => (arrive = resolve));
    const doc = new Y.Doc();
    const progress: Array<[number, number]> = [];
    let firstApplied: () => void = () => undefined;
    const firstIn = new Promise<void>((resolve) => (firstApplied = resolve));
    const firstBytes = firstBatch.reduce((sum, update) => sum + update.length, 0);
    const load = loadBatchesInSlices(doc, [firstBatch, later], {
      origin,
      pause: () => Promise.resolve(),
      budgetMs: 8,
      onProgress: (loaded, total) => {
        progress.push([loaded, total]);
        if (loaded === firstBytes) firstApplied();
      },
    });
    await firstIn;
    // The first batch is in the doc while the second is still being read.
    expect(doc.getMap('h').size).toBe(expected.getMap('h').size);
    expect(doc.getMap('edits').size).toBe(0);
    expect(progress.at(-1)).toEqual([firstBytes, firstBytes * 2]);
    arrive(laterBatch);
    const outcome = await load;
    expect(outcome.turns).toBeGreaterThan(1);
    expect(doc.getMap('edits').size).toBe(40);
    const allBytes = updates.slice(1).reduce((sum, update) => sum + update.length, firstBytes);
    expect(progress.at(-1)).toEqual([allBytes, allBytes]);
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).equals(Buffer.from(Y.encodeStateAsUpdate(expected)))).toBe(true);
  });

  it('reports no progress before the first batch has arrived', async () => {
    const { updates } = storedUpdates();
    let arrive: (updates: readonly Uint8Array[]) => void = () => undefined;
    const first = new Promise<readonly Uint8Array[]>((resolve) => (arrive = resolve));
    const progress: Array<[number, number]> = [];
    let clockReads = 0;
    const load = loadBatchesInSlices(new Y.Doc(), [first], {
      origin,
      pause: () => Promise.resolve(),
      budgetMs: 8,
      now: () => (clockReads += 1),
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    // The first turn has found nothing to apply and waits: no share of an unknown total.
    await Promise.resolve();
    expect(clockReads).toBeGreaterThan(0);
    expect(progress).toEqual([]);
    arrive(updates.slice(1));
    await load;
    const bytes = updates.slice(1).reduce((sum, update) => sum + update.length, 0);
    expect(progress.every(([, total]) => total === bytes)).toBe(true);
    expect(progress.at(-1)).toEqual([bytes, bytes]);
  });

  it('fails with the error of a batch that could not be read, keeping what came before it', async () => {
    const { updates } = storedUpdates();
    const doc = new Y.Doc();
    const failed = Promise.reject(new Error('the store could not be read'));
    await expect(loadBatchesInSlices(doc, [smallSlices(updates[0] as Uint8Array), failed], { origin, pause: () => Promise.resolve(), budgetMs: 8 }))
      .rejects.toThrow('the store could not be read');
    expect(doc.getMap('h').size).toBeGreaterThan(500);
  });

  it('takes one turn when there is nothing to load', async () => {
    const doc = new Y.Doc();
    const progress: Array<[number, number]> = [];
    const outcome = await loadInSlices(doc, [], { origin, pause: () => Promise.reject(new Error('no pause expected')), budgetMs: 8, onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(outcome).toEqual({ turns: 1, cut: 0 });
    expect(progress).toEqual([[0, 0]]);
  });
});
