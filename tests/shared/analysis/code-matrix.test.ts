import { describe, expect, it } from 'vitest';
import { codeDocumentMatrix } from '#shared/analysis/code-matrix.ts';

const seg = (document: string, ...codes: string[]) => ({ document: { id: document }, tags: codes.map((id) => ({ id })) });

describe('codes × documents', () => {
  it('counts segments per code and article; an article’s total counts each coded highlight once', () => {
    const matrix = codeDocumentMatrix(
      [seg('d1', 'A', 'B'), seg('d1', 'A'), seg('d2', 'B'), seg('d2'), seg('d2', 'Z'), seg('unknown', 'A')],
      [{ id: 'A', name: 'A' }, { id: 'B', name: 'B' }],
      [{ id: 'd1', title: 'One' }, { id: 'd2', title: 'Two' }, { id: 'd3', title: 'Three' }],
    );
    expect(matrix.counts).toEqual([[2, 0, 0], [1, 1, 0]]);
    expect(matrix.codeTotals).toEqual([2, 2]);
    expect(matrix.documentTotals).toEqual([2, 1, 0]);
    expect(matrix.total).toBe(3);
  });
});
