/**
 * The highlights plugin paints segments: one decoration per run of text covered by the same
 * highlights, never nested wrappers. Incremental updates (upsert, remove, focus) must leave
 * exactly the decorations a from-scratch build would produce — checked over seeded random
 * edit sequences on a bundled article — while keeping untouched decorations as they were.
 */
import { describe, expect, it } from 'vitest';
import type { Decoration } from 'prosemirror-view';
import type { HighlightId, TagId } from '#shared/model/ids.ts';
import { segmentClasses, segmentsIn, type HighlightSpan } from '../../../renderer/reader/highlight-segments.ts';
import { applyHighlightsMeta, createHighlightsState, highlightsAt, type HighlightsState, type SegmentSpec } from '../../../renderer/reader/highlights-plugin.ts';
import { EditorState } from 'prosemirror-state';
import { createHighlightsPlugin, setHighlightsMeta, nextHighlightAt } from '../../../renderer/reader/highlights-plugin.ts';
import { coversAll, intersectRanges, nextChunk } from '../../../renderer/reader/painted-ranges.ts';
import { bundledArticle } from './support.ts';

const article = bundledArticle('russia-azerbaijan-disputes');
const size = article.doc.content.size;
const hid = (n: number) => `h${String(n).padStart(21, '0')}` as HighlightId;
const tid = (n: number) => `t${String(n).padStart(21, '0')}` as TagId;
/** Start of the first paragraph long enough to hold the hand-placed spans (no node boundary inside). */
const para = (() => {
  let found = -1;
  article.doc.descendants((node, pos) => {
    if (found < 0 && node.type.name === 'paragraph' && node.content.size > 120) found = pos + 1;
    return found < 0;
  });
  return found;
})();
const span = (n: number, from: number, to: number, tags: number[] = [], hasNote = false): HighlightSpan => ({ id: hid(n), from, to, tags: tags.map(tid), hasNote });

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The DOM attributes of a segment decoration. */
function attrsOf(decoration: Decoration): Record<string, string> {
  return (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
}

/** What the reader shows: every decoration as from-to, its classes and its covering ids, in document order. */
function painted(state: HighlightsState): string[] {
  return state.decorations.find().map((d: Decoration) => `${d.from}-${d.to} ${attrsOf(d).class} [${attrsOf(d)['data-highlight-ids']}]`).sort();
}

describe('highlight segments', () => {
  it('cuts overlapping highlights into non-overlapping runs, innermost first', () => {
    const outer = span(1, 10, 50, [1]);
    const inner = span(2, 20, 30, [2]);
    const tail = span(3, 25, 60);
    const segments = segmentsIn([outer, inner, tail], 0, 100);
    expect(segments.map((s) => [s.from, s.to, s.spans.map((x) => x.id)])).toEqual([
      [10, 20, [outer.id]],
      [20, 25, [inner.id, outer.id]],
      [25, 30, [inner.id, tail.id, outer.id]],
      [30, 50, [tail.id, outer.id]],
      [50, 60, [tail.id]],
    ]);
    // Clipped to the asked range.
    expect(segmentsIn([outer], 15, 18)).toEqual([{ from: 15, to: 18, spans: [outer] }]);
  });

  it('classes: innermost id only, depth, innermost tag colour, next tag underlined (no many-tag marker), note, focus', () => {
    const outer = span(1, 10, 50, [1, 3], true);
    const inner = span(2, 20, 30, [2]);
    const [, middle] = segmentsIn([outer, inner], 0, 100);
    const classes = segmentClasses(middle!, outer.id).split(' ');
    expect(classes).toEqual(expect.arrayContaining(['hl', `hl-${inner.id}`, 'hl-d2', `hl-t-${tid(2)}`, `hl-u-${tid(1)}`, 'hl-noted', 'hl-focused']));
    expect(classes).not.toContain('hl-many');
    expect(classes).not.toContain(`hl-${outer.id}`);
    expect(classes).not.toContain(`hl-t-${tid(1)}`);
    const single = segmentClasses(segmentsIn([span(4, 0, 5)], 0, 10)[0]!, null).split(' ');
    expect(single).toEqual(['hl', `hl-${hid(4)}`, 'hl-untagged']);
  });
});

describe('highlights plugin state', () => {
  it('paints each highlight region once, without nesting, and finds every covering highlight on click', () => {
    const outer = span(1, para + 10, para + 60, [1]);
    const inner = span(2, para + 20, para + 30, [2]);
    const state = createHighlightsState([outer, inner], article.doc);
    const decorations = state.decorations.find();
    expect(decorations.map((d) => [d.from - para, d.to - para])).toEqual([[10, 20], [20, 30], [30, 60]]);
    expect(decorations.map((d) => (d.spec as SegmentSpec).ids)).toEqual([[outer.id], [inner.id, outer.id], [outer.id]]);
    // Every covering id in one attribute (innermost first); the innermost also as class and `data-highlight-id`.
    expect(decorations.map((d) => attrsOf(d)['data-highlight-ids'])).toEqual([outer.id, `${inner.id} ${outer.id}`, outer.id]);
    expect(decorations.map((d) => attrsOf(d)['data-highlight-id'])).toEqual([outer.id, inner.id, outer.id]);
    expect((attrsOf(decorations[1]!).class ?? '').split(' ').filter((name) => name === `hl-${inner.id}` || name === `hl-${outer.id}`)).toEqual([`hl-${inner.id}`]);
    let editor = EditorState.create({ doc: article.doc, plugins: [createHighlightsPlugin([outer, inner])] });
    expect(highlightsAt(editor, para + 25).map((s) => s.id)).toEqual([inner.id, outer.id]);
    expect(highlightsAt(editor, para + 40).map((s) => s.id)).toEqual([outer.id]);
    editor = editor.apply(setHighlightsMeta(editor.tr, { focus: nextHighlightAt(editor, para + 25) }));
    expect(nextHighlightAt(editor, para + 25)).toBe(outer.id);
  });

  it('matches a from-scratch build after any sequence of upserts, removals and focus changes (seeded)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const pick = (n: number) => Math.floor(next() * n);
      let state = createHighlightsState([], article.doc);
      const live = new Map<HighlightId, HighlightSpan>();
      for (let step = 0; step < 150; step += 1) {
        const roll = next();
        if (roll < 0.55 || live.size === 0) {
          const from = 1 + pick(size - 80);
          const created = span(pick(60), from, from + 1 + pick(70), Array.from({ length: pick(4) }, () => pick(5)), next() < 0.3);
          live.set(created.id, created);
          state = applyHighlightsMeta(state, { upsert: [created] }, article.doc);
        } else if (roll < 0.8) {
          const id = [...live.keys()][pick(live.size)]!;
          live.delete(id);
          state = applyHighlightsMeta(state, { remove: [id] }, article.doc);
        } else {
          const ids = [...live.keys()];
          const focus = next() < 0.2 ? null : ids[pick(ids.length)]!;
          state = applyHighlightsMeta(state, { focus }, article.doc);
        }
        const expected = createHighlightsState([...live.values()], article.doc, state.focused);
        expect(painted(state), `seed ${seed} step ${step}`).toEqual(painted(expected));
      }
    }
  });

  it('painted progressively in chunks, with edits in between, ends exactly as a full build (seeded)', () => {
    for (const seed of [11, 12, 13]) {
      const next = random(seed);
      const pick = (n: number) => Math.floor(next() * n);
      const live = new Map<HighlightId, HighlightSpan>();
      for (let n = 0; n < 400; n += 1) {
        const from = 1 + pick(size - 80);
        live.set(hid(n), span(n, from, from + 1 + pick(70), [pick(5)], next() < 0.2));
      }
      let state = createHighlightsState([...live.values()], article.doc, null, []);
      expect(state.decorations.find()).toHaveLength(0);
      let around = pick(size);
      for (let guard = 0; guard < 1000; guard += 1) {
        const chunk = nextChunk(state.painted, size, around, 200 + pick(900));
        if (chunk === null) break;
        state = applyHighlightsMeta(state, { paint: chunk }, article.doc);
        // Decorations exist only inside painted ranges, and match a full build there.
        for (const decoration of state.decorations.find()) {
          expect(intersectRanges([decoration.from, decoration.to], state.painted)).toEqual([[decoration.from, decoration.to]]);
        }
        if (next() < 0.3) {
          const from = 1 + pick(size - 80);
          const created = span(1000 + guard, from, from + 1 + pick(70), [pick(5)]);
          live.set(created.id, created);
          state = applyHighlightsMeta(state, { upsert: [created] }, article.doc);
        }
        if (next() < 0.1) around = pick(size);
      }
      expect(coversAll(state.painted, size)).toBe(true);
      expect(painted(state), `seed ${seed}`).toEqual(painted(createHighlightsState([...live.values()], article.doc, state.focused)));
    }
  });

  it('focusing an unpainted highlight paints it, and clicks find highlights where nothing is painted yet', () => {
    const target = span(1, para + 10, para + 40, [1]);
    const other = span(2, para + 20, para + 30, [2]);
    let state = createHighlightsState([target, other], article.doc, null, []);
    let editor = EditorState.create({ doc: article.doc, plugins: [createHighlightsPlugin([target, other], {}, { progressiveAbove: 0 })] });
    expect(nextHighlightAt(editor, para + 25)).toBe(other.id);
    editor = editor.apply(setHighlightsMeta(editor.tr, { focus: target.id }));
    expect(nextHighlightAt(editor, para + 25)).toBe(other.id);
    state = applyHighlightsMeta(state, { focus: target.id }, article.doc);
    const classes = painted(state);
    expect(classes.some((entry) => entry.includes(`hl-${target.id}`) && entry.includes('hl-focused'))).toBe(true);
    expect(coversAll(state.painted, size)).toBe(false);
  });

  it('leaves decorations away from a change untouched (no rebuild)', () => {
    const spans = Array.from({ length: 200 }, (_, n) => span(n, 1 + n * 20, 1 + n * 20 + 15 + (n % 3) * 10, [n % 4]));
    const state = createHighlightsState(spans, article.doc);
    // find() returns positioned copies; a decoration's spec object is its identity.
    const before = new Set(state.decorations.find().map((d) => d.spec as SegmentSpec));
    const after = applyHighlightsMeta(state, { upsert: [span(999, 2005, 2012, [1])] }, article.doc);
    const kept = after.decorations.find().filter((d) => before.has(d.spec as SegmentSpec));
    expect(after.decorations.find().length - kept.length).toBeLessThanOrEqual(5);
    expect(before.size - kept.length).toBeLessThanOrEqual(3);
  });
});
