/**
 * The cost curve of the `interaction` suite: the sample project at 1k, 10k, 50k and 100k
 * highlights (1k and 10k with MARGINALIA_BENCH_QUICK=1), each opened through the switcher
 * as a project of its own in a fresh profile and its store compacted (stored-state.ts), then: local load (the app's User Timing marks
 * `marginalia:session-open` → `marginalia:project-loaded` after a reload), the JS heap after
 * full garbage collections asked for through the DevTools protocol, the dense article opened from
 * its card (input → visible highlights painted), the Annotations panel opened (click → its
 * count on screen), a keystroke in its filter (INP-style), and a CSV export through the
 * export dialog (click → the download). The sample spreads its highlights over the five
 * articles, so the dense article itself carries a fifth of the corpus at every size.
 */
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { judgeCurveStep, type CurveExpectation } from './interaction-metrics.ts';
import { settle } from './interaction-probe.ts';
import { freshPage, openThroughUi, type ProjectFile } from './interaction-file.ts';
import { ANNOTATIONS_LISTED, ARTICLE, OTHER, clickCard, keystrokeWindows, measure, openFromLibrary, painted, toLibrary, type Measured } from './interaction-steps.ts';
import { median } from './harness.ts';
import { storeCompacted } from './stored-state.ts';

/** The figures at one corpus size. */
export interface CurvePoint {
  readonly size: number;
  readonly fileBytes: number;
  readonly open: Measured;
  readonly load: number[];
  readonly heapBytes: number[];
  readonly article: number[];
  readonly panel: number[];
  readonly filter: number[];
  readonly exportCsv: number[];
}

/**
 * The page's JS heap (`performance.memory.usedJSHeapSize`, which counts array buffers too)
 * after two full collections asked for through the DevTools protocol
 * (`HeapProfiler.collectGarbage`). Not the page's own `gc()`: called from script, that one
 * runs with the script's stack, and at 50k it left ~64 MB more than the protocol's
 * collection (array buffers among it: 37 MB of backing stores) and, in some runs, whole
 * pages from before the reloads (2–3 documents where one was live, ~100 MB each: the
 * "superlinear" 50k heaps of earlier runs; a heap snapshot, which collects the same way
 * first, held one).
 */
async function heapAfterGc(page: Page): Promise<number> {
  await settle(page);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
  } finally {
    await cdp.detach();
  }
  return page.evaluate(() => {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    if (memory === undefined) throw new Error('Chromium needs --enable-precise-memory-info for the heap figure');
    return memory.usedJSHeapSize;
  });
}

async function exportCsv(page: Page): Promise<number> {
  const dialog = page.locator('dialog[data-testid="export-dialog"][open]');
  await page.locator('.project-menu').getByRole('button', { name: 'Export…' }).click();
  await dialog.getByRole('radio', { name: /^CSV/ }).check();
  const button = dialog.getByRole('button', { name: 'Export CSV…' });
  await settle(page);
  const start = performance.now();
  await Promise.all([page.waitForEvent('download'), button.click()]);
  const ms = performance.now() - start;
  await dialog.waitFor({ state: 'detached' });
  await settle(page);
  return ms;
}

