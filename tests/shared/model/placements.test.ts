/**
 * Placements: a highlight made on the current text sits at its stored offsets; on an
 * edited text it is found by its quote; when its text is gone it is unplaced (null), never
 * forced; an unknown highlight is an error.
 */
import { describe, expect, it } from 'vitest';
import { describe as describeSpan } from '#shared/anchoring/describe.ts';
import { contentHash } from '#shared/documents/hash.ts';
import { addHighlight } from '#shared/model/highlights.ts';
import type { HighlightId } from '#shared/model/ids.ts';
import { placeHighlight } from '#shared/model/placements.ts';
import { replica } from '../../helpers/replicas.ts';

const original = 'Baku balances between Moscow and Washington while pipeline diplomacy keeps Europe close.';
const edited = 'In 2024, Baku balances between Moscow and Washington while pipeline diplomacy keeps Europe close.';
const rewritten = 'An entirely different paragraph about something else.';

function text(value: string) {
  return { text: value, hash: contentHash(value) };
}

describe('placements', () => {
  it('places by position, by quote after an edit, and not at all when the text is gone', () => {
    const ana = replica('ana', 1);
    const phrase = 'pipeline diplomacy';
    const start = original.indexOf(phrase);
    const selectors = describeSpan(original, { start, end: start + phrase.length });
    const id = addHighlight(ana.doc, ana.actor, { documentId: 'doc-a', documentHash: contentHash(original), ...selectors });
    expect(placeHighlight(ana.doc, id, text(original))).toEqual({ start, end: start + phrase.length });
    const moved = edited.indexOf(phrase);
    expect(placeHighlight(ana.doc, id, text(edited))).toEqual({ start: moved, end: moved + phrase.length });
    expect(placeHighlight(ana.doc, id, text(rewritten))).toBeNull();
    // Asked again (cached), the answers stay the same.
    expect(placeHighlight(ana.doc, id, text(original))).toEqual({ start, end: start + phrase.length });
    expect(placeHighlight(ana.doc, id, text(rewritten))).toBeNull();
  });

  it('on the text it was made on, a highlight sits at its stored offsets even where its quote and context also fit elsewhere (the stored hash is the compact one)', () => {
    const ana = replica('ana', 1);
    const repeated = 'Baku and Moscow. Baku and Moscow. Baku and Washington.';
    const second = repeated.indexOf('Baku and Moscow', 1);
    // Context that fits the first occurrence better than the one highlighted: only the
    // position fast path keeps the second, and it needs the hashes compared in the stored form.
    const id = addHighlight(ana.doc, ana.actor, {
      documentId: 'doc-a',
      documentHash: contentHash(repeated),
      position: { start: second, end: second + 'Baku and Moscow'.length },
      quote: { exact: 'Baku and Moscow', prefix: '', suffix: '. Baku and Moscow' },
    });
    expect(placeHighlight(ana.doc, id, text(repeated))).toEqual({ start: second, end: second + 'Baku and Moscow'.length });
  });

  it('an unknown highlight is an error', () => {
    const { doc } = replica('ana', 1);
    expect(() => placeHighlight(doc, 'no-such-highlight-00000' as HighlightId, text(original))).toThrow(/unknown highlight/);
  });
});
