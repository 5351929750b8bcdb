/**
 * Waits for what the page itself does, instead of for a fixed time: a check that something
 * did NOT happen is only meaningful once the event that would have carried it has passed.
 * - `docUpdateCount`: how many updates the project's doc has applied (the test hook, read
 *   only). The app's key handlers change the doc inside the key press, so comparing the
 *   count before and after a press tells whether the press changed anything;
 * - `flushProject`: resolves once IndexedDB holds every update the page has made (before a
 *   reload that must find them);
 * - `afterFrames`: resolves after the page has rendered `count` frames, each followed by a
 *   task — the margin and the status bar follow a change one frame later (margin-hooks.ts).
 */
import type { Page } from 'playwright-core';
import type { HookWindow } from './sync-support.ts';

/** How many updates the page's project doc has applied since the page loaded. */
export function docUpdateCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as HookWindow).__marginaliaTest.docUpdates());
}

/** Waits until the page's project is written to IndexedDB. */
export function flushProject(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as HookWindow).__marginaliaTest.flush());
}

/** Waits for `count` rendered frames, each followed by one task. */
export function afterFrames(page: Page, count = 2): Promise<void> {
  return page.evaluate(async (frames) => {
    for (let frame = 0; frame < frames; frame += 1) {
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    }
  }, count);
}
