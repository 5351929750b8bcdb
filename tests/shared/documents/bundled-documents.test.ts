/**
 * The bundled documents against their seeds: no sentence lost, changed, invented or
 * reordered; list markers turned into real lists with the source's numbers; the only
 * dropped lines are the listed pieces of web cruft.
 */
import { readFileSync } from 'node:fs';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import type { Article } from '#shared/documents/article.ts';
import { bundledArticles, seedsDir } from '../../helpers/bundled-documents.ts';

/**
 * Seed lines deliberately not carried into the documents, with the reason. Nothing else
 * is dropped (blank lines aside).
 * - `![]()` is an empty Markdown image left by the scraper between the reference list
 *   and the tag list of seed 000: no text, no alt text, no URL.
 */
const droppedLines: Record<string, string[]> = {
  '000_137f18c1f7b75601.txt': ['![]()'],
};

/** How a seed line marks a list item: `- x` and `  • x` are bullets, `  N. x` (indented) is ordered. */
function splitSeedMarker(line: string): { marker: string; text: string } {
  const bullet = /^(?:- |\s+• )(.*)$/.exec(line);
  if (bullet) return { marker: '-', text: bullet[1] as string };
  const ordered = /^\s+(\d+)\. (.*)$/.exec(line);
  if (ordered) return { marker: `${ordered[1]}.`, text: ordered[2] as string };
  return { marker: '', text: line };
}

