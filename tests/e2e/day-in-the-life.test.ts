/**
 * End to end, by hand: a researcher's first hour in one journey, with the mouse and the
 * keyboard only, results read from the screen. First run → open an article from the
 * library → find a phrase → select with the mouse → highlight → code through the
 * type-ahead (a new code, then an existing one) → a number key → add and remove a code in
 * the popover → a note and a reply → undo and redo with the caret in the article →
 * codebook: nest, rename, recolour, set a key → Annotations: filter by code and text, jump
 * → trash and restore → export CSV, read back with a CSV parser.
 * Screenshots: tests/e2e/screenshots/day-*.png; with UPDATE_DOCS_SCREENSHOTS=1 also the
 * README's docs/screenshots/{library,reader,export}.png.
 */
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { textRect } from './reader-support.ts';
import { closePanel, dragSelect, highlightTexts, openPanel } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const FIRST = 'mutual distrust';
const SECOND = 'geopolitical dynamics';
const THIRD = 'peacekeeping forces';

/** Writes the README's screenshot `name` when asked to (a test run never changes tracked files otherwise). */
async function docsScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
  await page.screenshot({ path: fileURLToPath(new URL(`../../docs/screenshots/${name}.png`, import.meta.url)) });
}

/** Chromium, the served renderer and a fresh page; no page may log an error. */
const app = useAppPage();

const mark = (page: Page, phrase: string) => page.locator('mark.hl').filter({ hasText: phrase }).first();
const popover = (page: Page) => page.getByRole('dialog', { name: /^Highlight/ });
const row = (page: Page, name: string) => page.locator(`.codebook__row[data-tag-name="${name}"]`);

async function quotes(page: Page): Promise<string[]> {
  return Object.values(await highlightTexts(page)).sort();
}

/** Clicks into plain article text, away from every highlight: the caret is in the article. */
async function caretInArticle(page: Page): Promise<void> {
  const rect = await textRect(page, 'The South Caucasus region');
  await page.mouse.click(rect.startX + 3, rect.y);
}

/** Selects `phrase` with the mouse and codes it through the toolbar's type-ahead. */
async function codeThroughTypeahead(page: Page, phrase: string, typed: string, keys: string[]): Promise<void> {
  await dragSelect(page, phrase);
  await page.getByRole('button', { name: 'Tag…' }).click();
  await page.keyboard.type(typed);
  for (const key of keys) await page.keyboard.press(key);
  await mark(page, phrase).waitFor();
}

