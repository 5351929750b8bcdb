/**
 * End to end, by hand: a highlight's own colour. In its popover the person picks a named
 * colour ("Sky"); the painted highlight takes that colour at once and its margin card names
 * it; Ctrl+Z with the caret back in the article restores the code colour, Shift+Ctrl+Z
 * brings the choice back, and a reload keeps it; "Code colour" returns to the code's colour.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { completeFirstRun, tagPhrase } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const PHRASE = 'mutual distrust';
/** The first code takes the palette's first colour, Amber (#f4c542), painted at 38 %. */
const AMBER = 'rgba(244, 197, 66, 0.38)';
/** Sky (#5aa9e6) at the same strength. */
const SKY = 'rgba(90, 169, 230, 0.38)';

/** Chromium, the served renderer and a fresh page per test; no page may log an error. */
const app = useAppPage();

function popover(page: Page) {
  return page.getByRole('dialog', { name: /^Highlight/ });
}

function mark(page: Page) {
  return page.locator('mark.hl').filter({ hasText: PHRASE }).first();
}

/** The background the person sees on the highlight. */
async function paintedBackground(page: Page): Promise<string> {
  return mark(page).evaluate((element) => getComputedStyle(element).backgroundColor);
}

function colourButton(page: Page, name: string) {
  return popover(page).getByRole('group', { name: 'Highlight colour' }).getByRole('button', { name, exact: true });
}

beforeEach(async () => {
  await openArticle(app.page, app.url, ARTICLE);
  await completeFirstRun(app.page, 'Aysel');
  await tagPhrase(app.page, PHRASE, 'Energy');
});

describe('a highlight’s own colour', () => {
  it('chosen in the popover paints the highlight and its card; undo in the article restores it; a reload keeps it', async () => {
    expect(await paintedBackground(app.page)).toBe(AMBER);
    // A note, so the highlight has a margin card.
    await mark(app.page).click();
    await popover(app.page).getByRole('button', { name: 'Add note' }).click();
    await app.page.getByTestId('note-text').waitFor();
    await app.page.keyboard.type('Both sides');
    // Longer than the undo capture window, so the note and the colour are two undo steps.
    await app.page.waitForTimeout(600);

    await mark(app.page).click();
    await popover(app.page).waitFor();
    expect(await colourButton(app.page, 'Code colour').getAttribute('aria-pressed')).toBe('true');
    await colourButton(app.page, 'Sky').click();
    await expect.poll(() => paintedBackground(app.page)).toBe(SKY);
    await expect.poll(() => colourButton(app.page, 'Sky').getAttribute('aria-pressed')).toBe('true');
    const card = app.page.getByTestId('note-card');
    await expect.poll(() => card.getByTestId('note-colour').textContent().catch(() => null)).toBe('Sky');

    // Escape puts the caret back in the article; Ctrl+Z there undoes the choice.
    await app.page.keyboard.press('Escape');
    await popover(app.page).waitFor({ state: 'detached' });
    expect(await app.page.evaluate(() => document.activeElement?.closest('.reader-document') !== null)).toBe(true);
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => paintedBackground(app.page)).toBe(AMBER);
    await card.getByTestId('note-colour').waitFor({ state: 'detached' });
    await app.page.keyboard.press('Shift+Control+z');
    await expect.poll(() => paintedBackground(app.page)).toBe(SKY);

    await app.page.reload();
    await mark(app.page).waitFor();
    await expect.poll(() => paintedBackground(app.page)).toBe(SKY);
    await mark(app.page).click();
    await expect.poll(() => colourButton(app.page, 'Sky').getAttribute('aria-pressed')).toBe('true');
  });

  it('“Code colour” returns the highlight to its code’s colour', async () => {
    await mark(app.page).click();
    await colourButton(app.page, 'Lavender').click();
    await expect.poll(() => paintedBackground(app.page)).toBe('rgba(179, 136, 235, 0.38)');
    await colourButton(app.page, 'Code colour').click();
    await expect.poll(() => paintedBackground(app.page)).toBe(AMBER);
    await expect.poll(() => colourButton(app.page, 'Code colour').getAttribute('aria-pressed')).toBe('true');
  });
});
