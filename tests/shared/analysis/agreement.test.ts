import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '#shared/documents/article.ts';
import { computeAgreement } from '#shared/analysis/agreement.ts';
import { readCodings } from '#shared/analysis/agreement-codings.ts';
import { countCodePoints } from '#shared/export/units.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { buildCodedProject } from '../../helpers/coded-project.ts';
import { loadFixtureArticles } from '../../helpers/seeded-project.ts';

let articles: Article[];
let first: Article;
beforeAll(async () => {
  articles = await loadFixtureArticles();
  first = articles[0] as Article;
});

function kappaOf(n: number, a: number, b: number, both: number): number {
  const po = (n - a - b + 2 * both) / n;
  const pe = (a / n) * (b / n) + (1 - a / n) * (1 - b / n);
  return (po - pe) / (1 - pe);
}

describe('agreement over a project', () => {
  it('counts code points of the chosen documents per code and pair of coders, each coder\'s overlaps once', () => {
    const doc = first.meta.id;
    const { doc: project, members, codes } = buildCodedProject(articles, ['Ana', 'Babak'], ['Security', 'Energy'], [
      { by: 'Ana', document: doc, start: 0, end: 60, code: 'Security' },
      { by: 'Ana', document: doc, start: 40, end: 100, code: 'Security' },
      { by: 'Babak', document: doc, start: 50, end: 150, code: 'Security' },
      { by: 'Babak', document: doc, start: 300, end: 320, code: 'Energy' },
    ]);
    const ana = members.get('Ana') as MemberId;
    const babak = members.get('Babak') as MemberId;
    const report = computeAgreement(readCodings(project, articles, [doc]), { coders: [ana, babak] });
    const n = countCodePoints(first.text);
    expect(report.unit).toBe('codepoint');
    expect(report.documents).toEqual([{ id: doc, title: first.meta.title, codePoints: n }]);
    expect(report.coders).toEqual([{ id: ana, name: 'Ana' }, { id: babak, name: 'Babak' }]);
    expect(report.codes.map((row) => row.name)).toEqual(['Energy', 'Security']);
    const [energy, security] = report.codes;
    expect(security).toMatchObject({ id: codes.get('Security'), name: 'Security', n, a: 100, b: 100, both: 50, neither: n - 150 });
    expect(security?.agreement).toBeCloseTo((n - 100) / n, 12);
    expect(security?.kappa).toBeCloseTo(kappaOf(n, 100, 100, 50), 12);
    expect(security?.jaccard).toBeCloseTo(1 / 3, 12);
    expect(energy).toMatchObject({ name: 'Energy', a: 0, b: 20, both: 0, kappa: 0, jaccard: 0, alpha: expect.any(Number) });
    expect(report.overall).toMatchObject({ n: 2 * n, a: 100, b: 120, both: 50, neither: 2 * n - 170 });
    expect(report.overall.kappa).toBeCloseTo(kappaOf(2 * n, 100, 120, 50), 12);
    expect(report.pairs).toBeUndefined();
  });

  it('counts code points, not UTF-16 units, where a span holds characters outside the BMP', () => {
    const hard = articles.find((article) => article.meta.id === 'hard-text-sample') as Article;
    const start = hard.text.indexOf('Then 🧭');
    const end = hard.text.indexOf('with commas.') + 'with commas.'.length;
    const { doc: project, members } = buildCodedProject(articles, ['Ana', 'Babak'], ['Security'], [
      { by: 'Ana', document: 'hard-text-sample', start, end, code: 'Security' },
      { by: 'Babak', document: 'hard-text-sample', start, end, code: 'Security' },
    ]);
    const report = computeAgreement(readCodings(project, articles, ['hard-text-sample']), { coders: [members.get('Ana') as MemberId, members.get('Babak') as MemberId] });
    const row = report.codes[0];
    expect(row?.a).toBe(countCodePoints(hard.text.slice(start, end)));
    expect(row?.a).toBe(end - start - 2);
    expect(row).toMatchObject({ agreement: 1, kappa: 1, jaccard: 1, alpha: 1 });
  });

  it('reads who applied a code, not who made the highlight', () => {
    const doc = first.meta.id;
    const { doc: project, members } = buildCodedProject(articles, ['Ana', 'Babak'], ['Security', 'Energy'], [
      { by: 'Ana', document: doc, start: 10, end: 90, code: 'Security' },
      { by: 'Babak', document: doc, start: 0, end: 0, code: 'Energy', onto: 0 },
    ]);
    const codings = readCodings(project, articles);
    const babak = members.get('Babak') as MemberId;
    expect(codings.used(codings.codes.find((code) => code.name === 'Energy')?.id as never, babak)).toBe(true);
    expect(codings.coders.map((coder) => [coder.name, coder.codedHighlights])).toEqual([['Ana', 1], ['Babak', 1]]);
  });

  it('reports every pair and alpha over all with three coders', () => {
    const doc = first.meta.id;
    const { doc: project, members } = buildCodedProject(articles, ['Ana', 'Babak', 'Cem'], ['Security'], [
      { by: 'Ana', document: doc, start: 0, end: 100, code: 'Security' },
      { by: 'Babak', document: doc, start: 0, end: 100, code: 'Security' },
      { by: 'Cem', document: doc, start: 0, end: 100, code: 'Security' },
    ]);
    const ids = ['Ana', 'Babak', 'Cem'].map((name) => members.get(name) as MemberId);
    const report = computeAgreement(readCodings(project, articles), { coders: ids });
    expect(report.pairs?.map((pair) => [pair.a, pair.b])).toEqual([[ids[0], ids[1]], [ids[0], ids[2]], [ids[1], ids[2]]]);
    expect(report.pairs?.every((pair) => pair.codes[0]?.kappa === 1 && pair.codes[0]?.alpha === 1)).toBe(true);
    expect(report.codes[0]).toMatchObject({ a: null, kappa: null, alpha: 1 });
    expect(report.overall.alpha).toBe(1);
  });

  it('gives defined figures when nobody coded anything', () => {
    const { doc: project, members } = buildCodedProject(articles, ['Ana', 'Babak'], ['Security'], []);
    const codings = readCodings(project, articles);
    const report = computeAgreement(codings, { coders: [members.get('Ana') as MemberId, members.get('Babak') as MemberId] });
    expect(report.codes).toEqual([]);
    expect(report.overall).toEqual({ n: 0, a: 0, b: 0, both: 0, neither: 0, agreement: null, kappa: null, jaccard: null, alpha: null });
    const asked = computeAgreement(codings, { coders: [members.get('Ana') as MemberId, members.get('Babak') as MemberId], codes: codings.codes.map((code) => code.id) });
    expect(asked.codes[0]).toMatchObject({ a: 0, b: 0, both: 0, agreement: 1, kappa: null, jaccard: null, alpha: null });
    expect(JSON.stringify(asked)).not.toContain('NaN');
  });

  it('refuses fewer than two coders', () => {
    const { doc: project, members } = buildCodedProject(articles, ['Ana'], ['Security'], []);
    const ana = members.get('Ana') as MemberId;
    expect(() => computeAgreement(readCodings(project, articles), { coders: [ana, ana] })).toThrow(/two different coders/);
  });
});

