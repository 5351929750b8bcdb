import { describe, expect, it } from 'vitest';
import { foldCharacter, foldForSearch, toOriginalRange } from '#shared/text/fold.ts';

describe('foldCharacter', () => {
  it('unifies every Turkish/Azerbaijani i with plain i', () => {
    for (const letter of ['I', 'i', 'İ', 'ı']) expect(foldCharacter(letter)).toBe('i');
  });
  it('lower-cases schwa and strips diacritics', () => {
    expect(foldCharacter('Ə')).toBe('ə');
    expect(foldCharacter('ə')).toBe('ə');
    expect(foldCharacter('Ü')).toBe('u');
    expect(foldCharacter('ş')).toBe('s');
    expect(foldCharacter('Ç')).toBe('c');
    expect(foldCharacter('ğ')).toBe('g');
    expect(foldCharacter('é')).toBe('e');
  });
  it('folds typographic punctuation to what people type', () => {
    expect(foldCharacter('’')).toBe("'");
    expect(foldCharacter('“')).toBe('"');
    expect(foldCharacter('–')).toBe('-');
    expect(foldCharacter('\u00A0')).toBe(' ');
  });
  it('expands compatibility ligatures', () => {
    expect(foldCharacter('ﬁ')).toBe('fi');
  });
});

describe('foldForSearch', () => {
  it('maps each folded unit back to its source character', () => {
    const result = foldForSearch('Aİb');
    expect(result.folded).toBe('aib');
    expect(result.map).toEqual([0, 1, 2, 3]);
  });
  it('handles decomposed input (combining marks vanish, map skips them)', () => {
    const text = 'Tu\u0308rkiye';
    const result = foldForSearch(text);
    expect(result.folded).toBe('turkiye');
    expect(result.map[result.folded.length]).toBe(text.length);
    expect(result.map[2]).toBe(3); // "r" comes after "u" + combining diaeresis
  });
  it('keeps astral characters addressable by their UTF-16 offset', () => {
    const text = 'a😀B';
    const result = foldForSearch(text);
    expect(result.folded).toBe('a😀b');
    expect(result.map).toEqual([0, 1, 1, 3, 4]);
  });
  it('grows the text for ligatures and still maps to the ligature', () => {
    const text = 'oﬁce';
    const result = foldForSearch(text);
    expect(result.folded).toBe('ofice');
    expect(result.map).toEqual([0, 1, 1, 2, 3, 4]);
  });
});

describe('toOriginalRange', () => {
  it('covers the whole source character when a match ends inside an expansion', () => {
    const folded = foldForSearch('oﬁce');
    // "of" ends in the middle of the ligature's expansion: the ligature is included.
    expect(toOriginalRange(folded, 0, 2)).toEqual({ start: 0, end: 2 });
    expect(toOriginalRange(folded, 0, 3)).toEqual({ start: 0, end: 2 });
    expect(toOriginalRange(folded, 3, 5)).toEqual({ start: 2, end: 4 });
  });
  it('includes trailing combining marks of the last matched letter', () => {
    const text = 'Tu\u0308r';
    const folded = foldForSearch(text);
    expect(toOriginalRange(folded, 0, 2)).toEqual({ start: 0, end: 3 });
    expect(text.slice(0, 3)).toBe('Tu\u0308');
  });
  it('rejects ranges outside the folded text', () => {
    expect(() => toOriginalRange(foldForSearch('abc'), 2, 5)).toThrow(RangeError);
  });
});
