/**
 * The corpus scan for unanchored highlights, in slices: it finds exactly what the one-call
 * scan finds, yields between slices with progress that only grows, and stops when aborted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { highlightIds } from '#shared/model/highlight-reads.ts';
import { createCorpusUnanchoredIndex } from '../../../renderer/store/corpus-unanchored.ts';
import { buildSeededProject, type SeededProject } from '../../helpers/seeded-project.ts';

let seeded: SeededProject;

beforeAll(async () => {
  seeded = await buildSeededProject();
});

describe('scanInSlices', () => {
  it('finds what the one-call scan finds, yielding between slices with growing progress', async () => {
    const index = createCorpusUnanchoredIndex(seeded.articles.slice(0, 5));
    const expected = createCorpusUnanchoredIndex(seeded.articles.slice(0, 5)).scan(seeded.doc);
    expect(expected.length).toBeGreaterThan(0);
    let yields = 0;
    const progress: number[] = [];
    const found = await index.scanInSlices(seeded.doc, {
      sliceMs: 0,
      yieldToUi: async () => void yields++,
      onProgress: (done, total) => {
        expect(total).toBe(highlightIds(seeded.doc).length);
        progress.push(done);
      },
    });
    expect(found).toEqual(expected);
    const total = highlightIds(seeded.doc).length;
    expect(yields).toBe(total - 1);
    expect(progress).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });

  it('resolves to null when aborted between slices', async () => {
    const controller = new AbortController();
    const index = createCorpusUnanchoredIndex(seeded.articles);
    const found = await index.scanInSlices(seeded.doc, { sliceMs: 0, signal: controller.signal, yieldToUi: async () => controller.abort() });
    expect(found).toBeNull();
  });
});
