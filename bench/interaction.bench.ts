/**
 * `npm run bench -- interaction`: responsiveness from real input, in Chromium, against the
 * test build (docs/architecture.md §8: INP-style p95 ≤ 100 ms and no frame over 50 ms per
 * interaction; opening or merging the 10k project file ≤ 2 s to usable, progress shown).
 *
 * Two people in fresh profiles: one merges the 10k sample through "Merge project file…",
 * the other the same sample with no highlights (same codebook and number keys) — the
 * same-run baseline. Each repeats, alternating with the other, every interaction of
 * interaction-tasks.ts; the page records Event Timing and Long Animation Frames
 * (interaction-probe.ts) and each window yields its worst interaction and long frames
 * (interaction-metrics.ts). Then projects are switched in the switcher, the 10k file is
 * opened as a project of its own, and the cost curve runs (interaction-curve.ts).
 * MARGINALIA_BENCH_QUICK=1 runs fewer repetitions and the curve at 1k and 10k only;
 * MARGINALIA_BENCH_CURVE=1000,10000,50000,100000 chooses the curve's sizes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, serveRenderer } from '../tests/helpers/browser.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import type { BenchSuite, Metric } from './harness.ts';
import { median } from './harness.ts';
import { bundledSampleArticles } from './model.bench.ts';
import { CURVE_COLUMNS, curvePoint, curveVerdicts, formatCurve, type CurvePoint } from './interaction-curve.ts';
import { createProject, freshPage, mergeThroughUi, openThroughUi, projectName, switchThroughUi, type ProjectFile } from './interaction-file.ts';
import { frameApi } from './interaction-probe.ts';
import { ARTICLE, openFromLibrary, toLibrary, type Measured } from './interaction-steps.ts';
import { annotateRounds, cardClicks, filterKeystrokes, panelToggles, typeaheadKeystrokes } from './interaction-tasks.ts';

const QUICK = process.env.MARGINALIA_BENCH_QUICK === '1';
const RUNS = QUICK
  ? { cards: 6, panels: 3, filterRounds: 1, typeaheadRounds: 2, annotate: 4, switches: 2, files: 1, curve: 3 }
  : { cards: 20, panels: 15, filterRounds: 4, typeaheadRounds: 5, annotate: 20, switches: 8, files: 3, curve: 7 };
/** Curve sizes: MARGINALIA_BENCH_CURVE (e.g. `1000,10000,50000,100000`) chooses them; else 1k and 10k quick, up to 100k in a full run. */
const CURVE_SIZES = curveSizes(process.env.MARGINALIA_BENCH_CURVE) ?? (QUICK ? [1_000, 10_000] : [1_000, 10_000, 50_000, 100_000]);

function curveSizes(text: string | undefined): number[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const sizes = text.split(',').map((part) => Number(part.trim()));
  if (!sizes.every((size) => Number.isSafeInteger(size) && size > 0)) throw new Error(`MARGINALIA_BENCH_CURVE: expected highlight counts separated by commas (e.g. 1000,10000,50000), got "${text}"`);
  return sizes;
}
const CACHE = join(tmpdir(), 'marginalia-bench-samples');

/** The sample project file with `highlights` highlights (seed 1), cached in the temp folder. */
function sampleFile(highlights: number): ProjectFile & { size: number } {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `sample-${highlights}-seed1.marginalia`);
  if (!existsSync(path)) {
    console.log(`bench: generating the ${highlights}-highlight sample (cached in ${CACHE})…`);
    const { doc } = generateSampleProject(bundledSampleArticles(), { seed: 1, highlights, ...(highlights === 0 ? { notes: 0 } : {}) });
    writeFileSync(path, encodeProjectFile(doc));
  }
  return { name: `sample-${highlights}.marginalia`, bytes: readFileSync(path), dense: highlights > 0, size: highlights };
}

/** Windows by interaction name, for one project. */
type Windows = Map<string, Measured[]>;
const recorder = (windows: Windows) => (name: string, sample: Measured): void => void windows.set(name, [...(windows.get(name) ?? []), sample]);

const INP_BUDGET = { statistic: 'p95', max: 100, text: 'p95 ≤ 100 ms' } as const;
const FRAME_BUDGET = { statistic: 'max', max: 50, text: 'none > 50 ms' } as const;
const over = (samples: readonly Measured[]): number => samples.reduce((sum, sample) => sum + sample.framesOver50, 0);
const longest = (samples: readonly Measured[]): number => Math.max(0, ...samples.map((sample) => sample.longestFrame));
/** Where the longest frame of `samples` spent its time, as a note's tail. */
const longestCause = (samples: readonly Measured[]): string => {
  const worst = samples.reduce<Measured | undefined>((found, sample) => (found === undefined || sample.longestFrame > found.longestFrame ? sample : found), undefined);
  return worst?.longestCause !== undefined ? `; longest: ${worst.longestCause}` : '';
};

