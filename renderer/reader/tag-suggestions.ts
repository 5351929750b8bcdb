/**
 * Which codebook tags a typed name suggests, and which tag it names exactly. Pure (no DOM,
 * no React), so the tag type-ahead's matching is tested without a browser.
 *
 * Names compare in the search folding of shared/text/fold.ts (case, accents, Turkish
 * İ/ı and typographic punctuation all fold away), with runs of white space counted as one
 * space, so "great-POWER competition" and "REGİONAL İNTEGRATİON" name the tags a reader
 * sees as "Great-power competition" and "Regional integration". Suggestions rank a match
 * at the start of any word of the name above a match inside a word, then alphabetically.
 */
import type { TagId } from '#shared/model/ids.ts';
import { foldText } from '#shared/text/fold.ts';

/** A codebook tag as the type-ahead offers it. */
export interface TagOption {
  readonly id: TagId;
  readonly name: string;
}

/** How many suggestions the type-ahead shows at most. */
export const MAX_SUGGESTIONS = 8;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The comparable form of a tag name: folded, trimmed, white space collapsed to one space. */
export function foldTagName(name: string): string {
  return foldText(name.trim().replace(/\s+/gu, ' '));
}

/** 0 if `needle` starts a word of `folded`, 1 if it occurs inside a word, null if absent. */
function matchRank(folded: string, needle: string): 0 | 1 | null {
  let found: 0 | 1 | null = null;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    if (at === 0 || !LETTER_OR_DIGIT.test(folded[at - 1] as string)) return 0;
    found = 1;
  }
  return found;
}

/**
 * The tags `typed` suggests, best first, at most `limit`: word-start matches, then matches
 * inside a word, each alphabetical. An empty `typed` suggests the first tags by name.
 */
export function suggestTags<T extends TagOption>(tags: readonly T[], typed: string, limit = MAX_SUGGESTIONS): T[] {
  const needle = foldTagName(typed);
  const ranked: Array<{ tag: T; rank: 0 | 1 }> = [];
  for (const tag of tags) {
    const rank = needle === '' ? 0 : matchRank(foldTagName(tag.name), needle);
    if (rank !== null) ranked.push({ tag, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.tag.name.localeCompare(b.tag.name) || (a.tag.id < b.tag.id ? -1 : 1));
  return ranked.slice(0, limit).map(({ tag }) => tag);
}

/** The tag whose name `typed` spells, folding case, accents and Turkish i; null if none (or `typed` is blank). */
export function exactTag<T extends TagOption>(tags: readonly T[], typed: string): T | null {
  const wanted = foldTagName(typed);
  if (wanted === '') return null;
  const matches = tags.filter((tag) => foldTagName(tag.name) === wanted);
  if (matches.length === 0) return null;
  // Two tags may fold alike (teammates created them apart): the one spelt as typed, else
  // the smallest id, so every replica picks the same.
  return matches.find((tag) => tag.name === typed.trim()) ?? matches.reduce((best, tag) => (tag.id < best.id ? tag : best));
}
