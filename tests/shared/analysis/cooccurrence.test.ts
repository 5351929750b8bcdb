import { describe, expect, it } from 'vitest';
import { cCoefficient, cooccurrence, cooccurrenceCell, type CodedSegment } from '#shared/analysis/cooccurrence.ts';
import { cooccurrenceCsv, cooccurrenceJson } from '#shared/analysis/cooccurrence-format.ts';

const A = { id: 'A', name: 'Alpha' };
const B = { id: 'B', name: 'Beta' };

function segment(id: string, start: number, end: number, codes: string[], extra: Partial<CodedSegment> = {}): CodedSegment {
  return { id, document: { id: 'doc' }, anchored: true, utf16: { start, end }, tags: codes.map((code) => ({ id: code })), ...extra };
}

/** n12 straight from the definition, pair by pair (the reference the sweep is checked against). */
function bruteForce(segments: readonly CodedSegment[], code1: string, code2: string): number {
  const carries = (segment: CodedSegment, code: string) => segment.tags.some((tag) => tag.id === code);
  const overlap = (x: CodedSegment, y: CodedSegment) =>
    x.anchored && y.anchored && x.document.id === y.document.id && Math.max(x.utf16.start, y.utf16.start) < Math.min(x.utf16.end, y.utf16.end);
  return segments.filter((one) => carries(one, code1) && (carries(one, code2) || segments.some((two) => two !== one && carries(two, code2) && overlap(one, two)))).length;
}

describe('co-occurrence, worked by hand', () => {
  it('counts a highlight carrying both codes once, even when it also overlaps the other code', () => {
    // h1 [0,10) A+B overlaps h2 [5,15) B. A: n=1; B: n=2.
    const table = cooccurrence([segment('h1', 0, 10, ['A', 'B']), segment('h2', 5, 15, ['B'])], [A, B]);
    expect(table.n).toEqual([1, 2]);
    // (A,B): h1 carries B (and overlaps h2) → 1. (B,A): h1 carries A, h2 overlaps h1 → 2.
    expect(table.n12).toEqual([[0, 1], [2, 0]]);
    expect(cCoefficient(1, 1, 2)).toBe(0.5);
  });

  it('counts overlap of distinct highlights, not touching ones, nor spans in another article', () => {
    const table = cooccurrence(
      [
        segment('h1', 0, 10, ['A']),
        segment('h2', 5, 15, ['B']),
        segment('h3', 20, 30, ['A']),
        segment('h4', 30, 40, ['B']), // touches h3 only
        segment('h5', 20, 30, ['B'], { document: { id: 'other' } }), // same offsets as h3, another article
      ],
      [A, B],
    );
    expect(table.n).toEqual([2, 3]);
    expect(table.n12).toEqual([[0, 1], [1, 0]]);
    expect(cCoefficient(1, 2, 3)).toBe(0.25);
  });

  it('finds no co-occurrence where nothing overlaps', () => {
    const table = cooccurrence([segment('h1', 0, 10, ['A']), segment('h2', 10, 20, ['B']), segment('h3', 50, 60, ['B'])], [A, B]);
    expect(table.n12).toEqual([[0, 0], [0, 0]]);
    expect(cCoefficient(0, 1, 2)).toBe(0);
  });

  it('is not symmetric: one long segment over two short ones counts 1 one way and 2 the other', () => {
    const table = cooccurrence([segment('long', 0, 100, ['A']), segment('s1', 10, 20, ['B']), segment('s2', 50, 60, ['B'])], [A, B]);
    expect(table.n12).toEqual([[0, 1], [2, 0]]);
    // c follows the same direction: 1/(1+2−1) = 0.5, but 2/(2+1−2) = 2 (above 1 when n12 exceeds the other code's n).
    expect(cCoefficient(1, 1, 2)).toBe(0.5);
    expect(cCoefficient(2, 2, 1)).toBe(2);
  });

  it('compares an unanchored highlight only through its own codes', () => {
    const table = cooccurrence([segment('lost', 0, 10, ['A', 'B'], { anchored: false }), segment('h2', 0, 10, ['B'], { anchored: false }), segment('h3', 5, 8, ['A'])], [A, B]);
    expect(table.n12).toEqual([[0, 1], [1, 0]]);
  });

  it('leaves out codes not asked for and treats merged duplicates as one application', () => {
    const table = cooccurrence([segment('h1', 0, 10, ['A', 'A', 'C'])], [A]);
    expect(table.n).toEqual([1]);
    expect(table.n12).toEqual([[0]]);
  });

  it('counts codes beyond the 32nd like the first', () => {
    const many = Array.from({ length: 40 }, (_, index) => ({ id: `K${index}`, name: `K${index}` }));
    const table = cooccurrence([segment('h1', 0, 10, ['K1', 'K39']), segment('h2', 5, 15, ['K33'])], many);
    expect([table.n[1], table.n[33], table.n[39]]).toEqual([1, 1, 1]);
    expect([(table.n12[1] as number[])[39], (table.n12[39] as number[])[33], (table.n12[33] as number[])[1], (table.n12[33] as number[])[39]]).toEqual([1, 1, 1, 1]);
    expect((table.n12[39] as number[]).reduce((sum, value) => sum + value, 0)).toBe(2);
  });

  it('agrees with the definition applied pair by pair on random segments', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const codes = ['A', 'B', 'C', 'D'].map((id) => ({ id, name: id }));
    for (let round = 0; round < 30; round += 1) {
      const segments = Array.from({ length: 40 }, (_, index) => {
        const start = Math.floor(random() * 200);
        const chosen = codes.filter(() => random() < 0.35).map((code) => code.id);
        return segment(`s${index}`, start, start + Math.floor(random() * 30), chosen, { document: { id: random() < 0.5 ? 'x' : 'y' }, anchored: random() < 0.9 });
      });
      const table = cooccurrence(segments, codes);
      codes.forEach((one, i) => codes.forEach((two, j) => {
        if (i !== j) expect((table.n12[i] as number[])[j], `${one.id}×${two.id}`).toBe(bruteForce(segments, one.id, two.id));
        if (i !== j) expect(cooccurrenceCell(segments, one.id, two.id).counted).toHaveLength(bruteForce(segments, one.id, two.id));
      }));
    }
  });
});

