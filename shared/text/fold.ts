/**
 * Search folding: turns text into a form where "same letter, different case or accent"
 * compares equal, and remembers where every folded unit came from. Every text search and
 * text filter in the app folds through this one module, so find in the article, the
 * Annotations panel's text filter and the tag type-ahead agree on what matches.
 *
 * Why a custom fold instead of `localeCompare` or `toLocaleLowerCase('tr')`: the corpus mixes
 * English, Turkish and Azerbaijani, and people type on ASCII keyboards. A reader typing
 * "ilham" must find "İlham", "Ilham" and "ılham" alike, whatever the locale, "turkiye" must
 * find "Türkiye" (NFKD strips the accent) and "azerbaycan" must find "Azərbaycan" — but ə,
 * ı, ł, ø, æ, œ, đ, ð, þ and ß have no Unicode decomposition, so they fold through an
 * explicit table to what an ASCII keyboard types.
 *
 * Folding can change length ('æ' and 'ß' become two letters, 'ﬁ' decomposes to two), so
 * `foldForSearch` gives every folded unit the offset of the original character it came
 * from; `toOriginalRange` turns a folded match back into an original [start, end).
 *
 * Environment-free: no DOM, no Node.
 */

/** Folded text plus, for every folded UTF-16 unit, the offset of its source character. */
export interface FoldedText {
  /** The folded text, as {@link foldText} gives it. */
  readonly folded: string;
  /**
   * `map[i]` is the UTF-16 offset in the original text of the character that produced
   * folded unit `i`. It has one extra entry, `map[folded.length] === original.length`.
   */
  readonly map: readonly number[];
}

/**
 * Lower-case letters without a Unicode decomposition, folded to their ASCII-keyboard
 * spelling. Keys are lower case: upper case (Ə, Ł, Ø, Æ, Œ, Đ, Ð, Þ, ẞ) is lowered first.
 * Dotted İ needs no entry: NFKD makes it I plus a combining dot.
 */
const LETTER_FOLDS: ReadonlyMap<string, string> = new Map([
  ['ı', 'i'], ['ə', 'e'], ['ł', 'l'], ['ø', 'o'], ['æ', 'ae'], ['œ', 'oe'],
  ['đ', 'd'], ['ð', 'd'], ['þ', 'th'], ['ß', 'ss'],
]);

/** Punctuation that readers type in its plain ASCII form. */
const PUNCTUATION_FOLDS: ReadonlyMap<string, string> = new Map([
  ['\u2018', "'"], ['\u2019', "'"], ['\u201A', "'"], ['\u02BC', "'"], ['\u2032', "'"],
  ['\u201C', '"'], ['\u201D', '"'], ['\u201E', '"'], ['\u00AB', '"'], ['\u00BB', '"'],
  ['\u2010', '-'], ['\u2011', '-'], ['\u2012', '-'], ['\u2013', '-'], ['\u2014', '-'],
  ['\u00A0', ' '], ['\u2009', ' '], ['\u202F', ' '], ['\u2007', ' '],
]);

const COMBINING_MARKS = /\p{M}/gu;

/** Folds one character (a full code point) to its search form; may return "" or several units. */
export function foldCharacter(character: string): string {
  const code = character.charCodeAt(0);
  if (character.length === 1 && code < 0x80) {
    return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : character;
  }
  const punctuation = PUNCTUATION_FOLDS.get(character);
  if (punctuation !== undefined) return punctuation;
  let folded = '';
  for (const part of character.normalize('NFKD').replace(COMBINING_MARKS, '')) {
    const lowered = part.toLowerCase().replace(COMBINING_MARKS, '');
    folded += LETTER_FOLDS.get(lowered) ?? lowered;
  }
  return folded;
}

/**
 * The search form of `text`: lower case, accents stripped, every i variant as "i", letters
 * without a decomposition as an ASCII keyboard types them (ə → e, ß → ss, æ → ae …),
 * typographic punctuation as typed. Text filters use it: a candidate matches when
 * `foldText(candidate).includes(foldText(query))`. Equal to `foldForSearch(text).folded`
 * without building the offset map.
 */
export function foldText(text: string): string {
  const pieces: string[] = [];
  for (const character of text) pieces.push(foldCharacter(character));
  // Joined, not added up: `+=` a character at a time leaves a string of thousands of linked
  // pieces, which its first search has to copy into one (the 10k project's search texts took
  // ~110 ms on the first keystroke in the Annotations filter).
  return pieces.join('');
}

/**
 * The form in which two names (of codes, of projects) are compared: folded like
 * {@link foldText}, trimmed, inner runs of spaces made one.
 */
export function nameKey(name: string): string {
  return foldText(name).trim().replace(/\s+/g, ' ');
}

/** Folds a whole text like {@link foldText}, keeping the folded→original offset map (for find). */
export function foldForSearch(text: string): FoldedText {
  const pieces: string[] = [];
  const map: number[] = [];
  let offset = 0;
  for (const character of text) {
    const piece = foldCharacter(character);
    pieces.push(piece);
    for (let unit = 0; unit < piece.length; unit += 1) map.push(offset);
    offset += character.length;
  }
  map.push(text.length);
  return { folded: pieces.join(''), map };
}

/**
 * Converts a [start, end) range over `folded.folded` to the smallest [start, end) range
 * over the original text that covers every source character of the range.
 */
export function toOriginalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  const { map } = folded;
  const length = folded.folded.length;
  if (start < 0 || end > length || start > end) {
    throw new RangeError(`folded range ${start}–${end} is outside 0–${length}`);
  }
  const originalStart = map[start] as number;
  if (end === start) return { start: originalStart, end: originalStart };
  // The match ends after the source character of its last unit: the next unit whose
  // source differs (a character folded to several units shares one source offset).
  const lastSource = map[end - 1] as number;
  let next = end;
  while (next < length && map[next] === lastSource) next += 1;
  return { start: originalStart, end: map[next] as number };
}
