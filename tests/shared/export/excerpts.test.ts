import { describe, expect, it } from 'vitest';
import type { Excerpt } from '#shared/export/excerpt.ts';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import { buildSeededProject } from '../../helpers/seeded-project.ts';

describe('queryExcerpts over the seeded project', async () => {
  const project = await buildSeededProject();
  const all = queryExcerpts(project.doc, project.articles);
  const byQuote = (start: string) => all.find((excerpt) => excerpt.quote.startsWith(start)) as Excerpt;

  it('exports live highlights, leaves out the trashed one and keeps the unanchored one flagged', () => {
    expect(all).toHaveLength(9);
    expect(all.some((excerpt) => excerpt.quote === 'Baku')).toBe(false);
    const lost = byQuote('a sentence that');
    expect(lost.anchored).toBe(false);
    expect(lost.paragraph).toBe(0);
    expect(all.filter((excerpt) => !excerpt.anchored)).toHaveLength(1);
  });

  it('resolves document metadata, heading path, paragraph, offsets in both units and people', () => {
    const first = all[0] as Excerpt;
    const article = project.articles[0];
    expect(first.document).toMatchObject({ id: 'azerbaijan-us-russia-dynamics', author: 'Elmar Ismayilzada', publisher: 'Politicon.co' });
    expect(article?.text.slice(first.utf16.start, first.utf16.end)).toBe(first.quote);
    expect(first.headingPath.at(-1)).toBe('Introduction');
    expect(first.highlightedBy.name).toBe('Ana Əliyeva');
    expect(first.tags.map((tag) => [tag.name, tag.appliedBy?.name])).toEqual([['Security', 'Ana Əliyeva'], ['Energy', 'Bora "B" İnce']]);
    expect(first.notes[0]?.replies.map((reply) => reply.author.name)).toEqual(['Bora "B" İnce', '@Cem, Jr.']);
    expect(first.modified > first.created).toBe(true);
    const hard = byQuote('Then 🧭');
    const text = project.articles.at(-1)?.text as string;
    expect(Array.from(text).slice(hard.codePoints.start, hard.codePoints.end).join('')).toBe(hard.quote);
    expect(hard.utf16.start - hard.codePoints.start).toBe(2);
    expect(hard.utf16.end - hard.codePoints.end).toBe(4);
    expect(hard.headingPath).toEqual(['Compass 🧭 and script 𝒜']);
    expect(hard.paragraph).toBe(2);
    expect(byQuote('economic and military').tags.map((tag) => tag.path.join(' / '))).toEqual(['Security / Military', 'Economy', 'Economy / Trade']);
  });

  it('filters by tag (parents include children, any/all), member, document, dates and notes', () => {
    const quotes = (list: Excerpt[]) => list.map((excerpt) => excerpt.quote.slice(0, 12)).sort();
    const security = queryExcerpts(project.doc, project.articles, { tags: [project.tags.security] });
    expect(security.every((excerpt) => excerpt.tags.some((tag) => tag.path[0] === 'Security'))).toBe(true);
    expect(security).toHaveLength(4);
    const both = queryExcerpts(project.doc, project.articles, { tags: [project.tags.security, project.tags.economy], tagMatch: 'all' });
    expect(quotes(both)).toEqual(['economic and']);
    expect(queryExcerpts(project.doc, project.articles, { withNote: true })).toHaveLength(3);
    expect(queryExcerpts(project.doc, project.articles, { documents: ['hard-text-sample'] })).toHaveLength(3);
    const byCem = queryExcerpts(project.doc, project.articles, { members: [project.members.cem] });
    expect(byCem.every((excerpt) => JSON.stringify(excerpt).includes('@Cem'))).toBe(true);
    const created = all.map((excerpt) => Date.parse(excerpt.created)).sort((a, b) => a - b);
    const window = queryExcerpts(project.doc, project.articles, { from: created[2], to: created[4] });
    expect(window).toHaveLength(3);
  });

  it('sorts by document (manifest order), by date and by codebook order of the first tag', () => {
    const byDate = queryExcerpts(project.doc, project.articles, {}, 'date').map((excerpt) => excerpt.created);
    expect(byDate).toEqual([...byDate].sort());
    const order = project.articles.map((article) => article.meta.id as string);
    const docs = all.map((excerpt) => order.indexOf(excerpt.document.id));
    expect(docs).toEqual([...docs].sort((a, b) => a - b));
    const byTag = queryExcerpts(project.doc, project.articles, {}, 'tag');
    expect(byTag[0]?.tags[0]?.name).toBe('=Formula?');
    expect(byTag.at(-1)?.tags).toEqual([]);
  });

  it('builds the export context with the live codebook in tree order', () => {
    const context = buildExportContext(project.doc, project.articles, project.exportedAt);
    expect(context.codebook.map((entry) => entry.name)).toEqual(['=Formula?', 'Economy', 'Trade', 'Energy', 'Security', 'Military']);
    expect(context.members).toHaveLength(3);
    expect(context.projectName).toBe('South Caucasus | coding *pilot*');
  });
});