describe('the segments behind a cell', () => {
  const segments = [segment('h1', 0, 10, ['A', 'B']), segment('h2', 5, 15, ['B']), segment('h3', 40, 50, ['A'])];
  it('lists the counted segments of code 1 and the code-2 segments they overlap', () => {
    expect(cooccurrenceCell(segments, 'A', 'B')).toEqual({ counted: ['h1'], partners: ['h2'] });
    expect(cooccurrenceCell(segments, 'B', 'A')).toEqual({ counted: ['h1', 'h2'], partners: [] });
  });
});

describe('written out', () => {
  const table = cooccurrence([segment('h1', 0, 10, ['A', 'B']), segment('h2', 5, 15, ['B'])], [A, { id: 'B', name: '=Beta, "two"' }]);
  it('CSV: one row per ordered pair, names escaped like the CSV export', () => {
    expect(cooccurrenceCsv(table)).toBe(
      'code_1,code_2,n1,n2,n12,c,code_1_id,code_2_id\r\n' +
        'Alpha,"\'=Beta, ""two""",1,2,1,0.5000,A,B\r\n' +
        '"\'=Beta, ""two""",Alpha,2,1,2,2.0000,B,A\r\n',
    );
  });
  it('JSON: codes with n and every ordered pair', () => {
    const parsed = JSON.parse(cooccurrenceJson(table));
    expect(parsed.codes).toEqual([{ id: 'A', name: 'Alpha', n: 1 }, { id: 'B', name: '=Beta, "two"', n: 2 }]);
    expect(parsed.pairs).toEqual([{ code1: 'A', code2: 'B', n12: 1, c: 0.5 }, { code1: 'B', code2: 'A', n12: 2, c: 2 }]);
  });
});
