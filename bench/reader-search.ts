/**
 * The corpus search keystroke in Chromium (docs/architecture.md §8: p95 ≤ 50 ms): with the
 * Analysis panel's Search field focused (opened with Control+Shift+F, as a person does),
 * each character of a phrase is typed with real key presses and timed in the page from the
 * keydown (a capturing listener registered before the app's) to the first frame after the
 * results for the whole typed text are on screen — the view publishes the query it shows
 * as `data-query`, so the wait ends when that equals the field's value.
 */
import type { Page } from 'playwright-core';

/** What is typed, one key at a time. */
const PHRASE = 'azerbaijan foreign policy';

/** Arms one measurement; resolves to NaN if the results never caught up within 2 s. */
async function armSearchTiming(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __searchTiming?: Promise<number> };
    w.__searchTiming = new Promise<number>((resolve) => {
      window.addEventListener('keydown', () => {
        const start = performance.now();
        const view = document.querySelector('.corpus-search') as HTMLElement;
        const field = document.getElementById('corpus-search-field') as HTMLInputElement;
        const timeout = window.setTimeout(() => {
          observer.disconnect();
          resolve(Number.NaN);
        }, 2000);
        const check = (): void => {
          if (view.dataset.query !== field.value) return;
          observer.disconnect();
          window.clearTimeout(timeout);
          requestAnimationFrame(() => resolve(performance.now() - start));
        };
        const observer = new MutationObserver(check);
        observer.observe(view, { attributes: true, attributeFilter: ['data-query'] });
      }, { capture: true, once: true });
    });
  });
}

/** Types the phrase `rounds` times into the Search field; returns each keystroke's time (ms). */
export async function searchKeystrokes(page: Page, rounds: number): Promise<number[]> {
  await page.keyboard.press('Control+Shift+F');
  await page.waitForFunction(() => document.activeElement?.id === 'corpus-search-field');
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => (document.querySelector('.corpus-search') as HTMLElement | null)?.dataset.query === '');
    for (const character of PHRASE) {
      await armSearchTiming(page);
      await page.keyboard.press(character === ' ' ? 'Space' : character);
      const ms = await page.evaluate(() => (window as unknown as { __searchTiming: Promise<number> }).__searchTiming);
      if (Number.isNaN(ms)) throw new Error(`the search results did not follow the key "${character}" within 2 s`);
      samples.push(ms);
    }
  }
  return samples;
}
