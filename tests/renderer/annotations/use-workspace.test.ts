/**
 * The doc's change counter behind the panels and the library's counts: a change bumps it
 * once per frame; while a file's slices go in, their tasks do not bump it (a rebuild per
 * task would redo the whole project's counts each time), it is bumped once when the last
 * is in, and a person's own change meanwhile still bumps it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { applyInSlices } from '#shared/model/apply-in-slices.ts';
import { docVersionSource } from '../../../renderer/annotations/use-workspace.ts';

/** Frames run by hand: `runFrames` calls what was requested so far. */
function manualFrames(): () => void {
  let queued: (() => void)[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
    queued.push(callback);
    return queued.length;
  });
  return () => {
    const now = queued;
    queued = [];
    for (const callback of now) callback();
  };
}

function entrySlices(count: number): Uint8Array[] {
  const source = new Y.Doc();
  const slices: Uint8Array[] = [];
  source.on('update', (update: Uint8Array) => void slices.push(update));
  for (let index = 0; index < count; index++) source.getMap('m').set(`k${index}`, index);
  return slices;
}

afterEach(() => void vi.unstubAllGlobals());

describe('doc version', () => {
  it('is bumped once per frame for changes, and once at the end of slices going in', async () => {
    const runFrames = manualFrames();
    const doc = new Y.Doc();
    const source = docVersionSource(doc);
    let bumps = 0;
    source.subscribe(() => void bumps++);
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    runFrames();
    expect(bumps).toBe(1);

    let tick = 0;
    let mine = false;
    await applyInSlices(doc, entrySlices(6), {
      origin: 'file',
      budgetMs: 8,
      now: () => (tick += 50),
      pause: async () => {
        runFrames();
        if (!mine) {
          mine = true;
          doc.getMap('own').set('typed', true);
          runFrames();
        }
      },
    });
    // Only the person's own change bumped it while the slices went in.
    expect(bumps).toBe(2);
    runFrames();
    expect(bumps).toBe(3);
    expect(source.get()).toBe(3);
    expect(doc.getMap('m').size).toBe(8);
  });
});
