/**
 * Which seeds the convergence fuzz runs, read from the environment, and how a failing seed
 * is reported. By default 200 seeds; `MARGINALIA_FUZZ_SEEDS=5000` runs a soak;
 * `MARGINALIA_FUZZ_SEED=1234` runs just that seed (it wins over the count). Every failure
 * names its seed and the command that reruns it alone, since a seed reproduces the whole run.
 */

/** The environment variable holding how many seeds to run (1..N). */
export const FUZZ_SEEDS_VARIABLE = 'MARGINALIA_FUZZ_SEEDS';
/** The environment variable holding the one seed to run. */
export const FUZZ_SEED_VARIABLE = 'MARGINALIA_FUZZ_SEED';
/** Seeds run when the environment asks for no other count. */
export const DEFAULT_FUZZ_SEEDS = 200;

/** The environment as the fuzz reads it (process.env fits). */
export type FuzzEnv = Readonly<Record<string, string | undefined>>;

function wholeNumber(env: FuzzEnv, name: string, minimum: number): number | undefined {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < minimum) {
    throw new Error(`${name} must be a whole number ≥ ${minimum}, got "${env[name]}"`);
  }
  return number;
}

/** How many seeds to run: `MARGINALIA_FUZZ_SEEDS`, else {@link DEFAULT_FUZZ_SEEDS}. Throws on a value that is not a positive whole number. */
export function fuzzSeedCount(env: FuzzEnv): number {
  return wholeNumber(env, FUZZ_SEEDS_VARIABLE, 1) ?? DEFAULT_FUZZ_SEEDS;
}

/** The seeds to run: just `MARGINALIA_FUZZ_SEED` when set, else 1..{@link fuzzSeedCount}. */
export function fuzzSeeds(env: FuzzEnv): number[] {
  const single = wholeNumber(env, FUZZ_SEED_VARIABLE, 0);
  if (single !== undefined) return [single];
  return Array.from({ length: fuzzSeedCount(env) }, (_, index) => index + 1);
}

/** Splits seeds into batches of `size`, one test each, so a soak shows progress and each batch has its own timeout. */
export function seedBatches(seeds: readonly number[], size: number): number[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`batch size must be a positive whole number, got ${size}`);
  const batches: number[][] = [];
  for (let start = 0; start < seeds.length; start += size) batches.push(seeds.slice(start, start + size));
  return batches;
}

/** The command that reruns one seed alone. */
export function rerunCommand(seed: number): string {
  return `${FUZZ_SEED_VARIABLE}=${seed} npm run test:unit -- tests/fuzz`;
}

/** Runs `body` for each seed in order; the first failure is rethrown naming its seed and how to rerun it. */
export function forEachSeed(seeds: readonly number[], body: (seed: number) => void): void {
  for (const seed of seeds) {
    try {
      body(seed);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`seed ${seed} failed (rerun just this seed: ${rerunCommand(seed)}): ${reason}`, { cause: error });
    }
  }
}