/** The three rows of one interaction: INP (10k, against the baseline), INP (empty), longest frame (10k). */
function interactionRows(name: string, full: readonly Measured[], empty: readonly Measured[]): Metric[] {
  return [
    { name: `${name} · INP`, unit: 'ms', samples: full.map((sample) => sample.inp), baseline: `${name} · INP, empty`, budget: INP_BUDGET },
    { name: `${name} · INP, empty`, unit: 'ms', samples: empty.map((sample) => sample.inp) },
    {
      name: `${name} · longest frame`,
      unit: 'ms',
      samples: full.map((sample) => sample.longestFrame),
      budget: FRAME_BUDGET,
      note: `${over(full)} frames over 50 ms in ${full.length} runs (empty project: ${over(empty)}, longest ${longest(empty).toFixed(0)} ms); input → on screen median ${median(full.map((s) => s.ms)).toFixed(0)} ms (empty ${median(empty.map((s) => s.ms)).toFixed(0)} ms)${longestCause(full)}`,
    },
  ];
}

/** Rows of a file or switch window: time to usable (against its baseline) and its longest frame. */
function usableRows(name: string, full: readonly Measured[], baseline: string, empty: readonly Measured[], firstStep: string): Metric[] {
  return [
    { name: `${name} → usable`, unit: 'ms', samples: full.map((sample) => sample.total), baseline: `${baseline} → usable`, budget: { statistic: 'median', max: 2000, text: '≤ 2 s' } },
    { name: `${baseline} → usable`, unit: 'ms', samples: empty.map((sample) => sample.total) },
    {
      name: `${name} · longest frame`,
      unit: 'ms',
      samples: full.map((sample) => sample.longestFrame),
      budget: FRAME_BUDGET,
      note: `${firstStep} median ${median(full.map((s) => s.ms)).toFixed(0)} ms; ${over(full)} frames over 50 ms in ${full.length} runs; progress shown: ${full.map((s) => (s.progressShown ? 'yes' : 'no')).join(', ')}${longestCause(full)}`,
    },
  ];
}

/** Every interaction of interaction-tasks.ts, alternating between the two people each round. */
async function interactions(pages: readonly [Page, Windows, boolean][]): Promise<void> {
  const each = async (task: (page: Page, record: ReturnType<typeof recorder>, dense: boolean) => Promise<void>): Promise<void> => {
    for (const [page, windows, dense] of pages) await task(page, recorder(windows), dense);
  };
  for (let round = 0; round < 2; round += 1) {
    await each((page, record, dense) => cardClicks(page, dense, RUNS.cards / 2, record));
  }
  await each((page, _record, dense) => openFromLibrary(page, ARTICLE, dense));
  for (let round = 0; round < RUNS.panels; round += 1) await each((page, record) => panelToggles(page, 1, record));
  for (let round = 0; round < RUNS.filterRounds; round += 1) await each((page, record) => filterKeystrokes(page, 1, record));
  for (let round = 0; round < RUNS.typeaheadRounds; round += 1) await each((page, record) => typeaheadKeystrokes(page, 1, record));
  for (let round = 0; round < RUNS.annotate; round += 1) await each((page, record) => annotateRounds(page, 1, record));
  await each((page) => toLibrary(page));
}

