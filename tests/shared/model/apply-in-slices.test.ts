/**
 * applyInSlices: slices are applied as many per task as the time budget allows (one
 * transaction per task, at least one slice each), the budget follows what tasks really
 * cost, and while slices are going in `slicesInProgress` says so and `afterSlices`
 * listeners run once, when the last is in.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { afterSlices, applyInSlices, slicesInProgress } from '#shared/model/apply-in-slices.ts';

/** Twenty slices, one map entry each, from one writer. */
function slicesOfOneEntryEach(count: number): Uint8Array[] {
  const source = new Y.Doc();
  const slices: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => void slices.push(update));
  for (let index = 0; index < count; index++) source.getMap('m').set(`k${index}`, index);
  return slices;
}

/** A clock that advances `step` ms each time it is read. */
function steppingClock(step: number): () => number {
  let time = 0;
  return () => (time += step);
}

describe('applyInSlices', () => {
  it('applies several slices per task within the budget, one transaction each', async () => {
    const slices = slicesOfOneEntryEach(20);
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on('afterTransaction', () => void transactions++);
    let pauses = 0;
    const progress: number[] = [];
    await applyInSlices(doc, slices, { origin: 'file', pause: async () => void pauses++, onProgress: (applied) => progress.push(applied), budgetMs: 8, now: steppingClock(1) });
    expect(doc.getMap('m').size).toBe(20);
    expect(transactions).toBe(progress.length);
    expect(pauses).toBe(progress.length - 1);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.length).toBeLessThan(20);
    expect(progress.at(-1)).toBe(20);
  });

  it('applies one slice per task when each takes longer than the budget', async () => {
    const slices = slicesOfOneEntryEach(5);
    const progress: number[] = [];
    await applyInSlices(new Y.Doc(), slices, { origin: 'file', pause: async () => undefined, onProgress: (applied) => progress.push(applied), budgetMs: 8, now: steppingClock(50) });
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('says slices are going in, with their origin, and calls back once when the last is in', async () => {
    const slices = slicesOfOneEntryEach(6);
    const doc = new Y.Doc();
    const seen: unknown[] = [];
    let ended = 0;
    const listener = (): void => void ended++;
    afterSlices(doc, listener);
    expect(ended).toBe(1);
    await applyInSlices(doc, slices, {
      origin: 'file',
      budgetMs: 8,
      now: steppingClock(50),
      pause: async () => {
        seen.push(slicesInProgress(doc)?.origin);
        afterSlices(doc, listener);
        afterSlices(doc, listener);
      },
    });
    expect(seen).toEqual(['file', 'file', 'file', 'file', 'file']);
    expect(ended).toBe(2);
    expect(slicesInProgress(doc)).toBeUndefined();
  });

  it('gives each task its changes under the slices\u2019 origin, not as local changes', async () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => void origins.push([transaction.origin, transaction.local]));
    await applyInSlices(doc, slicesOfOneEntryEach(3), { origin: 'file', pause: async () => undefined, budgetMs: 8, now: steppingClock(50) });
    expect(origins).toEqual([['file', false], ['file', false], ['file', false]]);
  });
});
