import { describe, expect, it } from 'vitest';
import { approximateSearch, editDistance } from '#shared/anchoring/myers.ts';
import { seededRandom as rng } from '#shared/sample/seeded-random.ts';

function randomString(random: () => number, length: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** Minimal edit distance of `pattern` to any substring of `text` (classic semi-global DP). */
function naiveBest(text: string, pattern: string): number {
  let previous = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  let best = previous[pattern.length] as number;
  for (let j = 1; j <= text.length; j++) {
    const current = [0];
    for (let i = 1; i <= pattern.length; i++) {
      const cost = text[j - 1] === pattern[i - 1] ? 0 : 1;
      current[i] = Math.min((previous[i] as number) + 1, (current[i - 1] as number) + 1, (previous[i - 1] as number) + cost);
    }
    best = Math.min(best, current[pattern.length] as number);
    previous = current;
  }
  return best;
}

function mutate(random: () => number, value: string, edits: number, alphabet: string): string {
  let out = value;
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = Math.floor(random() * 3);
    const char = alphabet[Math.floor(random() * alphabet.length)] as string;
    if (kind === 0) out = out.slice(0, at) + char + out.slice(at);
    else if (kind === 1) out = out.slice(0, at) + out.slice(at + 1);
    else out = out.slice(0, at) + char + out.slice(at + 1);
  }
  return out;
}

describe('approximateSearch (Myers bit-parallel)', () => {
  it('finds an exact occurrence with zero errors and the right span', () => {
    const text = 'the quick brown fox jumps over the lazy dog';
    expect(approximateSearch(text, 'brown fox', 0)).toEqual([{ start: 10, end: 19, errors: 0 }]);
  });

  it('finds a match with a typo, reporting the edit count', () => {
    const text = 'strategic pragmatism in the South Caucasus';
    const [match] = approximateSearch(text, 'strategic pragmatizm', 2);
    expect(match).toMatchObject({ start: 0, end: 20, errors: 1 });
  });

  it('agrees with a naive dynamic program on random inputs, for short and multi-block patterns', () => {
    const random = rng(7);
    for (let round = 0; round < 300; round++) {
      const alphabet = round % 2 === 0 ? 'ab' : 'abcdefgh ';
      const patternLength = [3, 17, 31, 32, 33, 64, 65, 100][round % 8] as number;
      const pattern = randomString(random, patternLength, alphabet);
      const text =
        randomString(random, Math.floor(random() * 80), alphabet) +
        mutate(random, pattern, Math.floor(random() * 6), alphabet) +
        randomString(random, Math.floor(random() * 80), alphabet);
      const maxErrors = Math.floor(random() * 8);
      const matches = approximateSearch(text, pattern, maxErrors);
      const truth = naiveBest(text, pattern);
      for (const match of matches) {
        expect(match.errors).toBeLessThanOrEqual(maxErrors);
        expect(editDistance(text.slice(match.start, match.end), pattern)).toBe(match.errors);
      }
      if (truth <= maxErrors) {
        expect(Math.min(...matches.map((m) => m.errors))).toBe(truth);
      } else {
        expect(matches).toEqual([]);
      }
    }
  });

  it('respects a search range', () => {
    const text = 'abc xyz abc xyz abc';
    expect(approximateSearch(text, 'abc', 0, { from: 4 }).map((m) => m.start)).toEqual([8, 16]);
    expect(approximateSearch(text, 'abc', 0, { from: 4, to: 12 }).map((m) => m.start)).toEqual([8]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
