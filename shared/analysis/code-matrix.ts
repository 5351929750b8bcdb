/**
 * Codes × documents: how many coded segments of each code each article holds, with totals.
 * A segment is a highlight carrying the code itself (segments.ts); a highlight with three
 * codes counts once in each of their rows, so an article's total of coded segments (the
 * last row) is the number of distinct coded highlights in it, not the sum of its column.
 */

/** A code as the tables name it. */
export interface CodeRef {
  readonly id: string;
  readonly name: string;
}

/** An article as the tables name it. */
export interface DocumentRef {
  readonly id: string;
  readonly title: string;
}

/** What the matrix needs of a segment. */
export interface MatrixSegment {
  readonly document: { readonly id: string };
  readonly tags: readonly { readonly id: string }[];
}

/** The matrix. */
export interface CodeDocumentMatrix {
  readonly codes: readonly CodeRef[];
  readonly documents: readonly DocumentRef[];
  /** `counts[code][document]`: segments of the code in the article. */
  readonly counts: readonly (readonly number[])[];
  /** Segments of each code in all the articles. */
  readonly codeTotals: readonly number[];
  /** Distinct highlights in each article carrying at least one of the codes. */
  readonly documentTotals: readonly number[];
  /** Distinct highlights carrying at least one of the codes, in all the articles. */
  readonly total: number;
}

/** Counts `segments` per code (rows, in `codes` order) and article (columns, in `documents` order); others are left out. */
export function codeDocumentMatrix(segments: readonly MatrixSegment[], codes: readonly CodeRef[], documents: readonly DocumentRef[]): CodeDocumentMatrix {
  const codeIndex = new Map(codes.map((code, index) => [code.id, index]));
  const documentIndex = new Map(documents.map((document, index) => [document.id, index]));
  const counts = codes.map(() => documents.map(() => 0));
  const codeTotals = codes.map(() => 0);
  const documentTotals = documents.map(() => 0);
  let total = 0;
  for (const segment of segments) {
    const column = documentIndex.get(segment.document.id);
    if (column === undefined) continue;
    let coded = false;
    for (const tag of segment.tags) {
      const row = codeIndex.get(tag.id);
      if (row === undefined) continue;
      (counts[row] as number[])[column] = ((counts[row] as number[])[column] as number) + 1;
      codeTotals[row] = (codeTotals[row] as number) + 1;
      coded = true;
    }
    if (coded) {
      documentTotals[column] = (documentTotals[column] as number) + 1;
      total += 1;
    }
  }
  return { codes, documents, counts, codeTotals, documentTotals, total };
}
