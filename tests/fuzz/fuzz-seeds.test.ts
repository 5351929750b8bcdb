/**
 * The fuzz's seed selection: the count and the single seed come from the environment, bad
 * values are refused with the variable's name, and a failure names its seed and the rerun.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_FUZZ_SEEDS, forEachSeed, fuzzSeedCount, fuzzSeeds, rerunCommand, seedBatches } from './fuzz-seeds.ts';

describe('fuzzSeedCount', () => {
  it('is 200 unless the environment says otherwise', () => {
    expect(DEFAULT_FUZZ_SEEDS).toBe(200);
    expect(fuzzSeedCount({})).toBe(200);
    expect(fuzzSeedCount({ MARGINALIA_FUZZ_SEEDS: '' })).toBe(200);
  });

  it('reads MARGINALIA_FUZZ_SEEDS', () => {
    expect(fuzzSeedCount({ MARGINALIA_FUZZ_SEEDS: '5000' })).toBe(5000);
    expect(fuzzSeedCount({ MARGINALIA_FUZZ_SEEDS: ' 7 ' })).toBe(7);
  });

  it.each(['0', '-3', '2.5', 'many', '1e3'])('refuses MARGINALIA_FUZZ_SEEDS=%s, naming the variable', (value) => {
    expect(() => fuzzSeedCount({ MARGINALIA_FUZZ_SEEDS: value })).toThrow(`MARGINALIA_FUZZ_SEEDS must be a whole number ≥ 1, got "${value}"`);
  });
});

describe('fuzzSeeds', () => {
  it('runs 1..count', () => {
    expect(fuzzSeeds({ MARGINALIA_FUZZ_SEEDS: '4' })).toEqual([1, 2, 3, 4]);
    expect(fuzzSeeds({})).toHaveLength(200);
  });

  it('runs just MARGINALIA_FUZZ_SEED when set, whatever the count', () => {
    expect(fuzzSeeds({ MARGINALIA_FUZZ_SEED: '1234' })).toEqual([1234]);
    expect(fuzzSeeds({ MARGINALIA_FUZZ_SEED: '0', MARGINALIA_FUZZ_SEEDS: '5000' })).toEqual([0]);
    expect(() => fuzzSeeds({ MARGINALIA_FUZZ_SEED: 'x' })).toThrow('MARGINALIA_FUZZ_SEED must be a whole number');
  });
});

describe('seedBatches', () => {
  it('splits seeds into batches in order, the last one shorter', () => {
    expect(seedBatches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(seedBatches([9], 100)).toEqual([[9]]);
    expect(() => seedBatches([1], 0)).toThrow('batch size');
  });
});

describe('forEachSeed', () => {
  it('runs every seed in order when none fails', () => {
    const seen: number[] = [];
    forEachSeed([3, 1, 2], (seed) => void seen.push(seed));
    expect(seen).toEqual([3, 1, 2]);
  });

  it('stops at the first failure and names its seed, the rerun command and the reason', () => {
    const seen: number[] = [];
    const failing = () => forEachSeed([1, 2, 3, 4], (seed) => {
      seen.push(seed);
      if (seed === 3) throw new Error('snapshots differ');
    });
    expect(failing).toThrow('seed 3 failed (rerun just this seed: MARGINALIA_FUZZ_SEED=3 npm run test:unit -- tests/fuzz): snapshots differ');
    expect(seen).toEqual([1, 2, 3]);
    expect(rerunCommand(1234)).toBe('MARGINALIA_FUZZ_SEED=1234 npm run test:unit -- tests/fuzz');
  });
});