describe('agreement as CSV', () => {
  it('writes one row per code and an overall row, empty cells for undefined figures, names neutralised', async () => {
    const { agreementToCsv } = await import('#shared/analysis/agreement-csv.ts');
    const doc = first.meta.id;
    const { doc: project, members, codes } = buildCodedProject(articles, ['=Ana', 'Babak, B.'], ['Security'], [
      { by: '=Ana', document: doc, start: 0, end: 100, code: 'Security' },
      { by: 'Babak, B.', document: doc, start: 50, end: 150, code: 'Security' },
    ]);
    const report = computeAgreement(readCodings(project, articles, [doc]), { coders: [members.get('=Ana') as MemberId, members.get('Babak, B.') as MemberId] });
    const lines = agreementToCsv(report).split('\r\n');
    const n = countCodePoints(first.text);
    expect(lines[0]).toBe('coder_a,coder_b,code_id,code,n,a,b,both,neither,agreement,kappa,jaccard,alpha');
    expect(lines[1]?.startsWith(`'=Ana,"Babak, B.",${codes.get('Security')},Security,${n},100,100,50,${n - 150},`)).toBe(true);
    expect(lines[2]?.startsWith(`'=Ana,"Babak, B.",,All codes,${n},100,100,50,`)).toBe(true);
    expect(lines[3]).toBe('');
    expect(lines).toHaveLength(4);
  });
});

describe('codings and the excerpt query', () => {
  it('place every coding where the exports place it, with the same coder, and count what no longer anchors', async () => {
    const { buildSeededProject } = await import('../../helpers/seeded-project.ts');
    const { queryExcerpts } = await import('#shared/export/excerpts.ts');
    const { mergeIntervals } = await import('#shared/analysis/agreement-intervals.ts');
    const seeded = await buildSeededProject();
    const codings = readCodings(seeded.doc, seeded.articles);
    const expectedUnits = new Map<string, [number, number][][]>();
    let unanchored = 0;
    for (const excerpt of queryExcerpts(seeded.doc, seeded.articles)) {
      if (excerpt.tags.length === 0) continue;
      if (!excerpt.anchored) {
        unanchored++;
        continue;
      }
      const index = seeded.articles.findIndex((article) => article.meta.id === excerpt.document.id);
      for (const tag of excerpt.tags) {
        const key = `${tag.id} ${tag.appliedBy?.id}`;
        const perDocument = expectedUnits.get(key) ?? seeded.articles.map(() => []);
        perDocument[index]?.push([excerpt.codePoints.start, excerpt.codePoints.end]);
        expectedUnits.set(key, perDocument);
      }
    }
    expect(unanchored).toBe(1);
    expect(codings.unplaced).toBe(1);
    expect(expectedUnits.size).toBeGreaterThan(5);
    for (const [key, perDocument] of expectedUnits) {
      const [tag, coder] = key.split(' ') as [never, never];
      expect(codings.units(tag, coder)).toEqual(perDocument.map(mergeIntervals));
    }
  });
});