describe('a day in the life', () => {
  it('codes, notes, reorganises, retrieves and exports by hand', async () => {
    const page = app.page;

    // First run, then the library: a click on a card opens its article.
    await page.goto(app.url);
    await page.getByTestId('first-run-name').fill('Leyla');
    await page.getByRole('button', { name: 'Start reading' }).click();
    await page.locator(`.library-card[data-document-id="${ARTICLE}"]`).waitFor();
    await docsScreenshot(page, 'library');
    await page.locator(`.library-card[data-document-id="${ARTICLE}"]`).click();
    await page.locator(`.reader[data-document-id="${ARTICLE}"] .reader-document`).waitFor();
    await saveScreenshot(page, 'day-1-article');
    await docsScreenshot(page, 'reader');

    // Find a phrase with the caret in the article.
    await caretInArticle(page);
    await page.keyboard.press('Control+f');
    await page.keyboard.type('mutual distrust');
    await expect.poll(() => page.getByTestId('find-count').textContent()).toMatch(/^1 of [1-9]$/);
    await page.keyboard.press('Escape');

    // Select with the mouse, code with a new code through the type-ahead.
    await codeThroughTypeahead(page, FIRST, 'Distrust', ['Enter']);
    // An existing code through the type-ahead: "dis", ArrowDown, Enter.
    await codeThroughTypeahead(page, SECOND, 'dis', ['ArrowDown', 'Enter']);
    await openPanel(page, 'Codebook');
    expect(await page.locator('.codebook__row').count()).toBe(1);
    await closePanel(page);

    // A number key on a fresh selection: Distrust has key 1.
    await dragSelect(page, THIRD);
    await page.keyboard.press('1');
    await mark(page, THIRD).waitFor();
    expect(await quotes(page)).toEqual([FIRST, SECOND, THIRD].sort());

    // The popover: add a new code, then remove it again.
    await mark(page, FIRST).click();
    await popover(page).getByRole('button', { name: 'Add code…' }).click();
    await page.keyboard.type('Security');
    await page.keyboard.press('Enter');
    await expect.poll(() => popover(page).getByTestId('popover-code').allTextContents().then((names) => names.sort())).toEqual(['Distrust', 'Security']);
    await saveScreenshot(page, 'day-2-popover');
    await popover(page).getByRole('button', { name: 'Remove code Security' }).click();
    await expect.poll(() => popover(page).getByTestId('popover-code').allTextContents()).toEqual(['Distrust']);

    // A note and a reply.
    await popover(page).getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-text');
    await page.keyboard.type('The distrust predates 2020.');
    await page.getByTestId('reply-input').click();
    await page.keyboard.type('See section 2.');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('note-reply').first().textContent()).toContain('See section 2.');
    await saveScreenshot(page, 'day-3-note');

    // Undo and redo with the caret in the article: the reply goes and comes back.
    await caretInArticle(page);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('note-reply').count()).toBe(0);
    await page.keyboard.press('Shift+Control+z');
    await expect.poll(() => page.getByTestId('note-reply').count()).toBe(1);

    // Codebook: a new parent code, nest Distrust under it, rename, recolour, give a key.
    await openPanel(page, 'Codebook');
    await page.getByTestId('new-tag-name').fill('Relations');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await row(page, 'Relations').waitFor();
    await row(page, 'Distrust').getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('form', { name: 'Edit Distrust' });
    await page.getByTestId('tag-edit-name').fill('Mutual distrust');
    await edit.getByLabel('Parent').selectOption({ label: 'Relations' });
    await edit.getByLabel('Colour').fill('#1d7a3a');
    await edit.getByRole('button', { name: 'Save', exact: true }).click();
    await row(page, 'Mutual distrust').waitFor();
    await page.getByRole('button', { name: /^Number key for Mutual distrust/ }).click();
    await page.getByRole('group', { name: 'Number key for Mutual distrust' }).getByRole('button', { name: /^Key 5/ }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Number key for Mutual distrust/ }).getAttribute('aria-label')).toContain('key 5');
    await expect.poll(() => mark(page, FIRST).evaluate((element) => getComputedStyle(element).backgroundColor)).toMatch(/29, 122, 58/);
    await saveScreenshot(page, 'day-4-codebook');
    await closePanel(page);

    // Annotations: filter by code (the parent includes its child) and by text, then jump.
    await openPanel(page, 'Annotations');
    await page.getByTestId('filter-tag').selectOption({ label: 'Relations' });
    await expect.poll(() => page.getByTestId('annotation-count').textContent()).toBe('3 highlights');
    await page.getByTestId('filter-text').fill('peacekeeping');
    await expect.poll(() => page.getByTestId('annotation-count').textContent()).toBe('1 highlight');
    await page.getByTestId('annotation-item').filter({ hasText: THIRD }).click();
    await expect.poll(() => mark(page, THIRD).getAttribute('class')).toContain('hl-focused');
    await closePanel(page);

    // Trash and restore.
    await caretInArticle(page);
    await mark(page, THIRD).click();
    await popover(page).getByRole('button', { name: 'Delete highlight' }).click();
    await expect.poll(() => quotes(page)).toEqual([FIRST, SECOND].sort());
    await openPanel(page, 'Trash');
    await page.getByTestId('trash-item').filter({ hasText: THIRD }).getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => quotes(page)).toEqual([FIRST, SECOND, THIRD].sort());
    await closePanel(page);

    // Export CSV and read it back.
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByTestId('export-dialog').waitFor();
    await saveScreenshot(page, 'day-5-export');
    await docsScreenshot(page, 'export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export CSV/ }).click()]) as [Download, void];
    const { readFile } = await import('node:fs/promises');
    const rows = parse(await readFile(await download.path()), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((entry) => Object.values(entry).find((value) => [FIRST, SECOND, THIRD].includes(value))).sort()).toEqual([FIRST, SECOND, THIRD].sort());
    expect(rows.every((entry) => Object.values(entry).includes('Mutual distrust'))).toBe(true);
  });
});
