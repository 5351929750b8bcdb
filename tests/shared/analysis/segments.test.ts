import { describe, expect, it } from 'vitest';
import type { Excerpt } from '#shared/export/excerpt.ts';
import { segmentsOfCode } from '#shared/analysis/segments.ts';

function excerpt(id: string, documentId: string, start: number, end: number, tags: string[], anchored = true): Excerpt {
  return {
    id, quote: 'q', prefix: 'stored before ', suffix: ' stored after',
    document: { id: documentId, title: documentId.toUpperCase(), author: null, publisher: null, hash: '' },
    headingPath: [], paragraph: 1, utf16: { start, end }, codePoints: { start, end }, anchored,
    highlightedBy: { id: 'm', name: 'M' },
    tags: tags.map((tag) => ({ id: tag, name: tag, path: [tag], colour: '#000000', appliedBy: undefined, appliedAt: '' })),
    notes: [], created: '', modified: '',
  };
}

const texts = new Map([['a', 'Alpha beta gamma.\nDelta epsilon.'], ['b', 'One two three.']]);

describe('segmentsOfCode', () => {
  const excerpts = [excerpt('1', 'a', 6, 10, ['S']), excerpt('2', 'a', 18, 23, ['E']), excerpt('3', 'b', 4, 7, ['S', 'E']), excerpt('4', 'b', 0, 3, ['S'], false)];
  it('groups the code’s own segments by article, each with its context from the text', () => {
    const groups = segmentsOfCode(excerpts, texts, 'S');
    expect(groups.map((group) => [group.documentId, group.title, group.segments.map((segment) => segment.excerpt.id)])).toEqual([['a', 'A', ['1']], ['b', 'B', ['3', '4']]]);
    expect(groups[0]?.segments[0]).toMatchObject({ before: 'Alpha ', after: ' gamma.' });
  });
  it('gives an unanchored segment its stored neighbours as context', () => {
    expect(segmentsOfCode(excerpts, texts, 'S', 'b')[0]?.segments[1]).toMatchObject({ before: 'stored before ', after: ' stored after' });
  });
  it('keeps to one article when asked', () => {
    expect(segmentsOfCode(excerpts, texts, 'E', 'a').flatMap((group) => group.segments.map((segment) => segment.excerpt.id))).toEqual(['2']);
  });
});
