import { describe, expect, it } from 'vitest';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import { compareIntervals, disagreements, parseCompareSubject, serializeCompareSubject } from '#shared/analysis/compare.ts';

describe('comparing two coders', () => {
  it('splits the text into A only, B only and both, in text order', () => {
    const segments = compareIntervals([{ start: 0, end: 100 }, { start: 200, end: 210 }], [{ start: 50, end: 150 }, { start: 210, end: 220 }]);
    expect(segments).toEqual([
      { start: 0, end: 50, kind: 'a' },
      { start: 50, end: 100, kind: 'both' },
      { start: 100, end: 150, kind: 'b' },
      { start: 200, end: 210, kind: 'a' },
      { start: 210, end: 220, kind: 'b' },
    ]);
    expect(disagreements(segments).map((segment) => segment.kind)).toEqual(['a', 'b', 'a', 'b']);
    expect(compareIntervals([{ start: 5, end: 9 }], [{ start: 5, end: 9 }])).toEqual([{ start: 5, end: 9, kind: 'both' }]);
    expect(compareIntervals([], [])).toEqual([]);
  });

  it('reads back its subject and reads a damaged one as nothing chosen', () => {
    const subject = { a: 'ana' as MemberId, b: 'bo' as MemberId, tag: 't1' as TagId };
    expect(parseCompareSubject(serializeCompareSubject(subject))).toEqual(subject);
    expect(parseCompareSubject('{"a":"ana","b":"bo","tag":null}')).toEqual({ a: 'ana', b: 'bo', tag: null });
    for (const raw of [null, '', '[', '7', '{"a":3}']) expect(parseCompareSubject(raw)).toEqual({ a: null, b: null, tag: null });
  });
});
