/**
 * updateSlices and createUpdateValidator: an update cut into slices of at most N structs
 * leaves a document exactly as the whole update does (several clients, texts, deletions),
 * no slice holds more than N structs, and checking the slices in turn gives the verdict
 * of checking the whole update — a refusal spread over several slices included.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { readStructs } from '#shared/model/update-structs.ts';
import { updateSlices } from '#shared/model/update-slices.ts';
import { createUpdateValidator, validateUpdate } from '#shared/model/update-validation.ts';
import { concurrentInsertsUpdate, tinyEntriesUpdate } from '../../helpers/hostile-updates.ts';

const articles = (await readBundledDocuments(defaultDocumentsDir())).flatMap((result) =>
  result.ok ? [{ id: result.article.meta.id, text: result.article.text, hash: result.article.hash }] : []);

const stateOf = (doc: Y.Doc): Buffer => Buffer.from(Y.encodeStateAsUpdate(doc));

function counts(update: Uint8Array): { structs: number; deleteRanges: number } {
  const result = readStructs(update, 'v1', () => undefined);
  if ('stopped' in result) throw new Error(result.stopped);
  return result;
}

/** A sample project with deletions (trashed notes' text edits). */
function sampleWithDeletions(): Y.Doc {
  const { doc } = generateSampleProject(articles, { highlights: 80, seed: 5 });
  const notes = doc.getMap<Y.Map<unknown>>('n');
  let edited = 0;
  for (const note of notes.values()) {
    const text = note.get('t');
    if (text instanceof Y.Text && text.length > 4 && edited++ < 50) text.delete(1, 3);
  }
  return doc;
}

describe('updateSlices', () => {
  it('slices a project update into bounded updates that rebuild the same document', () => {
    const source = sampleWithDeletions();
    const whole = Y.encodeStateAsUpdate(source);
    const total = counts(whole);
    expect(total.deleteRanges).toBeGreaterThan(0);
    for (const size of [1, 7, 250, 1_000_000]) {
      const slices = [...updateSlices(whole, size)];
      const target = new Y.Doc();
      for (const slice of slices) {
        const { structs, deleteRanges } = counts(slice);
        expect(structs).toBeLessThanOrEqual(size);
        expect(deleteRanges).toBeLessThanOrEqual(size);
        Y.applyUpdate(target, slice);
      }
      expect(stateOf(target).equals(stateOf(source))).toBe(true);
      expect(target.store.pendingStructs).toBeNull();
      expect(slices.reduce((sum, slice) => sum + counts(slice).structs, 0)).toBe(total.structs);
      if (size === 1_000_000) expect(slices).toHaveLength(2);
    }
  });

  it('yields one empty slice for an empty update and refuses a slice size below one', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect([...updateSlices(empty, 10)].map(counts)).toEqual([{ structs: 0, deleteRanges: 0 }]);
    expect(() => [...updateSlices(empty, 0)]).toThrow(/at least one struct/);
  });

  it('throws on bytes that are not an update', () => {
    expect(() => [...updateSlices(new Uint8Array([5, 1, 2]), 10)]).toThrow();
  });
});

describe('createUpdateValidator', () => {
  it('accepts the slices of a project update and counts all their structs', () => {
    const whole = Y.encodeStateAsUpdate(sampleWithDeletions());
    const validator = createUpdateValidator();
    let verdict = null;
    for (const slice of updateSlices(whole, 100)) verdict = validator.check(slice);
    expect(verdict).toEqual(validateUpdate(whole));
  });

  it('refuses a same-position storm and a struct count spread over several slices', () => {
    const storm = concurrentInsertsUpdate(80, { client: 1, clock: 0 }, null);
    const stormValidator = createUpdateValidator({ limits: { maxSameOriginSiblings: 64 } });
    const stormVerdicts = [...updateSlices(storm, 20)].map((slice) => stormValidator.check(slice));
    expect(stormVerdicts.slice(0, 3).every((verdict) => verdict.ok)).toBe(true);
    expect(stormVerdicts[3]).toMatchObject({ ok: false, reason: 'more than 64 items inserted at one position' });

    const tiny = tinyEntriesUpdate(300, 'm', 9);
    const countValidator = createUpdateValidator({ limits: { maxStructs: 250 } });
    const countVerdicts = [...updateSlices(tiny, 100)].map((slice) => countValidator.check(slice));
    expect(countVerdicts.map((verdict) => verdict.ok)).toEqual([true, true, false]);
    expect(countValidator.check(tinyEntriesUpdate(1, 'm', 10))).toMatchObject({ ok: false });
  });
});
