/**
 * Export benchmark (docs/architecture.md §8: export 10k excerpts in csv, md, json ≤ 1 s; qdpx ≤ 2 s).
 *
 * Workload, seeded and reproducible: the five bundled articles, 10,000 highlights (2,000 per
 * article, random overlapping spans), 40 tags in a two-level hierarchy (1–3 per highlight),
 * 2,500 notes with one or two replies, 5 people. Built once with the model's write
 * functions; then the excerpt query and each formatter are timed separately (median of
 * repeated runs after a warm-up), with the heap growth and RSS of one run of each.
 */
import * as Y from 'yjs';
import { describe as describeSpan } from '#shared/anchoring/describe.ts';
import { excerptsToCsv } from '#shared/export/csv.ts';
import type { Excerpt, ExportContext } from '#shared/export/excerpt.ts';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import { excerptsToMarkdown } from '#shared/export/markdown.ts';
import { excerptsToQdpx } from '#shared/export/refi-qda.ts';
import { excerptsToWebAnnotationJson } from '#shared/export/web-annotation.ts';
import { addHighlight } from '#shared/model/highlights.ts';
import { idFromRandomBytes, type HighlightId, type MemberId, type TagId } from '#shared/model/ids.ts';
import { addNote, addReply } from '#shared/model/notes.ts';
import { createProject, setMember } from '#shared/model/project.ts';
import { createTag } from '#shared/model/tags.ts';
import type { Actor } from '#shared/model/write.ts';
import type { Article } from '#shared/documents/article.ts';
import { defaultDocumentsDir, readBundledDocuments } from '../electron/services/documents-fs.ts';
import { sampleMs, type BenchSuite, type Metric } from './harness.ts';
import { seededRandom as seeded } from '#shared/sample/seeded-random.ts';

const RUNS = 7;

/** Builds the reference project over `articles`. */
export function buildReferenceProject(articles: readonly Article[], highlightsPerArticle = 2000): Y.Doc {
  const random = seeded(20260301);
  const bytes = () => Uint8Array.from({ length: 16 }, () => Math.floor(random() * 256));
  const newId = () => idFromRandomBytes(bytes());
  let clock = Date.UTC(2026, 0, 5);
  const members = Array.from({ length: 5 }, () => newId() as MemberId);
  const actor = (i: number): Actor => ({ member: members[i % 5] as MemberId, now: () => (clock += 7_000), newId });
  const doc = new Y.Doc();
  createProject(doc, actor(0), { name: 'Reference workload' });
  members.forEach((_, i) => setMember(doc, actor(i), { name: `Member ${i + 1}`, colour: '#607d8b' }));
  const tags: TagId[] = [];
  for (let parent = 0; parent < 8; parent++) {
    const parentId = createTag(doc, actor(parent), { name: `Theme ${parent + 1}`, colour: '#d32f2f' });
    tags.push(parentId);
    for (let child = 0; child < 4; child++) tags.push(createTag(doc, actor(child), { name: `Code ${parent + 1}.${child + 1}`, colour: '#1976d2', parentId }));
  }
  let noteCount = 0;
  for (const article of articles) {
    for (let i = 0; i < highlightsPerArticle; i++) {
      const start = Math.floor(random() * (article.text.length - 400));
      const end = start + 20 + Math.floor(random() * 300);
      const selectors = describeSpan(article.text, { start, end });
      const picked = new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => tags[Math.floor(random() * tags.length)] as TagId));
      const who = Math.floor(random() * 5);
      const id = addHighlight(doc, actor(who), {
        documentId: article.meta.id,
        documentHash: article.hash,
        position: selectors.position,
        quote: selectors.quote,
        tags: [...picked],
      }) as HighlightId;
      if (noteCount < 2500 && random() < 0.25) {
        noteCount++;
        const note = addNote(doc, actor(who + 1), id, `Note ${noteCount}: "why", this matters — 🧭 ${'analysis '.repeat(1 + (noteCount % 5))}`);
        addReply(doc, actor(who + 2), note, `Reply to ${noteCount}, agreeing.`);
        if (noteCount % 2 === 0) addReply(doc, actor(who + 3), note, '=Second reply, with a formula-like start');
      }
    }
  }
  return doc;
}

function memoryOf(fn: () => unknown): { heapMb: number; rssMb: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  const keep = fn();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const after = process.memoryUsage();
  void keep;
  return { heapMb: (peakHeap - before.heapUsed) / 1048576, rssMb: after.rss / 1048576 };
}

/** The export suite. */
export const suite: BenchSuite = {
  name: 'export',
  async run(): Promise<Metric[]> {
    const articles = (await readBundledDocuments(defaultDocumentsDir())).flatMap((result) => (result.ok ? [result.article] : []));
    const doc = buildReferenceProject(articles);
    let excerpts: Excerpt[] = [];
    const querySamples = await sampleMs(RUNS, () => {
      excerpts = queryExcerpts(doc, articles);
    });
    const context: ExportContext = buildExportContext(doc, articles, '2026-03-02T12:00:00.000Z');
    const formats: Array<{ name: string; budgetMs: number; run: () => unknown }> = [
      { name: 'csv', budgetMs: 1000, run: () => excerptsToCsv(excerpts, { rows: 'excerpt' }) },
      { name: 'csv per tag', budgetMs: 1000, run: () => excerptsToCsv(excerpts, { rows: 'tag' }) },
      { name: 'md', budgetMs: 1000, run: () => excerptsToMarkdown(excerpts, context, { group: 'tag' }) },
      { name: 'jsonld', budgetMs: 1000, run: () => excerptsToWebAnnotationJson(excerpts, context) },
      { name: 'qdpx', budgetMs: 2000, run: () => excerptsToQdpx(excerpts, context) },
    ];
    const metrics: Metric[] = [
      { name: `query ${excerpts.length} excerpts`, unit: 'ms', samples: querySamples, note: 'anchoring + resolution of 10k highlights; not in a budget by itself' },
    ];
    for (const format of formats) {
      const samples = await sampleMs(RUNS, format.run);
      const memory = memoryOf(format.run);
      const output = format.run() as string | { data: Uint8Array };
      const size = typeof output === 'string' ? output.length : output.data.length;
      metrics.push({
        name: `export 10k ${format.name}`,
        unit: 'ms',
        samples,
        budget: { statistic: 'median', max: format.budgetMs, text: `≤ ${format.budgetMs / 1000} s` },
        note: `output ${(size / 1048576).toFixed(1)} MB; heap growth ${memory.heapMb.toFixed(0)} MB; RSS ${memory.rssMb.toFixed(0)} MB`,
      });
      metrics.push({ name: `export 10k ${format.name} heap growth`, unit: 'MB', samples: [memory.heapMb] });
    }
    const endToEnd = await sampleMs(3, () => excerptsToCsv(queryExcerpts(doc, articles), { rows: 'excerpt' }));
    metrics.push({ name: 'query + csv 10k', unit: 'ms', samples: endToEnd, budget: { statistic: 'median', max: 1000, text: '≤ 1 s' } });
    return metrics;
  },
};
