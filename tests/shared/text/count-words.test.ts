/** A count with its noun: singular for one, the given or regular plural otherwise, grouped by thousands. */
import { describe, expect, it } from 'vitest';
import { countWords } from '#shared/text/count-words.ts';

describe('countWords', () => {
  it('says one thing in the singular and any other count in the plural', () => {
    expect(countWords(1, 'note')).toBe('1 note');
    expect(countWords(0, 'note')).toBe('0 notes');
    expect(countWords(3, 'reply', 'replies')).toBe('3 replies');
  });

  it('groups large counts by thousands, English-style', () => {
    expect(countWords(10000, 'highlight')).toBe('10,000 highlights');
  });
});
