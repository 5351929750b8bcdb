/**
 * Unit tests of a highlight mark's hover title: the names of every code of the highlights
 * covering the mark, innermost highlight's codes first, each once.
 */
import { describe, expect, it } from 'vitest';
import type { HighlightId, TagId } from '#shared/model/ids.ts';
import { segmentClasses, segmentsIn, segmentTitle, type HighlightSpan } from '../../../renderer/reader/highlight-segments.ts';

const NAMES = new Map<string, string>([['tag-energy', 'Energy'], ['tag-security', 'Security'], ['tag-trade', 'Trade']]);
const nameOf = (tag: TagId): string | undefined => NAMES.get(tag);

function span(id: string, from: number, to: number, tags: string[]): HighlightSpan {
  return { id: id as HighlightId, from, to, tags: tags as TagId[], hasNote: false };
}

describe('segmentTitle', () => {
  it('names the codes of every covering highlight, innermost first, each once', () => {
    const outer = span('outer', 0, 40, ['tag-security', 'tag-trade']);
    const inner = span('inner', 10, 20, ['tag-energy', 'tag-security']);
    const [before, middle] = segmentsIn([outer, inner], 0, 40);
    expect(segmentTitle(middle!, nameOf)).toBe('Energy, Security, Trade');
    expect(segmentTitle(before!, nameOf)).toBe('Security, Trade');
  });

  it('is empty for an untagged highlight and leaves out tags the codebook does not know', () => {
    const [untagged] = segmentsIn([span('a', 0, 5, [])], 0, 10);
    expect(segmentTitle(untagged!, nameOf)).toBe('');
    const [unknown] = segmentsIn([span('b', 0, 5, ['tag-gone', 'tag-energy'])], 0, 10);
    expect(segmentTitle(unknown!, nameOf)).toBe('Energy');
  });

  it('marks three codes as quietly as two: one underline class, no many-codes marker', () => {
    const [segment] = segmentsIn([span('c', 0, 5, ['tag-energy', 'tag-security', 'tag-trade'])], 0, 10);
    const classes = segmentClasses(segment!, null).split(' ');
    expect(classes.filter((name) => name.startsWith('hl-u-'))).toEqual(['hl-u-tag-security']);
    expect(classes).not.toContain('hl-many');
  });

  it('paints the innermost highlight’s own colour instead of its first code’s, keeping the underline', () => {
    const outer = span('outer', 0, 40, ['tag-trade']);
    const inner = { ...span('inner', 10, 20, ['tag-energy', 'tag-security']), colour: '#5aa9e6' };
    const [before, middle] = segmentsIn([outer, inner], 0, 40);
    const classes = segmentClasses(middle!, null).split(' ');
    expect(classes).toContain('hl-c-5aa9e6');
    expect(classes.some((name) => name.startsWith('hl-t-'))).toBe(false);
    expect(classes).toContain('hl-u-tag-security');
    expect(segmentClasses(before!, null).split(' ')).toContain('hl-t-tag-trade');
  });
});
