import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { describeTextRange, selectionToTextRange, textRangeToPositions } from '../../../renderer/reader/selection.ts';
import { bundledArticle } from './support.ts';

const article = bundledArticle('azerbaijan-us-russia-dynamics');
const state = EditorState.create({ doc: article.doc });

describe('selection offsets', () => {
  it('maps a selection inside a paragraph to the canonical text it covers', () => {
    const phrase = 'multi-vector foreign policy';
    const start = article.text.indexOf(phrase);
    const { from, to } = textRangeToPositions({ start, end: start + phrase.length }, article.textMap);
    const range = selectionToTextRange(TextSelection.create(state.doc, from, to), article.textMap);
    expect(range).toEqual({ start, end: start + phrase.length });
    expect(state.doc.textBetween(from, to)).toBe(phrase);
  });

  it('includes the block separator when a selection spans two blocks', () => {
    const start = article.text.indexOf('Politicon.co');
    const end = start + 'Politicon.co'.length + 4;
    const { from, to } = textRangeToPositions({ start, end }, article.textMap);
    const range = selectionToTextRange(TextSelection.create(state.doc, from, to), article.textMap);
    expect(range).toEqual({ start, end });
    expect(article.text.slice(range!.start, range!.end)).toMatch(/^Politicon\.co\n/);
  });

  it('is null for an empty selection', () => {
    expect(selectionToTextRange(TextSelection.create(state.doc, 5), article.textMap)).toBeNull();
  });

  it('round-trips every block start and end', () => {
    for (const block of article.textMap.blocks) {
      if (block.end === block.start) continue;
      const { from, to } = textRangeToPositions(block, article.textMap);
      expect(selectionToTextRange(TextSelection.create(state.doc, from, to), article.textMap)).toEqual({ start: block.start, end: block.end });
    }
  });

  it('describes a range for the status bar', () => {
    expect(describeTextRange({ start: 1210, end: 1252 })).toBe('Selected 42 characters · 1210–1252');
    expect(describeTextRange({ start: 3, end: 4 })).toBe('Selected 1 character · 3–4');
  });
});
