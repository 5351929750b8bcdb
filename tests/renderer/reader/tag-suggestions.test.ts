/**
 * The tag type-ahead's matching: word-start matches before matches inside a word, folding
 * of case, accents and Turkish i, the cap on suggestions, and exact names.
 */
import { describe, expect, it } from 'vitest';
import type { TagId } from '#shared/model/ids.ts';
import { MAX_SUGGESTIONS, exactTag, foldTagName, suggestTags, type TagOption } from '../../../renderer/reader/tag-suggestions.ts';

function tags(...names: string[]): TagOption[] {
  return names.map((name, index) => ({ id: `tag${String(index).padStart(17, '0')}AA` as TagId, name }));
}

const names = (options: readonly TagOption[]): string[] => options.map((option) => option.name);

describe('suggestTags', () => {
  const codebook = tags('Regional integration', 'Green corridor', 'Great-power competition', 'Energy', 'Türkiye', 'İlham Aliyev');

  it('ranks a match at the start of any word above one inside a word, each alphabetical', () => {
    expect(names(suggestTags(codebook, 'gr'))).toEqual(['Great-power competition', 'Green corridor', 'Regional integration']);
    expect(names(suggestTags(codebook, 'power'))).toEqual(['Great-power competition']);
    expect(names(suggestTags(codebook, 'rgy'))).toEqual(['Energy']);
  });

  it('folds case, accents and Turkish dotted and dotless i', () => {
    expect(names(suggestTags(codebook, 'TURK'))).toEqual(['Türkiye']);
    expect(names(suggestTags(codebook, 'ilham'))).toEqual(['İlham Aliyev']);
    expect(names(suggestTags(codebook, 'REGİON'))).toEqual(['Regional integration']);
    expect(names(suggestTags(codebook, 'ınteg'))).toEqual(['Regional integration']);
  });

  it('suggests nothing for a name no tag contains, and the first tags by name for a blank one', () => {
    expect(suggestTags(codebook, 'zz')).toEqual([]);
    expect(names(suggestTags(codebook, '  '))).toEqual(['Energy', 'Great-power competition', 'Green corridor', 'İlham Aliyev', 'Regional integration', 'Türkiye']);
  });

  it('shows at most MAX_SUGGESTIONS', () => {
    const many = tags(...Array.from({ length: 20 }, (_, index) => `Topic ${String(index).padStart(2, '0')}`));
    const shown = suggestTags(many, 'topic');
    expect(shown).toHaveLength(MAX_SUGGESTIONS);
    expect(shown[0]?.name).toBe('Topic 00');
  });
});

describe('exactTag', () => {
  const codebook = tags('Great-power competition', 'Regional integration', 'Energy');

  it('finds the tag a name spells, whatever its case, accents, Turkish i or spacing', () => {
    expect(exactTag(codebook, 'great-POWER competition')?.name).toBe('Great-power competition');
    expect(exactTag(codebook, '  REGİONAL   İNTÉGRATİON ')?.name).toBe('Regional integration');
    expect(exactTag(codebook, 'ENERGY')?.name).toBe('Energy');
  });

  it('finds nothing for a prefix, another name or a blank name', () => {
    expect(exactTag(codebook, 'gr')).toBeNull();
    expect(exactTag(codebook, 'Energy policy')).toBeNull();
    expect(exactTag(codebook, ' ')).toBeNull();
  });

  it('prefers the spelling typed when two tags fold alike, else the smallest id', () => {
    const twins = tags('energy', 'Energy');
    expect(exactTag(twins, 'Energy')).toBe(twins[1]);
    expect(exactTag(twins, 'ENERGY')).toBe(twins[0]);
  });
});

describe('foldTagName', () => {
  it('trims, collapses white space and folds', () => {
    expect(foldTagName('  Great\u00a0 Power ')).toBe('great power');
  });
});
