/**
 * Reader benchmarks in Chromium (playwright-core, the built renderer on 127.0.0.1), with
 * the 10k reference project merged into the app through its own "Merge project file…" button:
 * - input → painted for creating a highlight (select text, press 1) and for toggling a tag
 *   on the focused highlight (press 2): measured in the page from the keydown (a capturing
 *   listener registered before the app's) to the next animation frame after the change.
 *   That figure includes the wait for the display's next frame (0–16.7 ms, depending on
 *   when the key arrives), so its p95 cannot be ≤ 16 ms unless the work takes no time.
 *   The frame-aligned figures take the phase out: the key event is dispatched at the start
 *   of a frame (in a rAF callback, as a synthetic keydown on the focused element, handled
 *   by the same window listener) and timed to the first task after that frame's rendering
 *   (style, layout, paint) — the main-thread time the input → paint frame needs (plus any
 *   task the app posted before ours, so it errs high). ≤ 16 ms means the change is painted
 *   in the first frame after the input, the budget's "one frame";
 * - opening an article carrying ~2,000 highlights vs the same article in an empty project,
 *   from setting the route (ratio of medians, budget ≤ 1.5×; both opened alternately in the
 *   same run), measured twice:
 *   · "visible highlights painted": to the first frame after the first `mark.hl` appears. The
 *     plugin paints a dense article progressively (highlights-plugin.ts): everything on
 *     screen (and an eighth of a screen below) in one transaction in the task that opens the
 *     article, before the first frame that shows the text — so that frame, the one the reader
 *     sees, has all its highlights. This is the figure compared with the budget, because the
 *     budget is about what the reader waits for;
 *   · "all highlights painted": to the frame after `data-highlights="painted"` (the rest,
 *     painted in idle chunks) — reported so the total cost stays visible;
 *   Observed with a MutationObserver (no polling delay), identically for both projects;
 *   the first open of the session (anchoring not yet cached) is reported on its own;
 * - local load, IndexedDB → model ready: the app's own User Timing marks
 *   (`marginalia:session-open` → `marginalia:project-loaded`) after a reload of the page
 *   at rest (its highlights painted, its idle work done), once the merge's stored parts
 *   have been compacted (as the app does a second after a merge); and the same load in a
 *   new page each time (the app started anew, its code not yet optimised by the engine);
 * - the load's floor: the same stored updates read and applied by Yjs in a page running
 *   nothing else, in a new page and again in the same page with its code warm (load-floor.ts);
 * - a corpus search keystroke in the Analysis panel's Search field (reader-search.ts);
 * - opening the Annotations panel and a keystroke in its text filter (annotations-panel.ts).
 * Serves the test build (out/renderer-test, which run.ts builds first), or
 * MARGINALIA_BENCH_RENDERER=<dir> pointing at another build (e.g. a private one, since every
 * e2e run rebuilds out/renderer-test).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, serveRenderer } from '../tests/helpers/browser.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { median, type BenchSuite, type Metric } from './harness.ts';
import { bundledSampleArticles } from './model.bench.ts';
import { searchKeystrokes } from './reader-search.ts';
import { panelKeystrokes, panelOpens } from './annotations-panel.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { storeCompacted } from './stored-state.ts';
import { loadFloor } from './load-floor.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const OTHER = 'azerbaijan-back-to-normalcy';
const MEMBER = JSON.stringify({ id: 'benchmarkmemberAAAAAAA', name: 'Bench', colour: '#30638e' });

async function ready(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/read/${OTHER}`);
  await page.locator('.project-menu').waitFor();
}

/**
 * Waits until the page is done with what follows a load: the open article's highlights all
 * painted, then two idle periods in a row with the whole idle time free (the indexes built
 * in idle time are done). A person switching projects or restarting the app comes from a
 * page at rest; a reload the moment a load ends shares the two cores with the previous
 * page's remaining work and its teardown instead.
 */
