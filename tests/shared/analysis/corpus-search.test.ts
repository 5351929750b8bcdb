import { describe, expect, it } from 'vitest';
import { createCorpusIndex, searchCorpus } from '#shared/analysis/corpus-search.ts';
import { contextAround } from '#shared/analysis/context.ts';
import { bundledArticles } from '../../helpers/bundled-documents.ts';

const corpus = createCorpusIndex([
  { id: 'a', title: 'First', text: 'Bakı and Türkiye.\nAzərbaycan looks west; TÜRKİYE looks east.' },
  { id: 'b', title: 'Second', text: 'Nothing here.' },
  { id: 'c', title: 'Third', text: 'turkiye, Turkiye, türkiye' },
]);

describe('searchCorpus', () => {
  it('counts matches per article with the reader’s folding (accents, Turkish i, case)', () => {
    const result = searchCorpus(corpus, 'turkiye');
    expect(result.total).toBe(5);
    expect(result.documents).toEqual([
      { documentId: 'a', title: 'First', count: 2 },
      { documentId: 'c', title: 'Third', count: 3 },
    ]);
    expect(result.lines.map((line) => line.match)).toEqual(['Türkiye', 'TÜRKİYE', 'turkiye', 'Turkiye', 'türkiye']);
  });

  it('finds ə from a typed e and gives original offsets', () => {
    const [line] = searchCorpus(corpus, 'azerbaycan').lines;
    expect(line).toMatchObject({ documentId: 'a', start: 18, end: 28, match: 'Azərbaycan', before: '', after: ' looks west; TÜRKİYE looks east.' });
  });

  it('builds at most `limit` lines but still counts every match', () => {
    const result = searchCorpus(corpus, 'e', { limit: 3 });
    expect(result.lines).toHaveLength(3);
    expect(result.total).toBeGreaterThan(3);
  });

  it('finds nothing for a blank query', () => {
    expect(searchCorpus(corpus, '   ')).toEqual({ query: '   ', total: 0, documents: [], lines: [] });
  });

  it('agrees with the bundled articles: every line’s match is the text at its offsets', () => {
    const articles = bundledArticles();
    const index = createCorpusIndex(articles.map((article) => ({ id: article.meta.id, title: article.meta.title, text: article.text })));
    const result = searchCorpus(index, 'russia', { limit: 10_000 });
    expect(result.documents.length).toBeGreaterThan(1);
    expect(result.lines).toHaveLength(result.total);
    for (const line of result.lines) {
      const text = articles.find((article) => article.meta.id === line.documentId)?.text ?? '';
      expect(text.slice(line.start, line.end).toLowerCase()).toBe('russia');
    }
  });
});

describe('contextAround', () => {
  const text = 'One two three four five six seven eight nine ten.\nNext paragraph.';
  it('stops at word boundaries and says where it cut', () => {
    expect(contextAround(text, 24, 27, 10)).toEqual({ before: '…four five ', after: ' seven…' });
  });
  it('never crosses a paragraph break', () => {
    expect(contextAround(text, 50, 54, 100)).toEqual({ before: '', after: ' paragraph.' });
    expect(contextAround(text, 40, 44, 100)).toEqual({ before: 'One two three four five six seven eight ', after: ' ten.' });
    expect(contextAround(text, 24, 27, 9)).toEqual({ before: '…five ', after: ' seven…' });
  });
});
