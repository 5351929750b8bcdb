/**
 * A download's Blob built in slices: the bytes are exactly the UTF-8 of the whole text (no
 * surrogate pair cut in two, whatever the slice size), the work is spread over several
 * slices with a yield between them, and bytes go through unchanged.
 */
import { describe, expect, it } from 'vitest';
import { blobInSlices } from '../../../renderer/services/blob-slices.ts';

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('blobInSlices', () => {
  it('gives the UTF-8 of the whole text, even when slices would fall inside a surrogate pair', async () => {
    const text = `a🧭,“é”\r\n${'x🧭'.repeat(400)}—end`;
    for (const slice of [1, 2, 3, 7, 64, 1_000_000]) {
      let yields = 0;
      const blob = await blobInSlices(text, { slice, yieldToUi: async () => void yields++ });
      expect(await bytesOf(blob), `slice ${slice}`).toEqual(new TextEncoder().encode(text));
      if (slice < 64) expect(yields).toBeGreaterThan(10);
    }
  });

  it('yields between slices and keeps bytes as they are', async () => {
    const bytes = Uint8Array.from({ length: 300_000 }, (_, index) => (index * 7) % 256);
    let yields = 0;
    const blob = await blobInSlices(bytes, { slice: 10_000, yieldToUi: async () => void yields++ });
    expect(await bytesOf(blob)).toEqual(bytes);
    expect(yields).toBeGreaterThanOrEqual(29);
  });

  it('gives an empty Blob for empty content', async () => {
    expect((await blobInSlices('', { yieldToUi: async () => undefined })).size).toBe(0);
  });
});