/** Every textblock of a document with the list marker a reader sees before it ('' outside lists). */
function markedBlocks(doc: ProseMirrorNode): Array<{ marker: string; text: string }> {
  const blocks: Array<{ marker: string; text: string }> = [];
  doc.forEach((block) => {
    if (block.isTextblock) {
      blocks.push({ marker: '', text: block.textContent });
      return;
    }
    block.forEach((item, _offset, index) => {
      const marker = block.type.name === 'ordered_list' ? `${(block.attrs.start as number) + index}.` : '-';
      blocks.push({ marker, text: item.textContent });
    });
  });
  return blocks;
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
const articles = bundledArticles();

function seedOf(article: Article): { file: string; lines: string[] } {
  const file = article.meta.sourceFile as string;
  return { file, lines: readFileSync(`${seedsDir}${file}`, 'utf8').split('\n') };
}

describe.each(articles.map((article) => [article.meta.id, article] as const))('bundled document %s', (_id, article) => {
  const seed = seedOf(article);
  const dropped = droppedLines[seed.file] ?? [];
  const keptLines = seed.lines.filter((line) => line.trim() !== '' && !dropped.includes(line.trim()));

  it('holds every non-blank seed line in order, with its list marker turned into list structure', () => {
    expect(markedBlocks(article.doc)).toEqual(keptLines.map(splitSeedMarker).map(({ marker, text }) => ({ marker, text: text.trim() })));
  });

  it('contains every sentence of the seed verbatim (whitespace aside)', () => {
    const canonical = normalise(article.text);
    const sentences = keptLines
      .map((line) => splitSeedMarker(line).text)
      .flatMap((line) => line.split(/(?<=[.!?”])\s+(?=[A-Z“"])/))
      .map(normalise);
    expect(sentences.length).toBeGreaterThan(10);
    const missing = sentences.filter((sentence) => !canonical.includes(sentence));
    expect(missing).toEqual([]);
  });

  it('invents nothing: every canonical block occurs in the seed', () => {
    const source = normalise(seed.lines.join('\n'));
    const invented = article.text.split('\n').filter((block) => !source.includes(normalise(block)));
    expect(invented).toEqual([]);
  });

  it('drops only the listed cruft lines, which really are in the seed', () => {
    for (const line of dropped) {
      expect(seed.lines.map((l) => l.trim())).toContain(line);
      expect(article.text).not.toContain(line);
    }
    const droppedHere = seed.lines.filter((line) => line.trim() !== '' && !keptLines.includes(line));
    expect(droppedHere.map((line) => line.trim())).toEqual(dropped);
  });

  it('records its seed file and a title that occurs in the seed', () => {
    expect(seed.lines.length).toBeGreaterThan(10);
    expect(normalise(seed.lines.join(' '))).toContain(normalise(article.meta.title));
  });
});

describe('bundled document metadata and structure', () => {
  const byId = new Map(articles.map((article) => [article.meta.id as string, article]));
  const get = (id: string) => {
    const article = byId.get(id);
    if (!article) throw new Error(`missing bundled document ${id}`);
    return article;
  };
  const headings = (id: string) => get(id).outline.map((entry) => `${'#'.repeat(entry.level)} ${entry.title}`);
  const lists = (id: string) => {
    const found: Array<{ type: string; start: number | null; items: number; first: string }> = [];
    get(id).doc.forEach((block) => {
      if (block.type.name.endsWith('_list')) {
        found.push({
          type: block.type.name,
          start: block.type.name === 'ordered_list' ? (block.attrs.start as number) : null,
          items: block.childCount,
          first: (block.firstChild as ProseMirrorNode).textContent.slice(0, 20),
        });
      }
    });
    return found;
  };

  it('lists the five seeds in order with their stated facts only', () => {
    expect(articles.map((article) => [article.meta.id, article.meta.sourceFile, article.meta.titleSupplied, article.meta.author, article.meta.publisher])).toEqual([
      ['azerbaijan-us-russia-dynamics', '000_137f18c1f7b75601.txt', false, 'Elmar Ismayilzada', 'Politicon.co'],
      ['azerbaijan-strategic-pragmatism', '001_b14c3dcc8a7e517a.txt', false, null, null],
      ['russia-azerbaijan-disputes', '002_a408f5ad338b5d84.txt', false, 'Dr Masumeh Muhammadi', 'International Peace Studies Centre – IPSC'],
      ['azerbaijan-brics-and-the-west', '003_7c36b33cfa9ec351.txt', true, null, null],
      ['azerbaijan-back-to-normalcy', '004_bfb11c18a4998409.txt', false, 'Dr. Emil Avdaliani', null],
    ]);
  });

  it('azerbaijan-us-russia-dynamics: title heading after the bio, sections, references and tags as two lists', () => {
    expect(headings('azerbaijan-us-russia-dynamics')).toEqual([
      '# The dynamics of cooperation and conflict in Azerbaijan’s relations with the United States and Russia',
      '## Introduction',
      '## Azerbaijan’s balancing between the United States and Russia',
      '## Conclusion',
      '## References',
    ]);
    expect(get('azerbaijan-us-russia-dynamics').text.startsWith('Elmar Ismayilzada received')).toBe(true);
    expect(lists('azerbaijan-us-russia-dynamics')).toEqual([
      { type: 'bullet_list', start: null, items: 11, first: 'Abbasova, A. (2021).' },
      { type: 'bullet_list', start: null, items: 9, first: 'TAGS :' },
    ]);
    expect(get('azerbaijan-us-russia-dynamics').text).toContain('Azərbaycanın Xarici Siyasətinin Əsas İstiqamətləri (1991–2016)');
  });

  it('azerbaijan-strategic-pragmatism: three sections and the trailing "Leave a Comment" kept verbatim', () => {
    expect(headings('azerbaijan-strategic-pragmatism')).toEqual([
      '# Between the East and West: Azerbaijan’s playbook for strategic pragmatism',
      '## Energy, pragmatism, and political friction with West',
      '## Azerbaijan’s economic and military ties with Russia',
      '## Bridges and borders in relations with neighbors',
    ]);
    expect(get('azerbaijan-strategic-pragmatism').text.endsWith('\nLeave a Comment')).toBe(true);
    expect(lists('azerbaijan-strategic-pragmatism')).toEqual([]);
  });

  it('russia-azerbaijan-disputes: numbered section headings keep their numbers; bullets and ordered lists', () => {
    const outline = headings('russia-azerbaijan-disputes');
    expect(outline).toHaveLength(19);
    expect(outline.slice(0, 5)).toEqual([
      '# Disputes Between Russia and Azerbaijan: Examining Roots and Reciprocal Approaches in Light of Recent South Caucasus Developments',
      '## Introduction',
      '## 1. Historical and Strategic Foundations of Russia-Azerbaijan Relations',
      '## 2. Causes of Tensions in Bilateral Relations (2024–2025)',
      '### 2.1. Russia’s Weakened Strategic Position After the Ukraine War',
    ]);
    expect(outline).toContain('### 4.3 Active multipolar policy: From China to the Turkic world:');
    expect(outline.slice(-2)).toEqual(['## The Role of Third-Party Actors', '## References']);
    expect(lists('russia-azerbaijan-disputes')).toEqual([
      { type: 'bullet_list', start: null, items: 3, first: 'Azerbaijan-Israel De' },
      { type: 'ordered_list', start: 1, items: 3, first: 'Cold Confrontation a' },
      { type: 'ordered_list', start: 1, items: 9, first: 'Al Jazeera. (2024). ' },
    ]);
  });

  it('azerbaijan-brics-and-the-west: supplied title is not in the text, which starts at its first heading', () => {
    const article = get('azerbaijan-brics-and-the-west');
    expect(headings('azerbaijan-brics-and-the-west')).toEqual([
      '## Introduction',
      '## Problems in Azerbaijan’s Relations with its Western Partners',
      '## Disconnection with the West?',
      '## Conclusion',
    ]);
    expect(article.text.startsWith('Introduction\nEurasia is passing')).toBe(true);
    expect(article.text.split('\n')).not.toContain(article.meta.title);
  });

  it('azerbaijan-back-to-normalcy: title, byline and the comment-form cruft kept verbatim', () => {
    expect(headings('azerbaijan-back-to-normalcy')).toEqual(['# Back To Normalcy: Azerbaijan’s Evolving Foreign Policy – Analysis']);
    expect(get('azerbaijan-back-to-normalcy').text.split('\n').slice(-4)).toEqual([
      'Dr. Emil Avdaliani',
      'Emil Avdaliani has worked for various international consulting companies and currently publishes articles focused on military and political developments across the former Soviet sphere.',
      'Leave a Reply',
      'Your email address will not be published. Required fields are marked *',
    ]);
  });
});
