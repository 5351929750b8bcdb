/**
 * Agreement over the reference workload (shared/sample, seed 1: 10,000 highlights over
 * the five articles, 40 codes, 5 people): the Agreement tab's and `marginalia agreement`'s
 * whole pass — codings read from the model and placed on the current text, then every code's 2×2 table,
 * κ, Jaccard and unitizing α for the two people who coded most — timed as one, over all
 * documents. Part of the `model` suite (pure computation in Node).
 */
import { readFileSync } from 'node:fs';
import { computeAgreement } from '#shared/analysis/agreement.ts';
import { readCodings } from '#shared/analysis/agreement-codings.ts';
import { loadArticle, type Article } from '#shared/documents/article.ts';
import { parseManifest } from '#shared/documents/manifest.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { sampleMs, type Metric } from './harness.ts';

function bundledArticles(): Article[] {
  const dir = new URL('../documents/', import.meta.url);
  const manifest = parseManifest(JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')));
  return manifest.documents.map((entry) => loadArticle(readFileSync(new URL(entry.file, dir), 'utf8'), entry.file, entry.id));
}

/** The agreement metrics. */
export async function agreementMetrics(): Promise<Metric[]> {
  const articles = bundledArticles();
  const { doc } = generateSampleProject(articles.map((article) => ({ id: article.meta.id, text: article.text, hash: article.hash })), { seed: 1 });
  const runs = process.env.MARGINALIA_BENCH_QUICK === '1' ? 5 : 15;
  let codes = 0;
  const whole = await sampleMs(runs, () => {
    const codings = readCodings(doc, articles);
    const [a, b] = codings.coders;
    if (a === undefined || b === undefined) throw new Error('the sample project has fewer than two coders');
    codes = computeAgreement(codings, { coders: [a.id, b.id] }).codes.length;
  });
  const codings = readCodings(doc, articles);
  const [a, b] = codings.coders;
  const measures = await sampleMs(runs, () => computeAgreement(codings, { coders: [a?.id, b?.id] as never }));
  doc.destroy();
  return [
    { name: 'agreement, all codes, 2 coders (10k)', unit: 'ms', samples: whole, budget: { statistic: 'median', max: 300, text: '≤ 300 ms' }, note: `codings read (highlights placed on the current text, who applied each code) + ${codes} codes' tables, κ, Jaccard and unitizing α over the five articles` },
    { name: 'agreement measures from codings (10k)', unit: 'ms', samples: measures, note: 'the tables and α alone, codings already read' },
  ];
}
