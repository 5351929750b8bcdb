/**
 * Golden anchoring baselines over the five bundled articles (tests/baselines/anchoring):
 * the stored selectors must still be what `describe` produces, and anchoring them must give
 * back the same span — by position when the hash matches, by quote when it is unknown.
 * If an article's text changes on purpose, regenerate with
 * `node tests/baselines/anchoring/generate.ts` and review the diff.
 */
import { readFile } from 'node:fs/promises';
import { describe as group, expect, it } from 'vitest';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { anchor } from '#shared/anchoring/anchor.ts';
import { describe } from '#shared/anchoring/describe.ts';
import type { Baseline } from '../../baselines/anchoring/generate.ts';

const documents = await readBundledDocuments(defaultDocumentsDir());

group('golden anchoring baselines', () => {
  it('cover all five bundled articles', () => {
    expect(documents.filter((d) => d.ok)).toHaveLength(5);
  });

  for (const result of documents) {
    if (!result.ok) continue;
    const { meta, text, hash } = result.article;
    it(`${meta.id}: selectors are stable and anchor back to the same spans`, async () => {
      const baseline = JSON.parse(
        await readFile(new URL(`../../baselines/anchoring/${meta.id}.json`, import.meta.url), 'utf8'),
      ) as Baseline;
      expect(baseline.hash, 'the article text changed: regenerate the baseline if intended').toBe(hash);
      expect(baseline.spans.length).toBeGreaterThanOrEqual(43);
      for (const span of baseline.spans) {
        expect(describe(text, span), span.label).toEqual(span.selectors);
        expect(anchor(text, span.selectors, { hash, expectedHash: baseline.hash }), span.label).toEqual({
          status: 'anchored',
          start: span.start,
          end: span.end,
          method: 'position',
          errors: 0,
        });
        expect(anchor(text, span.selectors), span.label).toMatchObject({ status: 'anchored', start: span.start, end: span.end, method: 'quote' });
      }
    });
  }
});
