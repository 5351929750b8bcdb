/**
 * Code co-occurrence (docs/architecture.md §10): for codes 1 and 2, n12 is the number of
 * coded segments of code 1 that carry code 2 or overlap a segment coded with code 2; a
 * highlight carrying both codes counts once, however many code-2 segments it also
 * overlaps. Beside it, ATLAS.ti's c-coefficient c = n12 / (n1 + n2 − n12), where n1 and n2
 * are the codes' numbers of segments.
 *
 * n12 counts segments of code 1, so it is NOT symmetric in general: one long code-1
 * segment overlapping two short code-2 segments gives n12 = 1 for (1, 2) but 2 for (2, 1).
 * It is symmetric when each overlap pairs one segment with one. The table keeps both
 * directions: row = code 1, column = code 2.
 *
 * Overlap means sharing at least one character of the same article (touching spans do not
 * overlap) and is judged on placed spans only: an unanchored highlight co-occurs only
 * through the codes it carries itself. One sweep per article over the segments sorted by
 * start finds every overlapping pair, so the table costs O(segments log segments + pairs).
 */
import type { CodeRef } from './code-matrix.ts';

/** What co-occurrence needs of a segment (an export excerpt fits). */
export interface CodedSegment {
  readonly id: string;
  readonly document: { readonly id: string };
  /** Whether `utf16` is the segment's place in the current text (else it is not compared). */
  readonly anchored: boolean;
  readonly utf16: { readonly start: number; readonly end: number };
  readonly tags: readonly { readonly id: string }[];
}

/** The co-occurrence table of a list of codes. */
export interface CooccurrenceTable {
  readonly codes: readonly CodeRef[];
  /** Segments of each code (n1, n2 …). */
  readonly n: readonly number[];
  /** `n12[i][j]`: segments of code i carrying code j or overlapping a segment coded j (0 on the diagonal). */
  readonly n12: readonly (readonly number[])[];
}

/** ATLAS.ti's c-coefficient n12 / (n1 + n2 − n12); 0 when neither code has a segment. */
export function cCoefficient(n12: number, n1: number, n2: number): number {
  const union = n1 + n2 - n12;
  return union <= 0 ? 0 : n12 / union;
}

/** For each segment, the indexes (into `codes`) of the codes it carries. */
function codesOfSegments(segments: readonly CodedSegment[], codeIndex: ReadonlyMap<string, number>): number[][] {
  return segments.map((segment) => {
    const own: number[] = [];
    for (const tag of segment.tags) {
      const index = codeIndex.get(tag.id);
      if (index !== undefined && !own.includes(index)) own.push(index);
    }
    return own;
  });
}

/** Calls `visit(a, b)` once for every pair of overlapping placed segments (indexes into `segments`). */
export function forEachOverlap(segments: readonly CodedSegment[], include: (index: number) => boolean, visit: (a: number, b: number) => void): void {
  const byDocument = new Map<string, number[]>();
  segments.forEach((segment, index) => {
    if (!include(index) || !segment.anchored || segment.utf16.end <= segment.utf16.start) return;
    const list = byDocument.get(segment.document.id) ?? [];
    list.push(index);
    byDocument.set(segment.document.id, list);
  });
  for (const list of byDocument.values()) {
    list.sort((a, b) => (segments[a] as CodedSegment).utf16.start - (segments[b] as CodedSegment).utf16.start);
    // Segments that may still overlap what comes next, compacted in place as they end.
    const active: number[] = [];
    for (const index of list) {
      const start = (segments[index] as CodedSegment).utf16.start;
      let kept = 0;
      for (const other of active) {
        if ((segments[other] as CodedSegment).utf16.end <= start) continue;
        active[kept++] = other;
        visit(other, index);
      }
      active.length = kept;
      active.push(index);
    }
  }
}

/** Bit sets of codes, `words` 32-bit words per segment. */
interface CodeBits {
  readonly words: number;
  readonly bits: Uint32Array;
}

function bitsOf(own: readonly (readonly number[])[], codeCount: number): CodeBits {
  const words = Math.max(1, Math.ceil(codeCount / 32));
  const bits = new Uint32Array(own.length * words);
  own.forEach((codes, index) => {
    for (const code of codes) bits[index * words + (code >>> 5)] = (bits[index * words + (code >>> 5)] as number) | (1 << (code & 31));
  });
  return { words, bits };
}

/** The codes each segment carries or overlaps, as bit sets (indexes into `codes`). */
function codesNear(segments: readonly CodedSegment[], own: readonly (readonly number[])[], codeCount: number): CodeBits {
  const carried = bitsOf(own, codeCount);
  const { words } = carried;
  const near = new Uint32Array(carried.bits);
  forEachOverlap(segments, (index) => (own[index] as readonly number[]).length > 0, (a, b) => {
    for (let word = 0; word < words; word += 1) {
      near[a * words + word] = (near[a * words + word] as number) | (carried.bits[b * words + word] as number);
      near[b * words + word] = (near[b * words + word] as number) | (carried.bits[a * words + word] as number);
    }
  });
  return { words, bits: near };
}

/** The table for `codes` (in that order) over `segments`; codes not listed are left out. */
export function cooccurrence(segments: readonly CodedSegment[], codes: readonly CodeRef[]): CooccurrenceTable {
  const codeCount = codes.length;
  const own = codesOfSegments(segments, new Map(codes.map((code, index) => [code.id, index])));
  const near = codesNear(segments, own, codeCount);
  const n = codes.map(() => 0);
  const n12 = codes.map(() => codes.map(() => 0));
  own.forEach((codesOfSegment, index) => {
    for (const code of codesOfSegment) {
      n[code] = (n[code] as number) + 1;
      const row = n12[code] as number[];
      for (let word = 0; word < near.words; word += 1) {
        let bits = near.bits[index * near.words + word] as number;
        while (bits !== 0) {
          const low = bits & -bits;
          const other = word * 32 + (31 - Math.clz32(low));
          bits ^= low;
          if (other !== code) row[other] = (row[other] as number) + 1;
        }
      }
    }
  });
  return { codes, n, n12 };
}

/** The segments behind one cell: code 1's segments that were counted, and the code-2 segments they share or overlap. */
export interface CooccurrenceCell {
  readonly counted: readonly string[];
  readonly partners: readonly string[];
}

/** Which segments make up n12 for (`code1`, `code2`), as segment ids in `segments` order. */
export function cooccurrenceCell(segments: readonly CodedSegment[], code1: string, code2: string): CooccurrenceCell {
  const carries = (index: number, code: string) => (segments[index] as CodedSegment).tags.some((tag) => tag.id === code);
  const counted = new Set<number>();
  const partners = new Set<number>();
  segments.forEach((_, index) => {
    if (carries(index, code1) && carries(index, code2)) counted.add(index);
  });
  forEachOverlap(segments, (index) => carries(index, code1) || carries(index, code2), (a, b) => {
    for (const [one, two] of [[a, b], [b, a]] as const) {
      if (carries(one, code1) && carries(two, code2)) {
        counted.add(one);
        if (two !== one) partners.add(two);
      }
    }
  });
  const ids = (set: ReadonlySet<number>) => [...set].sort((x, y) => x - y).map((index) => (segments[index] as CodedSegment).id);
  return { counted: ids(counted), partners: ids(new Set([...partners].filter((index) => !counted.has(index)))) };
}
