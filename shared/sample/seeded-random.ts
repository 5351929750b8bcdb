/**
 * The seeded pseudo-random generator behind the sample project (`marginalia sample`), and
 * the one every test, fuzz run, baseline generator and bench workload uses, so a project, a
 * failure or a figure reproduces from its seed alone. mulberry32: 32 bits of state, fast,
 * and plenty for picking sample content or test inputs (not for anything secret).
 */

/** A generator of numbers 0 ≤ x < 1 that yields the same sequence for the same `seed`. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