async function atRest(page: Page): Promise<void> {
  await page.locator('.reader-document[data-highlights="painted"]').waitFor({ timeout: 60_000 });
  await page.evaluate(() => new Promise<void>((resolve) => {
    let free = 0;
    const look = (deadline: IdleDeadline): void => {
      free = deadline.timeRemaining() >= 40 ? free + 1 : 0;
      if (free >= 2) resolve();
      else requestIdleCallback(look);
    };
    requestIdleCallback(look);
  }));
}

/**
 * Local loads (ms) of the context's project in `count` new pages opened at `url`, one at a
 * time, each closed once loaded and at rest: a start of the app rather than a reload of a
 * page whose code the engine has already optimised.
 */
async function loadsInNewPages(context: BrowserContext, url: string, count: number): Promise<number[]> {
  const loads: number[] = [];
  for (let run = 0; run < count; run += 1) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('marginalia:project-loaded').length > 0);
    loads.push(await page.evaluate(() => performance.measure('load', 'marginalia:session-open', 'marginalia:project-loaded').duration));
    await atRest(page);
    await page.close();
  }
  return loads;
}

/** Open times (ms) of one article. */
interface OpenTimes {
  /** To the first frame after its reader and its first highlights (if expected) are in place. */
  visible: number;
  /** To the first frame after every highlight is painted (`data-highlights="painted"`). */
  all: number;
}

/** Sets the route to `id` and times the frames after its reader, its first highlights and all of them are in place. */
async function openTimes(page: Page, id: string, expectHighlights: boolean): Promise<OpenTimes> {
  return page.evaluate(({ id, expectHighlights }) => new Promise<OpenTimes>((resolve) => {
    const times = { visible: -1, all: -1 };
    const start = performance.now();
    const afterFrame = (key: 'visible' | 'all'): void => {
      times[key] = 0;
      requestAnimationFrame(() => {
        times[key] = performance.now() - start;
        if (times.visible > 0 && times.all > 0) resolve(times);
      });
    };
    const check = (): void => {
      const reader = document.querySelector(`.reader[data-document-id="${id}"] .reader-document`);
      if (reader === null) return;
      if (times.visible < 0 && (!expectHighlights || reader.querySelector('mark.hl') !== null)) afterFrame('visible');
      if (times.all < 0 && reader.getAttribute('data-highlights') === 'painted' && (!expectHighlights || times.visible >= 0)) afterFrame('all');
      if (times.visible >= 0 && times.all >= 0) observer.disconnect();
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-highlights'] });
    window.location.hash = `#/read/${id}`;
    check(); // already showing `id` (same route): no mutation will come
  }), { id, expectHighlights });
}

/**
 * Records the time of every keydown in a window listener registered by an init script,
 * so it runs before the app's own capturing key listener (which may change the DOM
 * synchronously: a listener added later would start its clock after the work).
 */
function recordKeyDowns(): void {
  window.addEventListener('keydown', () => {
    (window as unknown as { __lastKeyDown?: number }).__lastKeyDown = performance.now();
  }, { capture: true });
}

/** Arms a one-shot measurement: the next keydown → the next frame after the DOM under the reader changed. */
async function armKeyTiming(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keyTiming?: Promise<number>; __lastKeyDown?: number };
    const armed = performance.now();
    w.__keyTiming = new Promise<number>((resolve) => {
      const root = document.querySelector('.reader-document') as Element;
      const observer = new MutationObserver(() => {
        const keyDown = w.__lastKeyDown ?? -1;
        if (keyDown < armed) return; // not caused by the key yet
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - keyDown));
      });
      observer.observe(root, { subtree: true, childList: true, attributes: true });
    });
  });
}

/** The armed measurement's result; fails (instead of waiting forever) if the key changed nothing in the reader. */
async function keyTiming(page: Page, key: string): Promise<number> {
  const ms = await page.evaluate(() => Promise.race([
    (window as unknown as { __keyTiming: Promise<number> }).__keyTiming,
    new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 10_000)),
  ]));
  if (Number.isNaN(ms)) throw new Error(`'${key}' changed nothing in the reader within 10 s`);
  return ms;
}

/**
 * Dispatches `key` at the start of a frame and returns the ms until the first task after
 * that frame was rendered; throws if the key changed nothing under the reader.
 */
