/**
 * Heap per highlight of a loaded project doc in Chromium, the engine of Electron's
 * renderer, where the app keeps its doc (docs/architecture.md §8).
 *
 * Why in Chromium and not only in Node: Chromium's V8 — and Electron's, since Electron 14 —
 * compresses pointers (a reference is 4 bytes on the heap, not 8), while Node's V8 does
 * not. A Yjs doc is mostly references (items, their IDs, maps, arrays), so the same doc takes
 * about half the bytes in the app that it takes in Node; the Node rows of the suite stay
 * beside these for comparison.
 *
 * How: the reader and Yjs are bundled with esbuild (bench/model-heap-page.ts) into a blank
 * page of the system Chromium; each sample is a new page that receives the update, is
 * collected twice through the DevTools protocol (`HeapProfiler.collectGarbage`), reads the
 * used heap (`Runtime.getHeapUsage`), loads one doc, is collected again and reads the heap
 * again. The code the load compiles counts too (the first load in a page, as in the app),
 * so the figure is an upper bound.
 */
import { launchChromium } from '../tests/helpers/browser.ts';
import type { HeapPage } from './model-heap-page.ts';
import { pageScript } from './page-script.ts';

/** One project to measure: its update and how many highlights it holds. */
export interface HeapProject {
  readonly update: Uint8Array;
  readonly highlights: number;
}

/** Bytes per highlight, one sample per new page, for each project and reader asked. */
export async function chromiumHeapPerHighlight(projects: readonly { readonly project: HeapProject; readonly reader: 'app' | 'yjs' }[], samples: number): Promise<number[][]> {
  const script = await pageScript(new URL('model-heap-page.ts', import.meta.url));
  const launched = await launchChromium();
  try {
    const results: number[][] = [];
    for (const { project, reader } of projects) {
      const base64 = Buffer.from(project.update).toString('base64');
      const perHighlight: number[] = [];
      for (let sample = 0; sample < samples; sample += 1) {
        const page = await launched.browser.newPage();
        await page.goto('about:blank');
        await page.addScriptTag({ content: script });
        await page.evaluate((text) => (window as unknown as { heapPage: HeapPage }).heapPage.receive(text), base64);
        const cdp = await page.context().newCDPSession(page);
        const usedAfterCollections = async (): Promise<number> => {
          await cdp.send('HeapProfiler.collectGarbage');
          await cdp.send('HeapProfiler.collectGarbage');
          return (await cdp.send('Runtime.getHeapUsage')).usedSize;
        };
        const before = await usedAfterCollections();
        const clients = await page.evaluate((which) => (window as unknown as { heapPage: HeapPage }).heapPage.load(which), reader);
        if (clients === 0) throw new Error('the page loaded an empty doc');
        perHighlight.push((await usedAfterCollections() - before) / project.highlights);
        await page.close();
      }
      results.push(perHighlight);
    }
    return results;
  } finally {
    await launched.close();
  }
}
