/**
 * End to end, by hand: changing the codes of an existing highlight. Clicking a highlight
 * (or Enter on the focused one, with the caret in the article) opens its popover: its codes
 * as chips with a remove button, an add-code type-ahead that reaches codes beyond the nine
 * number keys, a note button and Delete (which says so in a notice with an Undo button).
 * Selecting exactly the span of one's own highlight and tagging it tags that highlight
 * instead of making a duplicate. Screenshot: tests/e2e/screenshots/popover-*.png.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { addTagInCodebook, closePanel, completeFirstRun, dragSelect, highlightPhrase, highlightTexts, openPanel } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const PHRASE = 'mutual distrust';
/** Ten codes: the tenth has no number key. */
const CODES = ['Alliances', 'Borders', 'Corridors', 'Diaspora', 'Energy', 'Faith', 'Gas', 'History', 'Identity', 'Justice'];

/** Chromium, the served renderer and a fresh page per test; no page may log an error. */
const app = useAppPage();

function popover(page: Page) {
  return page.getByRole('dialog', { name: /^Highlight/ });
}

/** The popover's code chips, sorted (applications in the same second have no order between them). */
async function chipNames(page: Page): Promise<string[]> {
  return (await popover(page).getByTestId('popover-code').allTextContents()).sort();
}

function mark(page: Page) {
  return page.locator('mark.hl').filter({ hasText: PHRASE }).first();
}

beforeEach(async () => {
  await openArticle(app.page, app.url, ARTICLE);
  await completeFirstRun(app.page, 'Rauf');
  await openPanel(app.page, 'Codebook');
  for (const name of CODES) await addTagInCodebook(app.page, name);
  await closePanel(app.page);
});

describe('the highlight popover', () => {
  it('a click opens it; a tenth code is added through its type-ahead and removed with its chip', async () => {
    await highlightPhrase(app.page, PHRASE);
    await mark(app.page).click();
    await popover(app.page).waitFor();
    expect(await chipNames(app.page)).toEqual([]);
    await popover(app.page).getByRole('button', { name: 'Add code…' }).click();
    await app.page.keyboard.type('justi');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => chipNames(app.page)).toEqual(['Justice']);
    await popover(app.page).getByRole('button', { name: 'Add code…' }).click();
    await app.page.keyboard.type('energy');
    await app.page.keyboard.press('Enter');
    await expect.poll(() => chipNames(app.page)).toEqual(['Energy', 'Justice']);
    await saveScreenshot(app.page, 'popover-codes');
    await popover(app.page).getByRole('button', { name: 'Remove code Justice' }).click();
    await expect.poll(() => chipNames(app.page)).toEqual(['Energy']);
    // Escape closes it; the Annotations panel lists the highlight with Energy alone.
    await app.page.keyboard.press('Escape');
    await popover(app.page).waitFor({ state: 'detached' });
    await openPanel(app.page, 'Annotations');
    const item = app.page.getByTestId('annotation-item').filter({ hasText: PHRASE });
    await expect.poll(() => item.textContent()).toContain('Energy');
    expect(await item.textContent()).not.toContain('Justice');
  });

  it('closes when Tab takes the keyboard out of it', async () => {
    await highlightPhrase(app.page, PHRASE);
    await mark(app.page).click();
    await popover(app.page).waitFor();
    await popover(app.page).getByRole('button', { name: 'Add code…' }).focus();
    const inPopover = () => app.page.evaluate(() => document.activeElement?.closest('[data-testid="highlight-popover"]') !== null);
    // Tab through its controls (bounded), until the focus has left it.
    for (let step = 0; step < 30 && (await inPopover()); step += 1) await app.page.keyboard.press('Tab');
    expect(await inPopover()).toBe(false);
    await popover(app.page).waitFor({ state: 'detached' });
  });

  it('Enter on the focused highlight opens it with the caret in the article; Escape closes it', async () => {
    await highlightPhrase(app.page, PHRASE);
    // The focused highlight's outline is one shape: its first mark opens it, its last closes it.
    const focusedMarks = app.page.locator('mark.hl-focused');
    expect(await focusedMarks.first().getAttribute('class')).toContain('hl-focus-start');
    expect(await focusedMarks.last().getAttribute('class')).toContain('hl-focus-end');
    expect(await app.page.evaluate(() => document.activeElement?.closest('.reader-document') !== null)).toBe(true);
    await app.page.keyboard.press('Enter');
    await popover(app.page).waitFor();
    await app.page.keyboard.press('Escape');
    await popover(app.page).waitFor({ state: 'detached' });
    expect(await app.page.evaluate(() => document.activeElement?.closest('.reader-document') !== null)).toBe(true);
  });

  it('Delete in the popover moves the highlight to the trash and the notice undoes it', async () => {
    await highlightPhrase(app.page, PHRASE);
    await mark(app.page).click();
    await popover(app.page).getByRole('button', { name: 'Delete highlight' }).click();
    await expect.poll(async () => Object.values(await highlightTexts(app.page))).toEqual([]);
    const notice = app.page.getByTestId('notice');
    await expect.poll(() => notice.textContent()).toContain('Moved to the trash');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => Object.values(await highlightTexts(app.page))).toEqual([PHRASE]);
  });

  it('Delete key on a focused highlight says so in a notice with Undo', async () => {
    await highlightPhrase(app.page, PHRASE);
    await app.page.keyboard.press('Delete');
    await expect.poll(async () => Object.values(await highlightTexts(app.page))).toEqual([]);
    await app.page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => Object.values(await highlightTexts(app.page))).toEqual([PHRASE]);
  });

  it('tagging exactly the span of my own highlight tags that highlight, not a duplicate', async () => {
    await highlightPhrase(app.page, PHRASE);
    const [id] = Object.keys(await highlightTexts(app.page));
    await dragSelect(app.page, PHRASE);
    await app.page.getByRole('button', { name: 'Tag…' }).click();
    await app.page.keyboard.type('Borders');
    await app.page.keyboard.press('Enter');
    await mark(app.page).click();
    await expect.poll(() => chipNames(app.page)).toEqual(['Borders']);
    expect(Object.keys(await highlightTexts(app.page))).toEqual([id]);
  });
});
