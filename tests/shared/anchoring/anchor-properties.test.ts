/**
 * Property tests of describe/anchor on the real articles: for seeded random spans, an edit
 * elsewhere in the text moves the anchor exactly with the text (quote method), and a small
 * edit inside the span is absorbed by the fuzzy search with the span's edges mapped exactly.
 */
import { describe as group, expect, it } from 'vitest';
import { defaultDocumentsDir, readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import { anchor } from '#shared/anchoring/anchor.ts';
import { describe } from '#shared/anchoring/describe.ts';
import { CONTEXT_LENGTH } from '#shared/anchoring/types.ts';
import { seededRandom as prng } from '#shared/sample/seeded-random.ts';

const articles = (await readBundledDocuments(defaultDocumentsDir())).flatMap((r) => (r.ok ? [r.article] : []));

group('anchor properties on the bundled articles', () => {
  it('has the articles to test on', () => expect(articles.length).toBe(5));

  for (const article of articles) {
    it(`${article.meta.id}: edits outside a span move it; small edits inside are found fuzzily`, () => {
      const random = prng(article.text.length);
      const text = article.text;
      for (let round = 0; round < 40; round++) {
        const length = 40 + Math.floor(random() * 160);
        const start = Math.floor(random() * (text.length - length));
        const span = { start, end: start + length };
        const selectors = describe(text, span);
        if (text.indexOf(selectors.quote.exact) !== text.lastIndexOf(selectors.quote.exact)) continue;

        // an insertion or deletion well away from the span and its context
        const before = random() < 0.5 && start > CONTEXT_LENGTH + 60;
        const at = before
          ? Math.floor(random() * (start - CONTEXT_LENGTH - 60))
          : span.end + CONTEXT_LENGTH + Math.floor(random() * Math.max(1, text.length - span.end - CONTEXT_LENGTH - 60));
        if (at + 50 > text.length) continue;
        const removed = Math.floor(random() * 50);
        const inserted = 'x'.repeat(Math.floor(random() * 50));
        const outside = text.slice(0, at) + inserted + text.slice(at + removed);
        const shift = before ? inserted.length - removed : 0;
        expect(anchor(outside, selectors, { hash: 'new', expectedHash: 'old' }), `round ${round}`).toEqual({
          status: 'anchored',
          start: span.start + shift,
          end: span.end + shift,
          method: 'quote',
          errors: 0,
        });

        // one to three character edits strictly inside the span
        let inside = text;
        let delta = 0;
        const edits = 1 + Math.floor(random() * 3);
        const positions = Array.from({ length: edits }, (_, i) => span.start + 5 + Math.floor(((i + random()) * (length - 10)) / edits)).reverse();
        for (const position of positions) {
          const kind = Math.floor(random() * 3);
          if (kind === 0) inside = inside.slice(0, position) + '#' + inside.slice(position + 1);
          else if (kind === 1) (inside = inside.slice(0, position) + '#' + inside.slice(position)), delta++;
          else (inside = inside.slice(0, position) + inside.slice(position + 1)), delta--;
        }
        const result = anchor(inside, selectors, { hash: 'new', expectedHash: 'old' });
        expect(result, `round ${round}`).toMatchObject({ status: 'anchored', method: 'fuzzy', start: span.start, end: span.end + delta });
        if (result.status === 'anchored') expect(result.errors).toBeLessThanOrEqual(edits);
      }
    });
  }
});
