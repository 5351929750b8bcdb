/**
 * End to end: search across every article from the Analysis panel. With the caret in an
 * article that never names Türkiye, Control+Shift+F opens the Search tab with the caret in
 * its field; typing "turkiye" lists every Türkiye/TÜRKİYE of the corpus as
 * keyword-in-context lines, grouped by article with a count each; a click on a line in
 * another article opens that article with the match selected (read from the status bar).
 * Ground truth: the bundled articles' canonical text, matched with a regular expression.
 * Screenshots: tests/e2e/screenshots/analysis-search-*.png.
 */
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { loadBundledArticles, openArticle, selectionOffsets, textRect } from './reader-support.ts';
import { completeFirstRun } from './annotate-support.ts';
import { seriousViolations } from './axe-scan.ts';

const START_ID = 'azerbaijan-back-to-normalcy';
const articles = loadBundledArticles();

/** Every Türkiye of each article (any case, dotted or dotless i, with or without ü). */
const expected = articles
  .map((article) => ({
    id: article.meta.id,
    title: article.meta.title,
    matches: [...article.text.matchAll(/t[üu]rk[iıİI]ye/giu)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length })),
  }))
  .filter((entry) => entry.matches.length > 0);

const app = useAppPage({ viewport: { width: 1440, height: 900 } });

describe('search across every article', () => {
  it('lists every match in context, counted per article, and opens the one clicked', async () => {
    expect(expected.map((entry) => entry.id)).not.toContain(START_ID);
    expect(expected.length).toBeGreaterThan(1);
    const total = expected.reduce((sum, entry) => sum + entry.matches.length, 0);

    const { page } = app;
    await openArticle(page, app.url, START_ID);
    await completeFirstRun(page, 'Leyla');
    const caret = await textRect(page, 'Azerbaijan');
    await page.mouse.click(caret.startX, caret.y);
    await page.keyboard.press('Control+Shift+F');
    const field = page.getByRole('searchbox', { name: 'Search all articles' });
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    await expect(page.getByRole('tab', { name: 'Search' }).getAttribute('aria-selected')).resolves.toBe('true');

    await page.keyboard.type('turkiye');
    await expect.poll(() => page.getByTestId('search-count').textContent()).toBe(`${total} matches in ${expected.length} articles`);
    const groups = page.getByTestId('search-document');
    await expect(groups.evaluateAll((sections) => sections.map((section) => section.getAttribute('data-document-id')))).resolves.toEqual(expected.map((entry) => entry.id));
    await expect(page.getByTestId('search-document-count').allTextContents()).resolves.toEqual(expected.map((entry) => String(entry.matches.length)));
    await expect(page.locator('.kwic-line__match').allTextContents()).resolves.toEqual(expected.flatMap((entry) => entry.matches.map((match) => match.text)));
    // Each line carries text on at least one side of its match.
    for (const line of await page.getByTestId('kwic-line').allTextContents()) expect(line.length).toBeGreaterThan('Türkiye'.length + 10);
    await saveScreenshot(page, 'analysis-search-results');
    await expect(seriousViolations(page, 'search')).resolves.toEqual([]);

    const target = expected[expected.length - 1] as (typeof expected)[number];
    const match = target.matches[0] as (typeof target.matches)[number];
    await page.locator(`[data-testid="search-document"][data-document-id="${target.id}"]`).getByTestId('kwic-line').first().click();
    await page.locator(`.reader[data-document-id="${target.id}"] .reader-document`).waitFor();
    await expect.poll(() => selectionOffsets(page)).toEqual({ start: match.start, end: match.end });
    await expect(page.evaluate(() => window.getSelection()?.toString())).resolves.toBe(match.text);
    await saveScreenshot(page, 'analysis-search-opened');
  });

  it('says when it shows only the first lines of a common word, and Enter on a line opens it', async () => {
    const { page } = app;
    await openArticle(page, app.url, START_ID);
    await completeFirstRun(page, 'Leyla');
    await page.locator('.project-menu').getByRole('button', { name: 'Analysis', exact: true }).click();
    const field = page.getByRole('searchbox', { name: 'Search all articles' });
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('the');
    const count = articles.reduce((sum, article) => sum + [...article.text.matchAll(/the/giu)].length, 0);
    expect(count).toBeGreaterThan(100);
    await expect.poll(() => page.getByTestId('search-count').textContent()).toBe(`Showing the first 100 of ${count.toLocaleString('en')} matches in ${articles.length} articles`);
    await expect(page.getByTestId('kwic-line').count()).resolves.toBe(100);

    const first = articles[0];
    if (first === undefined) throw new Error('no articles');
    const firstMatch = /the/iu.exec(first.text);
    if (firstMatch === null) throw new Error('no "the" in the first article');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('kwic-line');
    await page.keyboard.press('Enter');
    await page.locator(`.reader[data-document-id="${first.meta.id}"] .reader-document`).waitFor();
    await expect.poll(() => selectionOffsets(page)).toEqual({ start: firstMatch.index, end: firstMatch.index + 3 });
  });
});
