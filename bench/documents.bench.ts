/**
 * Document conversion benchmark (docs/architecture.md §8: converting a user's ~1 MB PDF
 * or ~1 MB DOCX into an article ≤ 2 s each, median and p95).
 *
 * Workload, seeded and reproducible: prose-shaped text (words of random letters, sentences
 * of 8–20 words, paragraphs of 2–6 sentences) written as a PDF with pdf-lib (Helvetica
 * 12 pt, about 90 characters a line) and as a DOCX with the `docx` package (headings every
 * 20 paragraphs), each grown until the file is about 1 MB. Each is converted repeatedly
 * after a warm-up with `convertDocument`, as the app and the command line call it; the
 * heap growth of one conversion is reported beside it. Quick mode
 * (MARGINALIA_BENCH_QUICK=1) takes 3 samples instead of 7.
 */
import { convertDocument } from '#shared/documents/import/convert.ts';
import { seededRandom } from '#shared/sample/seeded-random.ts';
import { makeDocx, makePdf, type DocxBlock } from '../tests/helpers/document-fixtures.ts';
import { sampleMs, type BenchSuite, type Metric } from './harness.ts';

const RUNS = process.env.MARGINALIA_BENCH_QUICK === '1' ? 3 : 7;
const TARGET_BYTES = 1024 * 1024;
const BUDGET_MS = 2000;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * `count` seeded paragraphs of prose-shaped text: words of 2–10 random letters, so that
 * the files compress about as little as real text does and 1 MB holds a realistic amount.
 */
function paragraphs(count: number, seed = 20261202): string[] {
  const random = seededRandom(seed);
  const word = () => Array.from({ length: 2 + Math.floor(random() * 9) }, () => LETTERS[Math.floor(random() * 26)]).join('');
  return Array.from({ length: count }, () => Array.from({ length: 2 + Math.floor(random() * 5) }, () => {
    const sentence = Array.from({ length: 8 + Math.floor(random() * 13) }, word).join(' ');
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  }).join(' '));
}

/** Breaks a paragraph into lines of about `width` characters at spaces. */
function wrap(paragraph: string, width = 90): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Grows a file built from `n` paragraphs until it is about {@link TARGET_BYTES}. */
async function fileOfAboutOneMegabyte(build: (texts: string[]) => Promise<Uint8Array>): Promise<Uint8Array> {
  let count = 200;
  let bytes = await build(paragraphs(count));
  count = Math.round((count * TARGET_BYTES) / bytes.length);
  bytes = await build(paragraphs(count));
  return bytes;
}

/** Heap growth, in MB, of one call of `fn` (after a collection when `--expose-gc` allows one). */
async function heapGrowthMb(fn: () => Promise<unknown>): Promise<number> {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const kept = await fn();
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  void kept;
  return (peak - before) / 1048576;
}

/** The documents suite. */
export const suite: BenchSuite = {
  name: 'documents',
  async run(): Promise<Metric[]> {
    const pdf = await fileOfAboutOneMegabyte((texts) => makePdf([texts.map((text) => wrap(text))], { title: 'Bench PDF' }));
    const docx = await fileOfAboutOneMegabyte((texts) => makeDocx(
      texts.map((text, index): DocxBlock => (index % 20 === 0 ? { heading: 2, text: `Section ${index / 20 + 1}` } : { text })),
      { title: 'Bench DOCX', creator: 'Bench' },
    ));
    const metrics: Metric[] = [];
    for (const [name, bytes, fileName] of [['PDF', pdf, 'bench.pdf'], ['DOCX', docx, 'bench.docx']] as const) {
      let characters = 0;
      const samples = await sampleMs(RUNS, async () => {
        characters = (await convertDocument(bytes, fileName)).article.text.length;
      });
      const heap = await heapGrowthMb(() => convertDocument(bytes, fileName));
      const size = `${(bytes.length / 1048576).toFixed(2)} MB file, ${(characters / 1000).toFixed(0)}k characters of text`;
      metrics.push(
        { name: `convert ~1 MB ${name}`, unit: 'ms', samples, budget: { statistic: 'median', max: BUDGET_MS, text: '≤ 2 s' }, note: size },
        { name: `convert ~1 MB ${name} p95`, unit: 'ms', samples, budget: { statistic: 'p95', max: BUDGET_MS, text: 'p95 ≤ 2 s' } },
        { name: `convert ~1 MB ${name} heap growth`, unit: 'MB', samples: [heap] },
      );
    }
    return metrics;
  },
};
