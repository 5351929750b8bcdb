/**
 * Benchmarks of retrieval in the Analysis panel (docs/architecture.md §8), run in the model
 * suite:
 * - co-occurrence of the 10k reference project (shared/sample, seed 1): the excerpt query
 *   (every highlight placed on its article) plus the table of all 40 codes, as the
 *   Co-occurrence tab and `marginalia cooccurrence` compute it; and the table alone;
 * - a corpus search keystroke: `searchCorpus` over the five articles (folded once) for each
 *   prefix of a typed phrase, with the keyword-in-context lines the Search tab renders.
 */
import { readFileSync } from 'node:fs';
import { cooccurrence } from '#shared/analysis/cooccurrence.ts';
import { createCorpusIndex, searchCorpus } from '#shared/analysis/corpus-search.ts';
import { loadArticle, type Article } from '#shared/documents/article.ts';
import { parseManifest } from '#shared/documents/manifest.ts';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { sampleMs, type Metric } from './harness.ts';

/** What a person types into the Search field, one keystroke at a time. */
const TYPED = 'azerbaijan’s foreign policy';

function bundledArticles(): Article[] {
  const dir = new URL('../documents/', import.meta.url);
  const manifest = parseManifest(JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')));
  return manifest.documents.map((entry) => loadArticle(readFileSync(new URL(entry.file, dir), 'utf8'), entry.file, entry.id));
}

/** The retrieval metrics. */
export async function retrieveMetrics(): Promise<Metric[]> {
  const articles = bundledArticles();
  const { doc } = generateSampleProject(articles.map((article) => ({ id: article.meta.id, text: article.text, hash: article.hash })), { seed: 1 });
  const codes = buildExportContext(doc, articles, '').codebook;
  const excerpts = queryExcerpts(doc, articles);
  const withQuery = await sampleMs(7, () => cooccurrence(queryExcerpts(doc, articles), codes));
  const tableOnly = await sampleMs(15, () => cooccurrence(excerpts, codes));
  doc.destroy();

  const corpus = createCorpusIndex(articles.map((article) => ({ id: article.meta.id, title: article.meta.title, text: article.text })));
  const keystrokes: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (let length = 1; length <= TYPED.length; length += 1) {
      const query = TYPED.slice(0, length);
      const start = performance.now();
      searchCorpus(corpus, query, { limit: 100 });
      keystrokes.push(performance.now() - start);
    }
  }
  return [
    { name: 'co-occurrence 10k: excerpt query + table (40 codes)', unit: 'ms', samples: withQuery, budget: { statistic: 'median', max: 300, text: '≤ 300 ms' } },
    { name: 'co-occurrence 10k: table from excerpts', unit: 'ms', samples: tableOnly },
    { name: 'corpus search keystroke (5 articles, 100 KWIC lines)', unit: 'ms', samples: keystrokes, budget: { statistic: 'p95', max: 50, text: 'p95 ≤ 50 ms' }, note: `each prefix of "${TYPED}", 5 rounds` },
  ];
}
