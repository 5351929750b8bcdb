/**
 * Reader benchmarks in Chromium (playwright-core, the built renderer on 127.0.0.1), with
 * the 10k reference project merged into the app through its own "Merge project file…" button:
 * - input → painted for creating a highlight (select text, press 1) and for toggling a tag
 *   on the focused highlight (press 2): measured in the page from the keydown (a capturing
 *   listener registered before the app's) to the next animation frame after the change;
 * - opening an article carrying ~2,000 highlights vs the same article in an empty project:
 *   from setting the route to the first frame after the article's highlights are painted
 *   (ratio, budget ≤ 1.5×) — the plugin paints every highlight's segments in the same view
 *   update, so the first `mark.hl` means all of them are in the DOM; both articles are opened
 *   alternately in the same run, and the ratio is of the two medians;
 * - local load, IndexedDB → model ready: the app's own User Timing marks
 *   (`marginalia:session-open` → `marginalia:project-loaded`) after a reload.
 * Needs `npm run build` first (out/renderer).
 */
import type { Page } from 'playwright-core';
import { launchChromium, serveRenderer } from '../tests/helpers/browser.ts';
import { encodeProjectFile } from '../shared/model/project-file.ts';
import type { BenchSuite, Metric } from './harness.ts';
import { bundledSampleArticles } from './model.bench.ts';
import { generateSampleProject } from './sample-project.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const OTHER = 'azerbaijan-back-to-normalcy';
const MEMBER = JSON.stringify({ id: 'benchmarkmemberAAAAAAA', name: 'Bench', colour: '#30638e' });

async function ready(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/read/${OTHER}`);
  await page.locator('.project-menu').waitFor();
}

/** Time (ms) from setting the route to `id` until the first frame after its reader (and highlights, if any) are in place. */
async function openTime(page: Page, id: string, expectHighlights: boolean): Promise<number> {
  return page.evaluate(({ id, expectHighlights }) => new Promise<number>((resolve) => {
    const start = performance.now();
    window.location.hash = `#/read/${id}`;
    const check = (): void => {
      const reader = document.querySelector(`.reader[data-document-id="${id}"] .reader-document`);
      if (reader && (!expectHighlights || reader.querySelector('mark.hl'))) requestAnimationFrame(() => resolve(performance.now() - start));
      else requestAnimationFrame(check);
    };
    check();
  }), { id, expectHighlights });
}

/** Arms a one-shot measurement: keydown (capture) → the next frame after the DOM under the reader changed. */
async function armKeyTiming(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keyTiming?: Promise<number> };
    w.__keyTiming = new Promise<number>((resolve) => {
      window.addEventListener('keydown', () => {
        const start = performance.now();
        const root = document.querySelector('.reader-document') as Element;
        const observer = new MutationObserver(() => {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(root, { subtree: true, childList: true, attributes: true });
      }, { capture: true, once: true });
    });
  });
}

async function selectWords(page: Page, index: number): Promise<void> {
  await page.evaluate((n) => {
    const paragraphs = [...document.querySelectorAll('.reader-document p')];
    const paragraph = paragraphs[(n * 7) % paragraphs.length] as HTMLElement;
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode() as Text;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, Math.min(node.length, 12));
    const selection = getSelection() as Selection;
    selection.removeAllRanges();
    selection.addRange(range);
  }, index);
  await page.waitForFunction(() => document.querySelector('[data-testid="selection-toolbar"]') !== null);
}

/** The reader suite. */
export const suite: BenchSuite = {
  name: 'reader',
  async run(): Promise<Metric[]> {
    const { doc } = generateSampleProject(bundledSampleArticles(), { seed: 1 });
    const file = Buffer.from(encodeProjectFile(doc));
    const browser = await launchChromium();
    const server = await serveRenderer();
    try {
      const empty = await browser.newContext();
      const emptyPage = await empty.newPage();
      await emptyPage.addInitScript((member) => localStorage.setItem('marginalia.member.v1', member), MEMBER);
      await ready(emptyPage, server.url);

      const full = await browser.newContext();
      const page = await full.newPage();
      await page.addInitScript((member) => localStorage.setItem('marginalia.member.v1', member), MEMBER);
      await ready(page, server.url);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Merge project file…' }).click()]);
      await chooser.setFiles({ name: 'sample.marginalia', mimeType: 'application/octet-stream', buffer: file });
      await page.getByTestId('notice').waitFor();
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));

      const load: number[] = [];
      for (let run = 0; run < 5; run += 1) {
        await page.reload();
        await page.locator('.project-menu').waitFor();
        load.push(await page.evaluate(() => performance.measure('load', 'marginalia:session-open', 'marginalia:project-loaded').duration));
      }

      const withHighlights: number[] = [];
      const without: number[] = [];
      for (let run = 0; run < 11; run += 1) {
        await openTime(page, OTHER, true);
        withHighlights.push(await openTime(page, ARTICLE, true));
        await openTime(emptyPage, OTHER, false);
        without.push(await openTime(emptyPage, ARTICLE, false));
      }

      const create: number[] = [];
      const toggle: number[] = [];
      for (let run = 0; run < 30; run += 1) {
        await selectWords(page, run);
        await armKeyTiming(page);
        await page.keyboard.press('1');
        create.push(await page.evaluate(() => (window as unknown as { __keyTiming: Promise<number> }).__keyTiming));
        await armKeyTiming(page);
        await page.keyboard.press('2');
        toggle.push(await page.evaluate(() => (window as unknown as { __keyTiming: Promise<number> }).__keyTiming));
      }
      await empty.close();
      await full.close();
      return [
        { name: 'create highlight, input → painted (10k)', unit: 'ms', samples: create, budget: { statistic: 'p95', max: 16, text: 'p95 ≤ 16 ms' } },
        { name: 'apply tag, input → painted (10k)', unit: 'ms', samples: toggle, budget: { statistic: 'p95', max: 16, text: 'p95 ≤ 16 ms' } },
        { name: 'open article, no highlights', unit: 'ms', samples: without },
        { name: 'open article, ~2,000 highlights', unit: 'ms', samples: withHighlights, baseline: 'open article, no highlights', budget: { statistic: 'ratio', max: 1.5, text: '≤ 1.5×' } },
        { name: 'local load 10k (IndexedDB → model)', unit: 'ms', samples: load, budget: { statistic: 'median', max: 300, text: '≤ 300 ms' } },
      ];
    } finally {
      await server.close();
      await browser.close();
    }
  },
};
