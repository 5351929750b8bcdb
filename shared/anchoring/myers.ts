/**
 * Approximate substring search: every place where `pattern` occurs in `text` with at most
 * `maxErrors` edits (insertions, deletions, substitutions).
 *
 * Myers' bit-parallel algorithm (G. Myers, "A fast bit-vector algorithm for approximate
 * string matching based on dynamic programming", J. ACM 1999), in the block form for
 * patterns longer than a machine word (the pattern is cut into 32-bit blocks and the
 * horizontal delta carried from block to block, as in §4.2 of the paper and Hyyrö's
 * formulation). Each text character costs O(⌈m/32⌉) word operations.
 *
 * A forward pass finds match ends and their edit counts; for each locally best end, a
 * backward pass over the reversed pattern (with a fixed end) finds the start that realises
 * the minimal distance.
 */

/** One approximate occurrence: `text[start, end)` is within `errors` edits of the pattern. */
export type ApproxMatch = { readonly start: number; readonly end: number; readonly errors: number };

const WORD = 32;

/** Bit-vector state of one column of the DP matrix, for one pattern. */
class BitColumns {
  readonly blocks: number;
  readonly topBit: Uint32Array;
  readonly pv: Uint32Array;
  readonly mv: Uint32Array;
  readonly peq: Map<number, Uint32Array>;
  readonly none: Uint32Array;
  score: number;

  constructor(pattern: string) {
    const m = pattern.length;
    this.blocks = Math.ceil(m / WORD);
    this.topBit = new Uint32Array(this.blocks).fill(0x80000000);
    this.topBit[this.blocks - 1] = 1 << ((m - 1) % WORD);
    this.pv = new Uint32Array(this.blocks).fill(0xffffffff);
    this.mv = new Uint32Array(this.blocks);
    this.none = new Uint32Array(this.blocks);
    this.peq = new Map();
    for (let i = 0; i < m; i++) {
      const code = pattern.charCodeAt(i);
      let eq = this.peq.get(code);
      if (!eq) this.peq.set(code, (eq = new Uint32Array(this.blocks)));
      eq[(i / WORD) | 0] = ((eq[(i / WORD) | 0] as number) | (1 << i % WORD)) >>> 0;
    }
    this.score = m;
  }

  /**
   * Advances one text character. `topDelta` is the change along row 0: 0 when a match may
   * start anywhere (search), +1 when the match must start where the scan started.
   */
  step(code: number, topDelta: 0 | 1): number {
    const eqs = this.peq.get(code) ?? this.none;
    let hin: number = topDelta;
    for (let b = 0; b < this.blocks; b++) {
      const pv = this.pv[b] as number;
      const mv = this.mv[b] as number;
      let eq = eqs[b] as number;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = ((((eq & pv) + pv) >>> 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const top = this.topBit[b] as number;
      const hout = ph & top ? 1 : mh & top ? -1 : 0;
      ph = (ph << 1) | (hin > 0 ? 1 : 0);
      mh = (mh << 1) | (hin < 0 ? 1 : 0);
      this.pv[b] = mh | ~(xv | ph);
      this.mv[b] = ph & xv;
      hin = hout;
    }
    this.score += hin;
    return this.score;
  }
}

function reverse(value: string): string {
  let out = '';
  for (let i = value.length - 1; i >= 0; i--) out += value[i];
  return out;
}

/** Match ends (exclusive) in `text[from, to)` with at most `maxErrors` edits, each the best of its cluster. */
function bestEnds(text: string, pattern: string, maxErrors: number, from: number, to: number): ApproxMatch[] {
  const columns = new BitColumns(pattern);
  const ends: ApproxMatch[] = [];
  let cluster: ApproxMatch | null = null;
  let lastHit = -Infinity;
  for (let j = from; j < to; j++) {
    const score = columns.step(text.charCodeAt(j), 0);
    if (score > maxErrors) continue;
    const end = j + 1;
    if (cluster && end - lastHit <= maxErrors + 1) {
      if (score < cluster.errors) cluster = { start: -1, end, errors: score };
    } else {
      if (cluster) ends.push(cluster);
      cluster = { start: -1, end, errors: score };
    }
    lastHit = end;
  }
  if (cluster) ends.push(cluster);
  return ends;
}

/** The start of the best match of `pattern` ending exactly at `end`, scanning back at most `m + maxErrors`. */
function bestStart(text: string, reversedPattern: string, end: number, maxErrors: number, from: number): ApproxMatch {
  const columns = new BitColumns(reversedPattern);
  const m = reversedPattern.length;
  let best: ApproxMatch = { start: end, end, errors: m };
  const limit = Math.max(from, end - m - maxErrors);
  for (let i = end - 1; i >= limit; i--) {
    const errors = columns.step(text.charCodeAt(i), 1);
    const length = end - i;
    if (errors < best.errors || (errors === best.errors && Math.abs(length - m) < Math.abs(best.end - best.start - m))) {
      best = { start: i, end, errors };
    }
  }
  return best;
}

/**
 * All approximate occurrences of `pattern` in `text` (optionally only within `[from, to)`)
 * with at most `maxErrors` edits, one per cluster of nearby ends, in text order.
 */
export function approximateSearch(
  text: string,
  pattern: string,
  maxErrors: number,
  range: { readonly from?: number; readonly to?: number } = {},
): ApproxMatch[] {
  if (pattern.length === 0) return [];
  const from = Math.max(0, range.from ?? 0);
  const to = Math.min(text.length, range.to ?? text.length);
  const reversedPattern = reverse(pattern);
  const out: ApproxMatch[] = [];
  for (const { end } of bestEnds(text, pattern, maxErrors, from, to)) {
    const match = bestStart(text, reversedPattern, end, maxErrors, from);
    if (match.errors <= maxErrors) out.push(match);
  }
  return out;
}

/** Levenshtein distance of two short strings (used to score prefix and suffix context). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}
