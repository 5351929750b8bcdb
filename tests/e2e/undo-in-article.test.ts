/**
 * End to end, by hand: undo and redo work wherever a reader's focus is — with the caret in
 * the article after highlighting with the mouse, and after clicking elsewhere in the text —
 * while inside a text field Ctrl+Z edits the field and leaves the annotations alone.
 * Screenshot: tests/e2e/screenshots/undo-in-article.png.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle, textRect } from './reader-support.ts';
import { completeFirstRun, highlightPhrase, highlightTexts } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const FIRST = 'mutual distrust';
const SECOND = 'geopolitical dynamics';

/** Chromium, the served renderer and a fresh page per test; no page may log an error. */
const app = useAppPage();

async function visibleQuotes(): Promise<string[]> {
  return Object.values(await highlightTexts(app.page)).sort();
}

/** Where the keyboard focus is, as a person would see it: inside the article's text or not. */
async function focusInArticle(): Promise<boolean> {
  return app.page.evaluate(() => document.activeElement?.closest('.reader-document') !== null && document.activeElement !== null);
}

beforeEach(async () => {
  await openArticle(app.page, app.url, ARTICLE);
  await completeFirstRun(app.page, 'Nigar');
});

describe('undo and redo with the caret in the article', () => {
  it('Ctrl+Z right after highlighting with the mouse removes the highlight; Shift+Ctrl+Z brings it back', async () => {
    await highlightPhrase(app.page, FIRST);
    expect(await focusInArticle()).toBe(true);
    await app.page.keyboard.press('Control+z');
    await expect.poll(visibleQuotes).toEqual([]);
    await app.page.keyboard.press('Shift+Control+z');
    await expect.poll(visibleQuotes).toEqual([FIRST]);
  });

  it('after clicking elsewhere in the text (caret in the article), Ctrl+Z and Ctrl+Y still act', async () => {
    await highlightPhrase(app.page, FIRST);
    // Longer than the undo capture window, so the two highlights are two undo steps.
    await app.page.waitForTimeout(600);
    await highlightPhrase(app.page, SECOND);
    await expect.poll(visibleQuotes).toEqual([FIRST, SECOND].sort());
    const rect = await textRect(app.page, 'The ');
    await app.page.mouse.click(rect.startX + 2, rect.y);
    expect(await focusInArticle()).toBe(true);
    await app.page.keyboard.press('Control+z');
    await expect.poll(visibleQuotes).toEqual([FIRST]);
    await saveScreenshot(app.page, 'undo-in-article');
    await app.page.keyboard.press('Control+y');
    await expect.poll(visibleQuotes).toEqual([FIRST, SECOND].sort());
  });

  it('inside a text field Ctrl+Z edits the field, not the annotations', async () => {
    await highlightPhrase(app.page, FIRST);
    await app.page.waitForTimeout(600);
    await highlightPhrase(app.page, SECOND);
    await app.page.keyboard.press('Control+f');
    const field = app.page.getByRole('searchbox');
    await field.waitFor();
    await app.page.keyboard.type('Russia');
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => field.inputValue()).not.toBe('Russia');
    expect('Russia'.startsWith(await field.inputValue())).toBe(true);
    // The field's own undo happened, and the same key press did not reach the annotations.
    expect(await visibleQuotes()).toEqual([FIRST, SECOND].sort());
  });
});