/** Measures one corpus size in a fresh profile. */
export async function curvePoint(browser: Browser, url: string, file: ProjectFile & { size: number }, runs: number): Promise<CurvePoint> {
  const page = await freshPage(browser, url);
  try {
    const open = await openThroughUi(page, file);
    await storeCompacted(page);
    const load: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await page.reload();
      await page.locator('.library-card').first().waitFor();
      // The library shows before the project has loaded: wait for the load's own mark.
      await page.waitForFunction(() => performance.getEntriesByName('marginalia:project-loaded').length > 0);
      load.push(await page.evaluate(() => performance.measure('bench-load', 'marginalia:session-open', 'marginalia:project-loaded').duration));
      await settle(page);
    }
    await storeCompacted(page);
    const heapBytes = [await heapAfterGc(page), await heapAfterGc(page)];
    const article: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const id = run % 2 === 0 ? ARTICLE : OTHER;
      article.push((await measure(page, [{ act: () => clickCard(page, id), done: painted(id, true) }])).ms);
      await toLibrary(page);
    }
    await openFromLibrary(page, ARTICLE, true);
    const menu = page.locator('.project-menu');
    const panel: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      panel.push((await measure(page, [
        { act: () => menu.getByRole('button', { name: 'Annotations', exact: true }).click(), done: { present: ANNOTATIONS_LISTED } },
      ])).ms);
      await page.getByRole('button', { name: 'Close panel' }).click();
      await page.locator('.panel-drawer').waitFor({ state: 'detached' });
      await settle(page);
    }
    await menu.getByRole('button', { name: 'Annotations', exact: true }).click();
    await page.getByTestId('filter-text').click();
    const filter = (await keystrokeWindows(page, '[data-testid="filter-text"]', 'policy')).map((sample) => sample.inp);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.getByRole('button', { name: 'Close panel' }).click();
    await page.locator('.panel-drawer').waitFor({ state: 'detached' });
    const exported: number[] = [];
    for (let run = 0; run < Math.min(runs, 3); run += 1) exported.push(await exportCsv(page));
    return { size: file.size, fileBytes: file.bytes.length, open, load, heapBytes, article, panel, filter, exportCsv: exported };
  } finally {
    await page.context().close();
  }
}

/** The curve's columns: heading, how the figure is read from a point, and how it may grow. */
export const CURVE_COLUMNS: readonly { title: string; unit: string; value: (point: CurvePoint) => number; expect: CurveExpectation }[] = [
  { title: 'file', unit: 'MB', value: (point) => point.fileBytes / 1e6, expect: 'linear' },
  { title: 'local load', unit: 'ms', value: (point) => median(point.load), expect: 'linear' },
  { title: 'heap after GC', unit: 'MB', value: (point) => median(point.heapBytes) / 1e6, expect: 'linear' },
  { title: 'open dense article', unit: 'ms', value: (point) => median(point.article), expect: 'flat' },
  { title: 'Annotations panel open', unit: 'ms', value: (point) => median(point.panel), expect: 'flat' },
  { title: 'filter keystroke (INP)', unit: 'ms', value: (point) => median(point.filter), expect: 'flat' },
  { title: 'export CSV', unit: 'ms', value: (point) => median(point.exportCsv), expect: 'linear' },
];

const label = (size: number): string => (size >= 1000 ? `${size / 1000}k` : String(size));

/** The verdict of each column for each step between sizes (e.g. "10k→50k 4.8× ok"). */
export function curveVerdicts(points: readonly CurvePoint[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const column of CURVE_COLUMNS) {
    const steps: string[] = [];
    for (let index = 1; index < points.length; index += 1) {
      const from = points[index - 1] as CurvePoint;
      const to = points[index] as CurvePoint;
      const step = judgeCurveStep(column.expect, from.size, to.size, column.value(from), column.value(to));
      steps.push(`${label(from.size)}→${label(to.size)} ${Number.isNaN(step.ratio) ? '—' : `${step.ratio.toFixed(2)}×`} ${step.verdict}`);
    }
    out.set(column.title, steps);
  }
  return out;
}

/** The curve as a plain-text table: one row per figure, one column per size, then the steps' ratios and verdicts. */
export function formatCurve(points: readonly CurvePoint[]): string {
  const verdicts = curveVerdicts(points);
  const header = ['figure', ...points.map((point) => `${label(point.size)} highlights`), 'steps (ratio, verdict)'];
  const lines = CURVE_COLUMNS.map((column) => [
    `${column.title} (${column.unit})`,
    ...points.map((point) => column.value(point).toFixed(column.unit === 'MB' ? 1 : 0)),
    (verdicts.get(column.title) ?? []).join('; '),
  ]);
  const widths = header.map((title, index) => Math.max(title.length, ...lines.map((line) => (line[index] ?? '').length)));
  const render = (cells: string[]): string => cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ').trimEnd();
  return [render(header), ...lines.map(render)].join('\n');
}
