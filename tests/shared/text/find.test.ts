import { describe, expect, it } from 'vitest';
import { createSearchIndex, findAll, findInIndex } from '#shared/text/find.ts';

function quoted(text: string, query: string): string[] {
  return findAll(text, query).map((match) => text.slice(match.start, match.end));
}

describe('findAll', () => {
  it('finds Türkiye from "turkiye" and "TÜRKİYE"', () => {
    const text = 'Türkiye and TÜRKİYE, not Turkey; türkiye again.';
    expect(quoted(text, 'turkiye')).toEqual(['Türkiye', 'TÜRKİYE', 'türkiye']);
    expect(quoted(text, 'TÜRKİYE')).toEqual(['Türkiye', 'TÜRKİYE', 'türkiye']);
  });
  it('matches İ, I, i and ı with each other', () => {
    const text = 'İlham, Ilham, ilham and ılham';
    expect(quoted(text, 'ilham')).toEqual(['İlham', 'Ilham', 'ilham', 'ılham']);
    expect(quoted(text, 'İLHAM')).toHaveLength(4);
    expect(quoted(text, 'ılham')).toHaveLength(4);
  });
  it('finds schwa in both cases from a typed e (and from ə itself)', () => {
    const text = 'Azərbaycan, AZƏRBAYCAN, Azerbaycan';
    expect(quoted(text, 'azerbaycan')).toEqual(['Azərbaycan', 'AZƏRBAYCAN', 'Azerbaycan']);
    expect(quoted(text, 'azərbaycan')).toEqual(['Azərbaycan', 'AZƏRBAYCAN', 'Azerbaycan']);
  });
  it('finds Nəşriyyatı from "nesriyyati", with its exact original offsets', () => {
    const text = 'Bakı: Bakı Universiteti Nəşriyyatı.';
    expect(findAll(text, 'nesriyyati')).toEqual([{ start: 24, end: 34 }]);
    expect(quoted(text, 'nesriyyati')).toEqual(['Nəşriyyatı']);
    expect(quoted(text, 'NESRIYYATI')).toEqual(['Nəşriyyatı']);
    expect(quoted(text, 'baki')).toEqual(['Bakı', 'Bakı']);
  });
  it('finds letters without a decomposition from their ASCII spelling', () => {
    const cases: [string, string][] = [
      ['Łódź', 'lodz'], ['Wałęsa', 'walesa'], ['Søren', 'soren'], ['ØRSTED', 'orsted'],
      ['Ærø', 'aero'], ['Cæsar', 'caesar'], ['Œuvre', 'oeuvre'], ['cœur', 'coeur'],
      ['Đakovo', 'dakovo'], ['Sigurðardóttir', 'sigurdardottir'], ['Þingvellir', 'thingvellir'],
      ['Straße', 'strasse'], ['STRAẞE', 'strasse'], ['Şuşa', 'susa'], ['Gəncə', 'gence'], ['Gürcüstan', 'gurcustan'],
    ];
    for (const [text, query] of cases) expect(quoted(`in ${text} here`, query), query).toEqual([text]);
  });
  it('finds a typed special letter as its ASCII spelling too', () => {
    expect(quoted('Caesar and Cæsar', 'cæsar')).toEqual(['Caesar', 'Cæsar']);
    expect(quoted('Strasse, Straße', 'straße')).toEqual(['Strasse', 'Straße']);
  });
  it('keeps later offsets exact after æ and ß grew the folded text', () => {
    const text = 'Æ ß æß Nəşriyyatı';
    const matches = findAll(text, 'nesriyyati');
    expect(matches).toEqual([{ start: 7, end: 17 }]);
    expect(text.slice(7, 17)).toBe('Nəşriyyatı');
    expect(quoted(text, 'aess')).toEqual(['æß']);
    expect(quoted(text, 'e s')).toEqual(['Æ ß']);
  });
  it('returns a partly matched multi-letter fold as its whole source letter, once', () => {
    expect(quoted('Straße', 'stras')).toEqual(['Straß']);
    expect(findAll('ß', 's')).toEqual([{ start: 0, end: 1 }]);
    expect(findAll('ßß', 'ss')).toEqual([{ start: 0, end: 1 }, { start: 1, end: 2 }]);
  });
  it('finds a quote typed with a straight apostrophe', () => {
    const text = 'Azerbaijan’s relations';
    expect(quoted(text, "azerbaijan's")).toEqual(['Azerbaijan’s']);
  });
  it('returns offsets into the original text when earlier folding changed length', () => {
    const text = 'İİİ office ﬁnal İlham';
    const matches = findAll(text, 'ilham');
    expect(matches).toEqual([{ start: 16, end: 21 }]);
    expect(quoted(text, 'final')).toEqual(['ﬁnal']);
  });
  it('returns non-overlapping matches in order', () => {
    expect(findAll('aaaa', 'aa')).toEqual([{ start: 0, end: 2 }, { start: 2, end: 4 }]);
  });
  it('returns nothing for an empty or blank query', () => {
    expect(findAll('some text', '')).toEqual([]);
    expect(findAll('some text', '   ')).toEqual([]);
  });
  it('returns nothing when the text does not contain the query', () => {
    expect(findAll('Baku', 'Moscow')).toEqual([]);
  });
  it('reuses an index for many queries and honours a limit', () => {
    const index = createSearchIndex('one two one two one');
    expect(findInIndex(index, 'one')).toHaveLength(3);
    expect(findInIndex(index, 'one', 2)).toHaveLength(2);
    expect(findInIndex(index, 'TWO')).toEqual([{ start: 4, end: 7 }, { start: 12, end: 15 }]);
  });
});
