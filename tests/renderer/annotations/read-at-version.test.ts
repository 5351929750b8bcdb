/**
 * Reads shared across panels and mounts: one computation per doc version and read function,
 * a new one when the version moves on, never one doc's result for another.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readAtVersion } from '../../../renderer/annotations/use-workspace.ts';

describe('readAtVersion', () => {
  it('computes once per version and read, again when the version changes', () => {
    const doc = new Y.Doc();
    let calls = 0;
    const read = (of: Y.Doc) => ({ calls: (calls += 1), of });
    const first = readAtVersion(doc, 3, read);
    expect(readAtVersion(doc, 3, read)).toBe(first);
    expect(calls).toBe(1);
    const next = readAtVersion(doc, 4, read);
    expect(next).not.toBe(first);
    expect(calls).toBe(2);
  });

  it('computes again after a change to the doc, before the version follows', () => {
    // The version follows in an animation frame, which never comes here: only the change count moves.
    vi.stubGlobal('requestAnimationFrame', () => 1);
    const doc = new Y.Doc();
    const read = (of: Y.Doc) => ({ size: of.getMap('m').size });
    expect(readAtVersion(doc, 0, read).size).toBe(0);
    doc.getMap('m').set('k', 1);
    expect(readAtVersion(doc, 0, read).size).toBe(1);
    vi.unstubAllGlobals();
  });

  it('keeps reads of different docs and different read functions apart', () => {
    const one = new Y.Doc();
    const two = new Y.Doc();
    const read = (of: Y.Doc) => ({ of });
    const other = (of: Y.Doc) => ({ of, other: true });
    expect(readAtVersion(one, 0, read).of).toBe(one);
    expect(readAtVersion(two, 0, read).of).toBe(two);
    expect(readAtVersion(one, 0, other)).toEqual({ of: one, other: true });
  });
});