async function frameAlignedKey(page: Page, key: string): Promise<number> {
  const result = await page.evaluate((key) => new Promise<number>((resolve) => {
    requestAnimationFrame(() => {
      let mutations = 0;
      const observer = new MutationObserver((records) => void (mutations += records.length));
      observer.observe(document.querySelector('.reader-document') as Element, { subtree: true, childList: true, attributes: true });
      const channel = new MessageChannel();
      const start = performance.now();
      channel.port1.onmessage = () => {
        observer.disconnect();
        resolve(mutations > 0 ? performance.now() - start : Number.NaN);
      };
      (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      channel.port2.postMessage(null);
    });
  }), key);
  if (Number.isNaN(result)) throw new Error(`frame-aligned '${key}' changed nothing in the reader`);
  return result;
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
    // MARGINALIA_BENCH_RENDERER points at another build (e.g. a private one while e2e runs rebuild out/renderer-test).
    const root = process.env.MARGINALIA_BENCH_RENDERER;
    const server = await serveRenderer(root ? { root } : {});
    try {
      const empty = await browser.newContext();
      const emptyPage = await empty.newPage();
      await emptyPage.addInitScript((member) => localStorage.setItem('marginalia.member.v1', member), MEMBER);
      await ready(emptyPage, server.url);

      const full = await browser.newContext();
      const page = await full.newPage();
      await page.addInitScript((member) => localStorage.setItem('marginalia.member.v1', member), MEMBER);
      await page.addInitScript(recordKeyDowns);
      await ready(page, server.url);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Merge project file…' }).click()]);
      await chooser.setFiles({ name: 'sample.marginalia', mimeType: 'application/octet-stream', buffer: file });
      // The app first says what the file brings and asks; then the notice reports the merge.
      const question = page.locator('dialog[data-testid="file-question"][open]');
      const notice = page.getByTestId('notice');
      await question.or(notice).first().waitFor({ timeout: 120_000 });
      if (await question.isVisible()) await question.getByRole('button', { name: 'Merge', exact: true }).click();
      await notice.waitFor({ timeout: 120_000 });
      await storeCompacted(page);
      await atRest(page);

      const load: number[] = [];
      for (let run = 0; run < 5; run += 1) {
        await page.reload();
        await page.locator('.project-menu').waitFor();
        // The menu shows before the project has loaded: wait for the load's own mark.
        await page.waitForFunction(() => performance.getEntriesByName('marginalia:project-loaded').length > 0);
        load.push(await page.evaluate(() => performance.measure('load', 'marginalia:session-open', 'marginalia:project-loaded').duration));
        await atRest(page);
      }
      const openedAnew = await loadsInNewPages(full, `${server.url}#/read/${OTHER}`, 5);
      const floor = await loadFloor(full, server.url, 5);

      const firstOpen = await openTimes(page, ARTICLE, true);
      const withVisible: number[] = [];
      const withAll: number[] = [];
      const without: number[] = [];
      for (let run = 0; run < 11; run += 1) {
        await openTimes(page, OTHER, true);
        const times = await openTimes(page, ARTICLE, true);
        withVisible.push(times.visible);
        withAll.push(times.all);
        await openTimes(emptyPage, OTHER, false);
        without.push((await openTimes(emptyPage, ARTICLE, false)).all);
      }

      const create: number[] = [];
      const toggle: number[] = [];
      for (let run = 0; run < 30; run += 1) {
        await selectWords(page, run);
        await armKeyTiming(page);
        await page.keyboard.press('1');
        create.push(await keyTiming(page, '1'));
        await armKeyTiming(page);
        await page.keyboard.press('2');
        toggle.push(await keyTiming(page, '2'));
      }
      const alignedCreate: number[] = [];
      const alignedToggle: number[] = [];
      for (let run = 30; run < 60; run += 1) {
        await selectWords(page, run);
        alignedCreate.push(await frameAlignedKey(page, '1'));
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
        alignedToggle.push(await frameAlignedKey(page, '2'));
        await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
      }
      const search = await searchKeystrokes(page, 4);
      await page.keyboard.press('Escape');
      const opens = await panelOpens(page, 7);
      const filterKeys = await panelKeystrokes(page, 2);
      await empty.close();
      await full.close();
      return [
        { name: 'create highlight, input → painted (10k)', unit: 'ms', samples: create, budget: { statistic: 'p95', max: 16, text: 'p95 ≤ 16 ms' } },
        { name: 'apply tag, input → painted (10k)', unit: 'ms', samples: toggle, budget: { statistic: 'p95', max: 16, text: 'p95 ≤ 16 ms' } },
        { name: 'create highlight, frame-aligned input → painted', unit: 'ms', samples: alignedCreate, budget: { statistic: 'p95', max: 16, text: 'p95 ≤ 16 ms' } },
        { name: 'apply tag, frame-aligned input → painted', unit: 'ms', samples: alignedToggle, budget: { statistic: 'p95', max: 16, text: 'p95 ≤ 16 ms' } },
        { name: 'open article, no highlights', unit: 'ms', samples: without },
        { name: 'open article, ~2,000 highlights: visible painted', unit: 'ms', samples: withVisible, baseline: 'open article, no highlights', budget: { statistic: 'ratio', max: 1.5, text: '≤ 1.5×' } },
        { name: 'open article, ~2,000 highlights: all painted', unit: 'ms', samples: withAll, baseline: 'open article, no highlights' },
        {
          name: 'first open in session, ~2,000 highlights (visible / all)',
          unit: 'ms',
          samples: [firstOpen.visible],
          note: `one sample: visible ${firstOpen.visible.toFixed(0)} ms, all ${firstOpen.all.toFixed(0)} ms (first open after a reload: placements not yet cached)`,
        },
        { name: 'local load 10k (IndexedDB → model)', unit: 'ms', samples: load, budget: { statistic: 'median', max: 300, text: '≤ 300 ms' } },
        { name: 'local load 10k, the app opened anew (a new page)', unit: 'ms', samples: openedAnew, budget: { statistic: 'median', max: 300, text: '≤ 300 ms' }, note: 'each load in a page of its own, closed after it: the engine has not yet optimised the code, as when the app starts' },
        { name: 'load floor 10k: IndexedDB read + Yjs apply alone, a new page', unit: 'ms', samples: floor.cold.map((times) => times.read + times.apply), note: `the same stored updates in a page of the app's origin running nothing else, applied in one transaction (load-floor.ts): read ${median(floor.cold.map((times) => times.read)).toFixed(0)} ms, apply ${median(floor.cold.map((times) => times.apply)).toFixed(0)} ms (medians)` },
        { name: 'load floor 10k, the same page again (code warm)', unit: 'ms', samples: floor.warm.map((times) => times.read + times.apply), note: 'the second bare load in the same page: what the floor costs once the engine has optimised the code' },
        { name: 'Annotations panel open, click → rows painted (10k)', unit: 'ms', samples: opens.map((sample) => sample.ms), budget: { statistic: 'median', max: 100, text: '≤ 100 ms' } },
        { name: 'Annotations panel open: longest task', unit: 'ms', samples: opens.map((sample) => sample.longestTask), budget: { statistic: 'p95', max: 50, text: '≤ 50 ms' }, note: 'Long Tasks API; 0 = no task over 50 ms' },
        { name: 'Annotations filter keystroke, key → rows painted (10k)', unit: 'ms', samples: filterKeys.map((sample) => sample.ms), budget: { statistic: 'p95', max: 50, text: 'p95 ≤ 50 ms' }, note: 'each key of "energy security" typed twice into the text filter' },
        { name: 'Annotations filter keystroke: longest task', unit: 'ms', samples: filterKeys.map((sample) => sample.longestTask), budget: { statistic: 'p95', max: 50, text: '≤ 50 ms' }, note: 'Long Tasks API; 0 = no task over 50 ms' },
        { name: 'corpus search keystroke, key → results painted', unit: 'ms', samples: search, budget: { statistic: 'p95', max: 50, text: 'p95 ≤ 50 ms' }, note: 'Search tab (Control+Shift+F), each key of "azerbaijan foreign policy" typed 4 times, keydown to the frame after the results for the typed text are on screen' },
      ];
    } finally {
      await server.close();
      await browser.close();
    }
  },
};
