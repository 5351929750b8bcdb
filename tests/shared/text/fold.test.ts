import { describe, expect, it } from 'vitest';
import { foldCharacter, foldForSearch, foldText, toOriginalRange } from '#shared/text/fold.ts';

describe('foldCharacter', () => {
  it('unifies every Turkish/Azerbaijani i with plain i', () => {
    for (const letter of ['I', 'i', 'İ', 'ı']) expect(foldCharacter(letter)).toBe('i');
  });
  it('strips diacritics that Unicode decomposes', () => {
    expect(foldCharacter('Ü')).toBe('u');
    expect(foldCharacter('ö')).toBe('o');
    expect(foldCharacter('ş')).toBe('s');
    expect(foldCharacter('Ş')).toBe('s');
    expect(foldCharacter('Ç')).toBe('c');
    expect(foldCharacter('ğ')).toBe('g');
    expect(foldCharacter('é')).toBe('e');
  });
  it('folds letters without a decomposition to what an ASCII keyboard types', () => {
    const expected: Record<string, string> = {
      'ə': 'e', 'Ə': 'e',
      'ł': 'l', 'Ł': 'l',
      'ø': 'o', 'Ø': 'o',
      'æ': 'ae', 'Æ': 'ae',
      'œ': 'oe', 'Œ': 'oe',
      'đ': 'd', 'Đ': 'd',
      'ð': 'd', 'Ð': 'd',
      'þ': 'th', 'Þ': 'th',
      'ß': 'ss', 'ẞ': 'ss',
    };
    for (const [letter, folded] of Object.entries(expected)) expect(foldCharacter(letter), letter).toBe(folded);
  });
  it('folds such a letter under a decomposable accent too', () => {
    expect(foldCharacter('ǿ')).toBe('o'); // ø with acute: NFD leaves ø
    expect(foldCharacter('ǽ')).toBe('ae'); // æ with acute: NFD leaves æ
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

describe('foldText', () => {
  it('gives the search form of a whole text', () => {
    expect(foldText('Azərbaycan Respublikasının')).toBe('azerbaycan respublikasinin');
    expect(foldText('Bakı Universiteti Nəşriyyatı')).toBe('baki universiteti nesriyyati');
    expect(foldText('Łódź, Ærø, Œuvre, Straße, ÞÓRÐUR, Đakovo')).toBe('lodz, aero, oeuvre, strasse, thordur, dakovo');
  });
  it('is what foldForSearch folds to', () => {
    const text = 'İstiqamətləri Æsir ẞ';
    expect(foldText(text)).toBe(foldForSearch(text).folded);
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
  it('maps both units of æ, œ, þ and ß to their one source letter', () => {
    const result = foldForSearch('Æ ßþ');
    expect(result.folded).toBe('ae ssth');
    expect(result.map).toEqual([0, 0, 1, 2, 2, 3, 3, 4]);
  });
  it('keeps the map one-to-one for single-letter folds such as ə and ł', () => {
    const result = foldForSearch('Nəşriyyatı Łódź');
    expect(result.folded).toBe('nesriyyati lodz');
    expect(result.map).toEqual([...Array.from({ length: 15 }, (_, index) => index), 15]);
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
  it('maps ranges after and across æ and ß expansions to the exact original letters', () => {
    const text = 'Ærø Straße';
    const folded = foldForSearch(text);
    expect(folded.folded).toBe('aero strasse');
    const range = (query: string) => {
      const at = folded.folded.indexOf(query);
      const { start, end } = toOriginalRange(folded, at, at + query.length);
      return text.slice(start, end);
    };
    expect(range('aero')).toBe('Ærø');
    expect(range('ro')).toBe('rø');
    expect(range('strasse')).toBe('Straße');
    expect(range('e')).toBe('Æ'); // the second unit of "ae" belongs to Æ
    expect(range('sse')).toBe('ße');
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