/** The interaction suite. */
export const suite: BenchSuite = {
  name: 'interaction',
  async run(): Promise<Metric[]> {
    const full10k = sampleFile(10_000);
    const codebookOnly = sampleFile(0);
    const browser = await launchChromium(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
    const root = process.env.MARGINALIA_BENCH_RENDERER;
    const server = await serveRenderer(root ? { root } : {});
    try {
      const metrics: Metric[] = [];
      const full = await freshPage(browser.browser, server.url);
      const empty = await freshPage(browser.browser, server.url);
      const api = await frameApi(full);
      const merged = [await mergeThroughUi(full, full10k)];
      const mergedEmpty = [await mergeThroughUi(empty, codebookOnly)];
      console.log('bench: interaction: merged; interactions…');
      const fullWindows: Windows = new Map();
      const emptyWindows: Windows = new Map();
      await interactions([[full, fullWindows, true], [empty, emptyWindows, false]]).catch(async (error: unknown) => {
        // What the screen showed when an interaction failed, to see which step it was.
        mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
        await full.screenshot({ path: new URL('./results/interaction-failed-10k.png', import.meta.url).pathname });
        await empty.screenshot({ path: new URL('./results/interaction-failed-empty.png', import.meta.url).pathname });
        throw error;
      });
      for (const [name, samples] of fullWindows) metrics.push(...interactionRows(name, samples, emptyWindows.get(name) ?? []));

      console.log('bench: interaction: switching projects…');
      const switched: Measured[] = [];
      const switchedEmpty: Measured[] = [];
      const mainNames = [await projectName(full), await projectName(empty)];
      await createProject(full, 'Bench other');
      await createProject(empty, 'Bench other');
      for (let run = 0; run < RUNS.switches; run += 1) {
        switched.push(await switchThroughUi(full, mainNames[0] as string, true));
        switchedEmpty.push(await switchThroughUi(empty, mainNames[1] as string, false));
        if (run + 1 < RUNS.switches) {
          await switchThroughUi(full, 'Bench other', false);
          await switchThroughUi(empty, 'Bench other', false);
        }
      }
      await full.context().close();
      await empty.context().close();
      metrics.push(...usableRows('switch to the 10k project', switched, 'switch to the empty project', switchedEmpty, 'card click → painted after the restart'));

      console.log('bench: interaction: opening and merging the 10k file…');
      const opened: Measured[] = [];
      const openedEmpty: Measured[] = [];
      for (let run = 0; run < RUNS.files; run += 1) {
        for (const [file, into] of [[full10k, opened], [codebookOnly, openedEmpty]] as const) {
          const page = await freshPage(browser.browser, server.url);
          into.push(await openThroughUi(page, file));
          await page.context().close();
        }
        if (run > 0) {
          for (const [file, into] of [[full10k, merged], [codebookOnly, mergedEmpty]] as const) {
            const page = await freshPage(browser.browser, server.url);
            into.push(await mergeThroughUi(page, file));
            await page.context().close();
          }
        }
      }
      metrics.push(...usableRows('merge the 10k file', merged, 'merge the codebook-only file', mergedEmpty, 'click on Merge → notice'));
      metrics.push(...usableRows('open the 10k file as a project', opened, 'open the codebook-only file as a project', openedEmpty, 'card click → painted after the restart'));

      const points: CurvePoint[] = [];
      for (const size of CURVE_SIZES) {
        console.log(`bench: interaction: cost curve at ${size} highlights…`);
        points.push(await curvePoint(browser.browser, server.url, sampleFile(size), RUNS.curve));
      }
      console.log(`\ncost curve (${api}):\n${formatCurve(points)}\n`);
      metrics.push(...curveRows(points));
      return metrics;
    } finally {
      await server.close();
      await browser.close();
    }
  },
};

/** One row per figure and size; the steps' verdicts go in the notes of the larger size. */
function curveRows(points: readonly CurvePoint[]): Metric[] {
  const verdicts = curveVerdicts(points);
  const samplesOf: Record<string, (point: CurvePoint) => number[]> = {
    'file': (point) => [point.fileBytes / 1e6],
    'local load': (point) => point.load,
    'heap after GC': (point) => point.heapBytes.map((bytes) => bytes / 1e6),
    'open dense article': (point) => point.article,
    'Annotations panel open': (point) => point.panel,
    'filter keystroke (INP)': (point) => point.filter,
    'export CSV': (point) => point.exportCsv,
  };
  const budgets: Record<string, Metric['budget']> = {
    'local load': { statistic: 'median', max: 300, text: '≤ 300 ms (10k)' },
    'Annotations panel open': { statistic: 'median', max: 100, text: '≤ 100 ms' },
    'filter keystroke (INP)': { statistic: 'p95', max: 50, text: 'p95 ≤ 50 ms' },
    'export CSV': { statistic: 'median', max: 1000, text: '≤ 1 s (10k)' },
  };
  return CURVE_COLUMNS.flatMap((column) => points.map((point, index) => {
    const step = index > 0 ? verdicts.get(column.title)?.[index - 1] : undefined;
    const budget = budgets[column.title];
    const applies = budget !== undefined && (point.size === 10_000 || !budget.text.includes('(10k)'));
    return {
      name: `curve ${point.size / 1000}k · ${column.title}`,
      unit: column.unit,
      samples: samplesOf[column.title]?.(point) ?? [],
      ...(applies ? { budget } : {}),
      ...(step !== undefined ? { note: step } : {}),
    };
  }));
}
