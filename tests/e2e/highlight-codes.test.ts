/**
 * End to end: the reader says which codes a highlight carries. A person creates two codes in
 * the Codebook, highlights a phrase with the mouse and applies both codes with the number
 * keys; the mark wears no glyph, hovering it names both codes, its note card shows both as
 * chips, and the Codebook explains the marking. Screenshots: tests/e2e/screenshots/highlight-codes*.png.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { addTagInCodebook, closePanel, completeFirstRun, highlightPhrase, openPanel, tagIdOf } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const PHRASE = 'mutual distrust';
const CODES = ['Energy', 'Security'] as const;

/** Chromium, the served renderer and a fresh page per test; no page may log an error in any test. */
const app = useAppPage();

beforeEach(async () => {
  await openArticle(app.page, app.url, ARTICLE);
  await completeFirstRun(app.page, 'Leyla');
});

function mark() {
  return app.page.locator('mark.hl').filter({ hasText: PHRASE }).first();
}

describe('a highlight names its codes', () => {
  it('marks a multi-coded highlight quietly, names its codes on hover and on its card, and the codebook explains the marking', async () => {
    await openPanel(app.page, 'Codebook');
    for (const name of CODES) await addTagInCodebook(app.page, name);
    const ids = await Promise.all(CODES.map((name) => tagIdOf(app.page, name)));
    const keys = await Promise.all(CODES.map(async (name) => (await app.page.locator(`.codebook__row[data-tag-name="${name}"] .codebook__key`).textContent()) ?? ''));
    expect(keys).toEqual(['1', '2']);
    const legend = app.page.getByTestId('codebook-legend');
    await expect(legend.textContent()).resolves.toMatch(/colour.*first code/i);
    await expect(legend.textContent()).resolves.toMatch(/underline.*further codes/i);
    await expect(legend.textContent()).resolves.toMatch(/click a highlight/i);
    await closePanel(app.page);

    await highlightPhrase(app.page, PHRASE);
    await expect.poll(() => mark().getAttribute('class')).toContain('hl-focused');
    await app.page.keyboard.press('1');
    await expect.poll(() => mark().getAttribute('class')).toContain(`hl-t-${ids[0]}`);
    await app.page.keyboard.press('2');
    // The codes are ordered by when they were applied (to the second), then by id: either may come first.
    const carriesBoth = async (): Promise<boolean> => {
      const classes = (await mark().getAttribute('class')) ?? '';
      return ids.every((id) => classes.includes(`hl-t-${id}`) || classes.includes(`hl-u-${id}`));
    };
    await expect.poll(carriesBoth).toBe(true);
    const classes = ((await mark().getAttribute('class')) ?? '').split(' ');
    const order = classes.includes(`hl-t-${ids[0]}`) ? [0, 1] : [1, 0];
    expect(classes).toContain(`hl-u-${ids[order[1]!]}`);
    const names = order.map((index) => CODES[index]!);

    // No glyph is added to the article.
    const after = await mark().evaluate((element) => getComputedStyle(element, '::after').content);
    expect(['none', '']).toContain(after);

    // Hovering the mark names both codes.
    const box = await mark().boundingBox();
    if (box === null) throw new Error('the mark is not on screen');
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hovered = app.page.locator('mark.hl:hover').last();
    await expect.poll(() => hovered.getAttribute('title')).toBe(names.join(', '));

    // The note card shows both codes as chips.
    await app.page.getByTestId('add-note').click();
    await app.page.getByTestId('note-text').waitFor();
    await app.page.keyboard.type('Pipeline politics.');
    const card = app.page.getByTestId('note-card').first();
    const chips = card.getByTestId('note-code');
    await expect.poll(() => chips.allTextContents()).toEqual(names);
    await expect(chips.nth(0).locator(`.tag-swatch-${ids[order[0]!]}`).count()).resolves.toBe(1);
    await expect(chips.nth(1).locator(`.tag-swatch-${ids[order[1]!]}`).count()).resolves.toBe(1);
    await expect.poll(() => app.page.getByTestId('note-text').inputValue()).toBe('Pipeline politics.');
    await saveScreenshot(app.page, 'highlight-codes');
    // Unfocused, the mark shows only its colour and underline; the card keeps its chips.
    await app.page.locator('.reader-document h2').first().click();
    await expect.poll(() => mark().getAttribute('class')).not.toContain('hl-focused');
    await expect.poll(() => chips.allTextContents()).toEqual(names);
    await mark().screenshot({ path: `${SCREENSHOT_DIR}/highlight-codes-mark.png` });
    await saveScreenshot(app.page, 'highlight-codes-unfocused');
  });
});
