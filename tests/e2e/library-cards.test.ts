/**
 * End to end, by hand: getting from the library to an article and back. A whole article
 * card is one control — a click anywhere on it opens the article, and it is one stop of
 * the Tab key that Enter opens, named after the article — and "Marginalia" in the top bar
 * leads back to the library, by mouse and by keyboard. Scrolling an article to its end
 * with the mouse wheel shows 100% on its card. The welcome box of first use never covers
 * a card. Screenshots: tests/e2e/screenshots/library-cards-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { loadBundledArticles } from './reader-support.ts';

const articles = loadBundledArticles();
const FIRST = articles[0]!;
const SECOND = articles[1]!;

/** Chromium, the served renderer and a fresh 1280×800 page per test. */
const app = useAppPage({ viewport: { width: 1280, height: 800 } });

interface Box { x: number; y: number; width: number; height: number }

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxOf(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error('element is not rendered');
  return found;
}

async function openLibrary(page: Page): Promise<void> {
  await page.goto(app.url);
  await page.locator('.library__list').waitFor();
}

function card(page: Page, id: string): Locator {
  return page.locator(`.library-card[data-document-id="${id}"]`);
}

async function waitForReader(page: Page, id: string): Promise<void> {
  await page.locator(`.reader[data-document-id="${id}"] .reader-document`).waitFor();
}

/** What has keyboard focus, as a person would describe it: its role-ish tag and text. */
async function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element === null ? '' : `${element.tagName.toLowerCase()}:${element.getAttribute('aria-label') ?? element.textContent?.trim() ?? ''}`;
  });
}

/** Presses Tab until `target` has focus (a person tabbing through the page); fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 20): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached the target; focus is on ${await focusedDescription(page)}`);
}

describe('article cards', () => {
  it('open their article from a click anywhere on the card, not only the title', async () => {
    const { page } = app;
    await openLibrary(page);
    const box = await boxOf(card(page, FIRST.meta.id));
    // Bottom-right corner, well away from the title: the card's empty space beside the progress bar.
    await page.mouse.click(box.x + box.width - 12, box.y + box.height - 10);
    await waitForReader(page, FIRST.meta.id);
    await openLibrary(page);
    // On the author's line.
    await card(page, SECOND.meta.id).locator('.library-card__author').click();
    await waitForReader(page, SECOND.meta.id);
  });

  it('are one Tab stop each, named after the article, and Enter opens it', async () => {
    const { page } = app;
    await openLibrary(page);
    const control = page.getByRole('main').getByRole('link', { name: SECOND.meta.title });
    await expect(control.count()).resolves.toBe(1);
    // The control is the card itself: it spans the whole card.
    const controlBox = await boxOf(control);
    const cardBox = await boxOf(card(page, SECOND.meta.id));
    expect(controlBox.height).toBeGreaterThanOrEqual(cardBox.height - 2);
    expect(controlBox.width).toBeGreaterThanOrEqual(cardBox.width - 2);
    // Tabbing from the first card reaches the second with the next press: one stop per card.
    await tabTo(page, page.getByRole('main').getByRole('link', { name: FIRST.meta.title }));
    await page.keyboard.press('Tab');
    await expect(control.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await saveScreenshot(page, 'library-cards-focus');
    await page.keyboard.press('Enter');
    await waitForReader(page, SECOND.meta.id);
  });
});

describe('"Marginalia" in the top bar', () => {
  it('leads home to the library from the reader with a click', async () => {
    const { page } = app;
    await openLibrary(page);
    await card(page, FIRST.meta.id).locator('.library-card__publisher').click();
    await waitForReader(page, FIRST.meta.id);
    await page.locator('.top-bar').getByText('Marginalia', { exact: true }).click();
    await page.locator('.library__list').waitFor();
    expect(page.url()).toMatch(/#\/$/);
  });

  it('leads home to the library from the reader with the keyboard', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/read/${FIRST.meta.id}`);
    await waitForReader(page, FIRST.meta.id);
    const home = page.getByRole('link', { name: 'Marginalia' });
    await tabTo(page, home);
    await page.keyboard.press('Enter');
    await page.locator('.library__list').waitFor();
    expect(page.url()).toMatch(/#\/$/);
  });
});

describe('reading progress', () => {
  it('reaches 100% once the article has been scrolled to its end with the mouse wheel', async () => {
    const { page } = app;
    await openLibrary(page);
    await expect(card(page, FIRST.meta.id).getByTestId('progress-value').textContent()).resolves.toBe('0%');
    await card(page, FIRST.meta.id).getByText(FIRST.meta.title, { exact: true }).click();
    await waitForReader(page, FIRST.meta.id);
    const scroller = page.getByTestId('reader-scroll');
    const box = await boxOf(scroller);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const left = () => scroller.evaluate((element) => element.scrollHeight - element.clientHeight - element.scrollTop);
    // Read down to about one screen before the end, at a reader's pace...
    for (let turns = 0; turns < 400 && (await left()) > 600; turns += 1) await page.mouse.wheel(0, 400);
    // ...then one last turn of the wheel to the end and straight back to the library with
    // Ctrl+L, as a person who has finished reading does: no pause before leaving.
    await page.mouse.wheel(0, 2000);
    // The wheel does not wait for the scroll: watch for it (a read), then leave at once.
    for (let reads = 0; reads < 1000 && (await left()) > 1; reads += 1);
    expect(await left()).toBeLessThanOrEqual(1);
    await page.keyboard.press('Control+l');
    await page.locator('.library__list').waitFor();
    await expect(card(page, FIRST.meta.id).getByTestId('progress-value').textContent()).resolves.toBe('100%');
    await expect(card(page, SECOND.meta.id).getByTestId('progress-value').textContent()).resolves.toBe('0%');
  });
});

describe('the welcome box of first use', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1440, height: 900 }]) {
    it(`covers no card at ${viewport.width}×${viewport.height}, at the top and scrolled to the bottom`, async () => {
      const { page } = app;
      await page.setViewportSize(viewport);
      await openLibrary(page);
      const welcome = page.locator('.first-run__card');
      await welcome.waitFor();
      const cards = page.locator('.library-card');
      await expect(cards.count()).resolves.toBe(articles.length);
      const check = async (): Promise<string[]> => {
        const shown = await boxOf(welcome);
        const covered: string[] = [];
        for (let index = 0; index < articles.length; index += 1) {
          if (overlaps(shown, await boxOf(cards.nth(index)))) covered.push(articles[index]!.meta.id);
        }
        return covered;
      };
      expect(await check()).toEqual([]);
      await saveScreenshot(page, `library-cards-welcome-${viewport.width}`);
      const list = await boxOf(page.locator('.library'));
      await page.mouse.move(list.x + 40, list.y + list.height / 2);
      await page.mouse.wheel(0, 3000);
      await expect.poll(() => page.locator('.library').evaluate((element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 1)).toBe(true);
      expect(await check()).toEqual([]);
    });
  }
});
