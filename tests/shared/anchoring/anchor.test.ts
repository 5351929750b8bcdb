import { describe as group, expect, it } from 'vitest';
import { anchor, maxErrorsFor } from '#shared/anchoring/anchor.ts';
import { describe } from '#shared/anchoring/describe.ts';

const TEXT =
  'Azerbaijan balances between major powers.\n' +
  'The country keeps its independence and uses its position as leverage.\n' +
  'Energy resources shaped the policy. The country keeps its independence by hedging.\n';

function span(text: string, quote: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`missing ${quote}`);
  return { start, end: start + quote.length };
}

group('describe', () => {
  it('records offsets, the exact text and 32 characters of context', () => {
    const target = span(TEXT, 'uses its position');
    const selectors = describe(TEXT, target);
    expect(selectors.position).toEqual(target);
    expect(selectors.quote.exact).toBe('uses its position');
    expect(selectors.quote.prefix).toBe(TEXT.slice(target.start - 32, target.start));
    expect(selectors.quote.suffix).toBe(TEXT.slice(target.end, target.end + 32));
  });

  it('clips context at the ends of the text and rejects spans outside it', () => {
    expect(describe(TEXT, { start: 0, end: 10 }).quote.prefix).toBe('');
    expect(() => describe(TEXT, { start: 5, end: TEXT.length + 1 })).toThrow(RangeError);
    expect(() => describe(TEXT, { start: 5, end: 4 })).toThrow(RangeError);
  });
});

group('anchor', () => {
  it('uses the position when the document hash is unchanged and the quote verifies', () => {
    const target = span(TEXT, 'Energy resources');
    const result = anchor(TEXT, describe(TEXT, target), { hash: 'h1', expectedHash: 'h1' });
    expect(result).toEqual({ status: 'anchored', ...target, method: 'position', errors: 0 });
  });

  it('does not trust the position when the quote there no longer matches, even with equal hashes', () => {
    const target = span(TEXT, 'Energy resources');
    const selectors = describe(TEXT, target);
    const shifted = 'Intro.\n' + TEXT;
    const result = anchor(shifted, selectors, { hash: 'h', expectedHash: 'h' });
    expect(result).toMatchObject({ status: 'anchored', start: target.start + 7, method: 'quote' });
  });

  it('re-finds a moved quote and uses prefix/suffix to pick the right one of two occurrences', () => {
    const second = span(TEXT, 'The country keeps its independence', 60);
    const selectors = describe(TEXT, second);
    const edited = TEXT.replace('Energy resources shaped the policy.', 'Energy resources, above all oil and gas, shaped the policy.');
    const result = anchor(edited, selectors, { hash: 'new', expectedHash: 'old' });
    const expected = span(edited, 'The country keeps its independence', 60);
    expect(result).toMatchObject({ status: 'anchored', ...expected, method: 'quote' });
  });

  it('prefers the occurrence nearest the old position when contexts are equally good', () => {
    const line = 'x same same x\n';
    const text = line.repeat(3);
    const exactStart = line.length + 2; // first "same" of the second line
    const selectors = describe(text, { start: exactStart, end: exactStart + 4 });
    const result = anchor(text, { ...selectors, quote: { ...selectors.quote, prefix: '', suffix: '' } });
    expect(result).toMatchObject({ status: 'anchored', start: exactStart, method: 'quote' });
  });

  it('anchors fuzzily across a fixed typo inside the quote', () => {
    const target = span(TEXT, 'uses its position as leverage');
    const selectors = describe(TEXT, target);
    const edited = TEXT.replace('uses its position', 'uses its positon');
    const result = anchor(edited, selectors, { hash: 'b', expectedHash: 'a' });
    expect(result).toMatchObject({ status: 'anchored', start: target.start, end: target.end - 1, method: 'fuzzy', errors: 1 });
  });

  it('reports a quote whose text was deleted as unanchored, keeping the quote', () => {
    const target = span(TEXT, 'Energy resources shaped the policy.');
    const selectors = describe(TEXT, target);
    const edited = TEXT.replace('Energy resources shaped the policy. ', '');
    expect(anchor(edited, selectors, { hash: 'b', expectedHash: 'a' })).toEqual({ status: 'unanchored', quote: selectors.quote });
  });

  it('bounds the fuzzy error budget by quote length', () => {
    expect(maxErrorsFor(8)).toBe(2);
    expect(maxErrorsFor(40)).toBe(5);
    expect(maxErrorsFor(300)).toBe(30);
  });
});
