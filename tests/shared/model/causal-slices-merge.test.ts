/**
 * causalSlices as a file merge uses it: an update with two writers and deletions, cut in
 * causal order, never leaves the receiving doc waiting (where byte-order slices do),
 * rebuilds exactly what the whole update gives — a doc that already holds part of it
 * included, the update first reduced to what it lacks (Y.diffUpdate) — and keeps every
 * slice within its bound, deletions following the structs.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { causalSlices } from '#shared/model/causal-slices.ts';
import { readStructs } from '#shared/model/update-structs.ts';
import { updateSlices } from '#shared/model/update-slices.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';

const articles = (await readBundledDocuments(defaultDocumentsDir())).flatMap((result) =>
  result.ok ? [{ id: result.article.meta.id, text: result.article.text, hash: result.article.hash }] : []);

const stateOf = (doc: Y.Doc): Buffer => Buffer.from(Y.encodeStateAsUpdate(doc));

function structCount(update: Uint8Array): { structs: number; deleteRanges: number } {
  const result = readStructs(update, 'v1', () => undefined);
  if ('stopped' in result) throw new Error(result.stopped);
  return result;
}

/** Applies `slices` in turn; returns how many left `doc` with structs waiting. */
function applyCountingWaits(doc: Y.Doc, slices: Iterable<Uint8Array>): number {
  let waited = 0;
  for (const slice of slices) {
    Y.applyUpdate(doc, slice);
    if (doc.store.pendingStructs !== null) waited++;
  }
  return waited;
}

/** A sample project edited by a second client (interleaved dependencies) with deletions. */
function twoWriters(): Y.Doc {
  const { doc } = generateSampleProject(articles, { highlights: 150, seed: 4 });
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  let edited = 0;
  for (const note of other.getMap<Y.Map<unknown>>('n').values()) {
    const text = note.get('t');
    if (text instanceof Y.Text && text.length > 4 && edited++ < 40) {
      text.delete(1, 2);
      text.insert(1, 'xy');
    }
  }
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
  return doc;
}

describe('causalSlices of a merge', () => {
  it('never leaves the doc waiting, where byte-order slices do, and gives what the whole update gives', () => {
    const source = twoWriters();
    const update = Y.encodeStateAsUpdate(source);
    expect(structCount(update).deleteRanges).toBeGreaterThan(0);
    expect(applyCountingWaits(new Y.Doc(), updateSlices(update, 60))).toBeGreaterThan(0);
    const slices = causalSlices(update, 60);
    expect(slices.length).toBeGreaterThan(5);
    for (const slice of slices) {
      const { structs, deleteRanges } = structCount(slice);
      expect(structs).toBeLessThanOrEqual(60);
      expect(deleteRanges).toBeLessThanOrEqual(60);
    }
    const target = new Y.Doc();
    expect(applyCountingWaits(target, slices)).toBe(0);
    expect(stateOf(target)).toEqual(stateOf(source));
  });

  it('leaves out what the receiving doc already holds', () => {
    const source = twoWriters();
    const target = new Y.Doc();
    const { doc: start } = generateSampleProject(articles, { highlights: 150, seed: 4 });
    Y.applyUpdate(target, Y.encodeStateAsUpdate(start));
    const update = Y.encodeStateAsUpdate(source);
    const slices = causalSlices(Y.diffUpdate(update, Y.encodeStateVector(target)), 1_000_000);
    const sent = slices.reduce((sum, slice) => sum + structCount(slice).structs, 0);
    expect(sent).toBeLessThan(structCount(update).structs);
    expect(applyCountingWaits(target, slices)).toBe(0);
    expect(target.toJSON()).toEqual(source.toJSON());
    expect(Y.encodeStateVector(target)).toEqual(Y.encodeStateVector(source));
  });

  it('refuses a bound below one struct and malformed bytes', () => {
    expect(() => causalSlices(Y.encodeStateAsUpdate(new Y.Doc()), 0)).toThrow(/at least one struct/);
    expect(() => causalSlices(new Uint8Array([5, 1]), 10)).toThrow();
  });
});
