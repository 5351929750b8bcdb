/**
 * End to end: people type on ASCII keyboards. Find in the article and the Annotations
 * panel's text filter fold letters that Unicode does not decompose (ə, ı, ş, ß, æ …) the
 * same way (shared/text/fold.ts), so "nesriyyati" finds "Nəşriyyatı" and "azerbaycan"
 * finds "Azərbaycan". Everything is done as a person does it: a click on the library card,
 * a click in the text, Control+F, typed keys; the page is only read.
 * Screenshot: tests/e2e/screenshots/find-fold.png.
 */
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { loadBundledArticles, openArticle, textRect } from './reader-support.ts';
import { completeFirstRun, highlightPhrase, openPanel } from './annotate-support.ts';

const DOCUMENT_ID = 'azerbaijan-us-russia-dynamics';
const article = loadBundledArticles().find((candidate) => candidate.meta.id === DOCUMENT_ID);
if (article === undefined) throw new Error(`no bundled article ${DOCUMENT_ID}`);
const { text } = article;

/** Chromium, the served renderer and one page; no page may log an error in any test. */
const app = useAppPage();

/** The original substrings of the article matching `pattern` (independent ground truth). */
function originalMatches(pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[0]);
}

/** Texts of the find decorations on screen, in document order. */
async function shownMatches(): Promise<string[]> {
  return app.page.locator('.find-match').allTextContents();
}

/** Opens the article from its library card, clicks into its text and presses Control+F; returns the find field, once it has the focus. */
async function openFindBar() {
  await app.page.goto(app.url);
  await app.page.locator(`.library-card[data-document-id="${DOCUMENT_ID}"] .library-card__link`).click();
  await app.page.locator(`.reader[data-document-id="${DOCUMENT_ID}"] .reader-document`).waitFor();
  const caret = await textRect(app.page, 'multi-vector foreign policy');
  await app.page.mouse.click(caret.startX, caret.y);
  await app.page.keyboard.press('Control+f');
  const input = app.page.getByRole('searchbox', { name: 'Find in article' });
  await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
  return input;
}

describe('find folds letters typed on an ASCII keyboard', () => {
  it('finds "Nəşriyyatı" from "nesriyyati" and every "Azərbaycan" from "azerbaycan"', async () => {
    const input = await openFindBar();

    const publisher = originalMatches(/n[əe][şs]riyyat[ıi]/giu);
    expect(publisher).toEqual(['Nəşriyyatı']);
    await app.page.keyboard.type('nesriyyati');
    await expect.poll(() => app.page.getByTestId('find-count').textContent()).toBe('1 of 1');
    await expect(app.page.locator('.find-match-current').textContent()).resolves.toBe('Nəşriyyatı');
    await expect(shownMatches()).resolves.toEqual(publisher);
    await saveScreenshot(app.page, 'find-fold');

    const country = originalMatches(/az[əe]rbaycan/giu);
    expect(country).toEqual(['Azərbaycan', 'Azərbaycan', 'Azerbaycan', 'Azərbaycan']);
    await app.page.keyboard.press('Control+a');
    await app.page.keyboard.type('azerbaycan');
    await expect.poll(() => app.page.getByTestId('find-count').textContent()).toMatch(new RegExp(`^[1-${country.length}] of ${country.length}$`));
    await expect(shownMatches()).resolves.toEqual(country);
    const current = app.page.locator('.find-match-current');
    await expect(current.textContent()).resolves.toMatch(/^Az[əe]rbaycan$/u);

    // Stepping with Enter walks through the originals, ə and e spellings alike.
    const seen = new Set<string>();
    for (let step = 0; step < country.length; step += 1) {
      const before = await app.page.getByTestId('find-count').textContent();
      await app.page.keyboard.press('Enter');
      await expect.poll(() => app.page.getByTestId('find-count').textContent()).not.toBe(before);
      seen.add((await current.textContent()) ?? '');
    }
    expect([...seen].sort()).toEqual(['Azerbaycan', 'Azərbaycan']);
    await app.page.keyboard.press('Escape');
    await expect(app.page.locator('.find-bar').count()).resolves.toBe(0);
  });
});

describe('the Annotations panel filters text typed on an ASCII keyboard', () => {
  it('runs the query it shows again when the find bar is opened again after Escape', async () => {
    const input = await openFindBar();
    await app.page.keyboard.type('azerbaycan');
    const count = app.page.getByTestId('find-count');
    await expect.poll(() => count.textContent()).toMatch(/^1 of \d+$/);
    const found = (await count.textContent()) ?? '';
    await app.page.keyboard.press('Escape');
    await input.waitFor({ state: 'detached' });
    await app.page.keyboard.press('Control+f');
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await input.inputValue()).toBe('azerbaycan');
    // The same query and the same matches: the count, the marks, and Enter stepping to the next.
    await expect.poll(() => count.textContent()).toBe(found);
    await expect.poll(() => shownMatches()).toEqual(originalMatches(/az[əe]rbaycan/giu));
    await app.page.keyboard.press('Enter');
    await expect.poll(() => count.textContent()).toMatch(/^2 of \d+$/);
  });

  it('finds a highlight quoting "Nəşriyyatı" from "nesriyyati"', async () => {
    // A fresh page: open the article first (the test above opens it from the library).
    await openArticle(app.page, app.url, DOCUMENT_ID);
    await completeFirstRun(app.page, 'Leyla');
    await highlightPhrase(app.page, 'multi-vector foreign policy');
    await highlightPhrase(app.page, 'Nəşriyyatı');
    await openPanel(app.page, 'Annotations');
    const quotes = () => app.page.locator('[data-testid="annotation-item"] .annotation-item__quote').allTextContents();
    await expect.poll(async () => (await quotes()).length).toBe(2);

    await app.page.getByTestId('filter-text').click();
    await app.page.keyboard.type('nesriyyati');
    await expect.poll(quotes).toEqual(['“Nəşriyyatı”']);
    await app.page.keyboard.press('Control+a');
    await app.page.keyboard.type('NESRIYYATI');
    await expect.poll(quotes).toEqual(['“Nəşriyyatı”']);
    await app.page.keyboard.press('Control+a');
    await app.page.keyboard.type('vector');
    await expect.poll(quotes).toEqual(['“multi-vector foreign policy”']);
  });
});
