import { describe, expect, it } from 'vitest';
import { describe as describeSpan } from '#shared/anchoring/describe.ts';
import { addHighlight, applyTag } from '#shared/model/highlights.ts';
import type { TagId } from '#shared/model/ids.ts';
import { createProject } from '#shared/model/project.ts';
import { createTag } from '#shared/model/tags.ts';
import { codePointIndex, codedHighlights, coderSpans, intervalsOf, mergeIntervals } from '#shared/analysis/coder-spans.ts';
import { replica, syncAll, type Replica } from '../../helpers/replicas.ts';

// Two astral characters (two UTF-16 units each) before the coded words.
const text = '𝔸𝔹 alpha beta gamma delta';
const article = { text, hash: 'sha256:' + 'cd'.repeat(32), meta: { id: 'doc-a' } };

function highlight(r: Replica, phrase: string, tags: TagId[] = []) {
  const start = text.indexOf(phrase);
  const selectors = describeSpan(text, { start, end: start + phrase.length });
  return addHighlight(r.doc, r.actor, { documentId: 'doc-a', documentHash: article.hash, position: selectors.position, quote: selectors.quote, tags });
}

describe('coder spans', () => {
  it('converts UTF-16 offsets to code points and back', () => {
    const index = codePointIndex(text);
    expect(index.toCodePoint(0)).toBe(0);
    expect(index.toCodePoint(2)).toBe(1);
    expect(index.toCodePoint(5)).toBe(3);
    expect(index.toUtf16(3)).toBe(5);
    expect(index.toUtf16(99)).toBe(text.length);
  });

  it('merges overlapping and touching intervals', () => {
    expect(mergeIntervals([{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 3, end: 4 }, { start: 8, end: 12 }, { start: 7, end: 7 }])).toEqual([{ start: 0, end: 4 }, { start: 5, end: 12 }]);
  });

  it('gives each coder, per code, the merged code-point intervals of the highlights they coded', () => {
    const ana = replica('ana', 1);
    const bo = replica('bo', 2);
    createProject(ana.doc, ana.actor, { name: 'P' });
    const code = createTag(ana.doc, ana.actor, { name: 'Code', colour: '#f00' });
    const other = createTag(ana.doc, ana.actor, { name: 'Other', colour: '#0f0' });
    highlight(ana, 'alpha beta', [code]);
    highlight(ana, 'beta gamma', [code]);
    const bos = highlight(ana, 'delta');
    syncAll(ana.doc, bo.doc);
    // Ana created "delta", Bo coded it: Bo is its coder.
    applyTag(bo.doc, bo.actor, bos, code);
    highlight(bo, 'gamma', [other]);
    syncAll(ana.doc, bo.doc);

    const spans = coderSpans(codedHighlights(ana.doc, article));
    // "𝔸𝔹 " is 3 code points: alpha starts at 3.
    expect(intervalsOf(spans, ana.actor.member, code)).toEqual([{ start: 3, end: 19 }]);
    expect(intervalsOf(spans, bo.actor.member, code)).toEqual([{ start: 20, end: 25 }]);
    expect(intervalsOf(spans, bo.actor.member, null)).toEqual([{ start: 14, end: 19 }, { start: 20, end: 25 }]);
    expect(intervalsOf(spans, 'nobody' as never, null)).toEqual([]);
  });
});
