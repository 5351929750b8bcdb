/**
 * Opening a long added document (docs/architecture.md §8: an article carrying 2,000
 * highlights is painted ≤ 1.5× the time of opening it with none), in Chromium
 * (playwright-core, the test build on 127.0.0.1).
 *
 * The workload (added-document.ts): a 300-page document converted from Markdown, in two
 * project files — with ~2,000 highlights over it under a few codes, and with none. Each
 * is merged through the app's own "Merge project file…" button in a fresh browser
 * context, which stores the text the file carries in the local text store. Then the
 * document is opened from its library card with a real click,
 * alternately in the two pages, each time timed from the click (a capturing listener
 * registered before the app's) to the first frame after the reader shows it: with its
 * first `mark.hl` in place for the dense project ("visible highlights painted", as the
 * reader suite measures; the plugin paints what is on screen before the first frame that
 * shows the text), and after `data-highlights="painted"` for both ("all painted"). A bundled
 * article opened the same way in the empty page puts the document's size in proportion.
 * Observed with a MutationObserver, no polling. Quick mode (MARGINALIA_BENCH_QUICK=1)
 * takes 3 samples of each instead of 11.
 */
import type { Page } from 'playwright-core';
import { launchChromium, serveRenderer, type LaunchedBrowser } from '../tests/helpers/browser.ts';
import { generateAddedDocumentWorkload } from './added-document.ts';
import type { BenchSuite, Metric } from './harness.ts';

const RUNS = process.env.MARGINALIA_BENCH_QUICK === '1' ? 3 : 11;
const BUNDLED = 'russia-azerbaijan-disputes';
const START = 'azerbaijan-back-to-normalcy';
const MEMBER = JSON.stringify({ id: 'benchmarkmemberAAAAAAA', name: 'Bench', colour: '#30638e' });

/** Open times (ms) from the click on a card. */
interface OpenTimes {
  /** To the first frame after the reader and (when expected) its first highlight are in place. */
  visible: number;
  /** To the first frame after every highlight is painted. */
  all: number;
}

/** A fresh context and page with `file` (and the text it carries) merged through the app's "Merge project file…" button. */
async function pageWithMerged(browser: LaunchedBrowser, url: string, file: Uint8Array, id: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((member) => localStorage.setItem('marginalia.member.v1', member), MEMBER);
  await page.goto(`${url}#/read/${START}`);
  await page.locator('.project-menu').waitFor();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Merge project file…' }).click()]);
  await chooser.setFiles({ name: 'long-report.marginalia', mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
  const question = page.locator('dialog[data-testid="file-question"][open]');
  const notice = page.getByTestId('notice');
  await question.or(notice).first().waitFor({ timeout: 120_000 });
  if (await question.isVisible()) await question.getByRole('button', { name: 'Merge', exact: true }).click();
  await notice.waitFor({ timeout: 120_000 });
  await page.evaluate(() => void (window.location.hash = '#/'));
  await page.locator(`.library-card[data-document-id="${id}"] a.library-card__link`).waitFor({ timeout: 120_000 });
  return page;
}

/** Goes to the library, clicks the card of `id` and times the frames after its reader and highlights are in place. */
async function openFromCard(page: Page, id: string, expectHighlights: boolean): Promise<OpenTimes> {
  await page.evaluate(() => void (window.location.hash = '#/'));
  const link = page.locator(`.library-card[data-document-id="${id}"] a.library-card__link`);
  await link.waitFor({ timeout: 60_000 });
  await link.scrollIntoViewIfNeeded();
  await page.evaluate(({ id, expectHighlights }) => void ((window as unknown as { __openTiming?: Promise<OpenTimes> }).__openTiming = new Promise<OpenTimes>((resolve) => {
    const times = { visible: -1, all: -1 };
    let start = -1;
    const afterFrame = (key: 'visible' | 'all'): void => {
      times[key] = 0;
      requestAnimationFrame(() => {
        times[key] = performance.now() - start;
        if (times.visible > 0 && times.all > 0) resolve(times);
      });
    };
    const check = (): void => {
      const reader = document.querySelector(`.reader[data-document-id="${id}"] .reader-document`);
      if (start < 0 || reader === null) return;
      if (times.visible < 0 && (!expectHighlights || reader.querySelector('mark.hl') !== null)) afterFrame('visible');
      if (times.all < 0 && reader.getAttribute('data-highlights') === 'painted' && times.visible >= 0) afterFrame('all');
      if (times.visible >= 0 && times.all >= 0) observer.disconnect();
    };
    const observer = new MutationObserver(check);
    window.addEventListener('click', () => {
      start = performance.now();
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-highlights'] });
    }, { capture: true, once: true });
  })), { id, expectHighlights });
  await link.click();
  return page.evaluate(() => (window as unknown as { __openTiming: Promise<OpenTimes> }).__openTiming);
}

/** The added-document suite. */
export const suite: BenchSuite = {
  name: 'added',
  async run(): Promise<Metric[]> {
    const workload = await generateAddedDocumentWorkload();
    const id = workload.converted.id;
    const browser = await launchChromium();
    const root = process.env.MARGINALIA_BENCH_RENDERER;
    const server = await serveRenderer(root ? { root } : {});
    try {
      const dense = await pageWithMerged(browser, server.url, workload.dense, id);
      const empty = await pageWithMerged(browser, server.url, workload.empty, id);
      const first = await openFromCard(dense, id, true);
      await openFromCard(empty, id, false);
      await openFromCard(empty, BUNDLED, false);
      const visible: number[] = [];
      const all: number[] = [];
      const without: number[] = [];
      const bundled: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const times = await openFromCard(dense, id, true);
        visible.push(times.visible);
        all.push(times.all);
        without.push((await openFromCard(empty, id, false)).all);
        bundled.push((await openFromCard(empty, BUNDLED, false)).all);
      }
      const size = `${Math.round(workload.converted.article.text.length / 1000)}k characters`;
      return [
        { name: 'open bundled article from its card, no highlights', unit: 'ms', samples: bundled },
        { name: 'open 300-page added document, no highlights', unit: 'ms', samples: without, baseline: 'open bundled article from its card, no highlights', note: `the added document: ${size}, from a merged project file (v2)` },
        { name: 'open 300-page added document, 2,000 highlights: visible painted', unit: 'ms', samples: visible, baseline: 'open 300-page added document, no highlights', budget: { statistic: 'ratio', max: 1.5, text: '≤ 1.5×' } },
        { name: 'open 300-page added document, 2,000 highlights: all painted', unit: 'ms', samples: all, baseline: 'open 300-page added document, no highlights' },
        { name: 'first open of the added document, 2,000 highlights (visible / all)', unit: 'ms', samples: [first.visible], note: `one sample: visible ${first.visible.toFixed(0)} ms, all ${first.all.toFixed(0)} ms (placements not yet cached)` },
      ];
    } finally {
      await server.close();
      await browser.close();
    }
  },
};
