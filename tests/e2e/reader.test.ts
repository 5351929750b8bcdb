/**
 * End to end: the reader renders every article with its headings and table of contents,
 * finds text case-, diacritic- and Turkish-i-insensitively, reports selections as
 * canonical-text offsets (mouse and keyboard), never lets the text change, and remembers
 * the reading position across a reload.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Article } from '#shared/documents/article.ts';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { loadBundledArticles, openArticle, selectionOffsets, textRect } from './reader-support.ts';

const articles = loadBundledArticles();
const byId = (id: string): Article => {
  const article = articles.find((candidate) => candidate.meta.id === id);
  if (article === undefined) throw new Error(`no bundled article ${id}`);
  return article;
};
/** Chromium, the served renderer and a fresh page per test (no position or storage left by another); no page may log an error in any test. */
const app = useAppPage();


/** Count of a regular expression's matches in the canonical text (independent ground truth). */
function countIn(text: string, pattern: RegExp): number {
  return [...text.matchAll(pattern)].length;
}

async function isInView(locator: ReturnType<Page['locator']>): Promise<boolean> {
  const scroller = await app.page.getByTestId('reader-scroll').boundingBox();
  const box = await locator.boundingBox();
  if (scroller === null || box === null) return false;
  return box.y >= scroller.y - 1 && box.y + box.height <= scroller.y + scroller.height + 1;
}

describe('reader: every article', () => {
  it('renders headings and a matching table of contents for all five articles', async () => {
    for (const article of articles) {
      await openArticle(app.page, app.url, article.meta.id);
      const headings = app.page.locator('.reader-document :is(h1, h2, h3, h4)');
      await expect(headings.allTextContents()).resolves.toEqual(article.outline.map((entry) => entry.title));
      const contents = app.page.locator('.contents__link');
      await expect(contents.allTextContents()).resolves.toEqual(article.outline.map((entry) => entry.title));
      await expect(app.page.locator('.title-block__author').textContent()).resolves.toBe(article.meta.author ?? 'Unknown author');
      await expect(app.page.locator('.top-bar__title').textContent()).resolves.toBe(article.meta.title);
      // Ordered lists keep the source's numbering; the text contains no list markers.
      await expect(app.page.locator('.reader-document').evaluate((element) => element.textContent?.length ?? 0))
        .resolves.toBe(article.text.replaceAll('\n', '').length);
    }
    expect(app.errors).toEqual([]);
  });

  it('scrolls to a heading when its contents entry is clicked and marks the current section', async () => {
    const article = byId('russia-azerbaijan-disputes');
    await openArticle(app.page, app.url, article.meta.id);
    const target = article.outline.length - 2;
    const entry = article.outline[target]!;
    await app.page.locator('.contents__link').nth(target).click();
    const heading = app.page.locator('.reader-document :is(h1, h2, h3, h4)').nth(target);
    await expect(heading.textContent()).resolves.toBe(entry.title);
    await expect.poll(() => isInView(heading)).toBe(true);
    await expect.poll(() => app.page.locator('.contents__link[aria-current="location"]').textContent()).toBe(entry.title);
    // Scrolling back to the top moves the current-section mark back to the first heading.
    await app.page.getByTestId('reader-scroll').evaluate((element) => { element.scrollTop = 0; });
    await expect.poll(() => app.page.locator('.contents__link[aria-current="location"]').textContent()).toBe(article.outline[0]!.title);
    await saveScreenshot(app.page, 'reader-top');
    await app.page.locator('.contents__link').nth(3).click();
    await saveScreenshot(app.page, 'reader');
  });
});

describe('reader: find in document', () => {
  it('finds Türkiye from "türkiye", "turkiye" and "TURKIYE"; steps next/previous; Escape closes', async () => {
    const article = byId('russia-azerbaijan-disputes');
    await openArticle(app.page, app.url, article.meta.id);
    const expected = countIn(article.text, /t[üu]rk[iİıI]ye/giu);
    expect(expected).toBeGreaterThan(5);
    await app.page.locator('.reader-document').click();
    await app.page.keyboard.press('Control+f');
    const input = app.page.getByRole('searchbox', { name: 'Find in article' });
    await expect(input.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    for (const query of ['türkiye', 'turkiye', 'TURKIYE']) {
      await input.fill(query);
      await expect(app.page.getByTestId('find-count').textContent()).resolves.toMatch(new RegExp(`^\\d+ of ${expected}$`));
      await expect(app.page.locator('.find-match').count()).resolves.toBe(expected);
      await expect(app.page.locator('.find-match-current').count()).resolves.toBe(1);
    }
    await input.fill('');
    await app.page.getByTestId('reader-scroll').evaluate((element) => { element.scrollTop = 0; });
    await input.fill('türkiye');
    await expect(app.page.getByTestId('find-count').textContent()).resolves.toBe(`1 of ${expected}`);
    const currentText = () => app.page.locator('.find-match-current').evaluate((element) => {
      const all = [...document.querySelectorAll('.find-match')];
      return all.indexOf(element);
    });
    await expect(currentText()).resolves.toBe(0);
    await input.press('Enter');
    await expect(app.page.getByTestId('find-count').textContent()).resolves.toBe(`2 of ${expected}`);
    await expect(currentText()).resolves.toBe(1);
    await app.page.keyboard.press('F3');
    await expect(app.page.getByTestId('find-count').textContent()).resolves.toBe(`3 of ${expected}`);
    await app.page.keyboard.press('Control+g');
    await expect(app.page.getByTestId('find-count').textContent()).resolves.toBe(`4 of ${expected}`);
    await expect.poll(() => isInView(app.page.locator('.find-match-current'))).toBe(true);
    await input.press('Shift+Enter');
    await expect(app.page.getByTestId('find-count').textContent()).resolves.toBe(`3 of ${expected}`);
    await expect(currentText()).resolves.toBe(2);
    await saveScreenshot(app.page, 'reader-find');
    // Backwards from the first match wraps to the last.
    for (let step = 0; step < 3; step += 1) await input.press('Shift+Enter');
    await expect(app.page.getByTestId('find-count').textContent()).resolves.toBe(`${expected} of ${expected}`);
    await input.press('Escape');
    await expect(app.page.locator('.find-bar').count()).resolves.toBe(0);
    await expect(app.page.locator('.find-match').count()).resolves.toBe(0);
    // The last current match is left selected, as in a browser's find (the status bar
    // follows a selection change after the frame that paints it).
    await expect.poll(() => selectionOffsets(app.page)).not.toBeNull();
    const selected = await selectionOffsets(app.page);
    expect(selected).not.toBeNull();
    expect(article.text.slice(selected!.start, selected!.end).toLocaleLowerCase('tr')).toBe('türkiye');
  });

  it('matches İ/I/ı/i and Ə/ə across case in Azerbaijani and Turkish names', async () => {
    const pragmatism = byId('azerbaijan-strategic-pragmatism');
    await openArticle(app.page, app.url, pragmatism.meta.id);
    const ilham = countIn(pragmatism.text, /[İIıi]lham/gu);
    expect(ilham).toBeGreaterThan(0);
    await app.page.keyboard.press('Control+f');
    const input = app.page.getByRole('searchbox', { name: 'Find in article' });
    for (const query of ['ilham', 'İlham', 'ILHAM', 'ılham']) {
      await input.fill(query);
      await expect(app.page.getByTestId('find-count').textContent()).resolves.toBe(`1 of ${ilham}`);
      await expect(app.page.locator('.find-match-current').textContent()).resolves.toMatch(/^[İIıi]lham$/u);
    }
    // Escape also closes the bar when the focus is in the text.
    await app.page.locator('.reader-document p').first().click();
    await app.page.keyboard.press('Escape');
    await expect(app.page.locator('.find-bar').count()).resolves.toBe(0);

    const dynamics = byId('azerbaijan-us-russia-dynamics');
    await openArticle(app.page, app.url, dynamics.meta.id);
    await app.page.keyboard.press('Control+f');
    const input2 = app.page.getByRole('searchbox', { name: 'Find in article' });
    await input2.fill('istiqamətləri');
    await expect(app.page.locator('.find-match-current').textContent()).resolves.toBe('İstiqamətləri');
    await input2.fill('ƏSAS');
    await expect(app.page.locator('.find-match-current').textContent()).resolves.toBe('Əsas');
    await input2.fill('azərbaycan');
    await expect(app.page.getByTestId('find-count').textContent()).resolves.toMatch(new RegExp(` of ${countIn(dynamics.text, /az[əe]rbaycan/giu)}$`));
    await input2.fill('no such words here');
    await expect(app.page.getByTestId('find-count').textContent()).resolves.toBe('No matches');
    await input2.press('Escape');
  });
});

describe('reader: selection offsets', () => {
  it('reports a mouse-dragged selection as canonical-text offsets', async () => {
    const article = byId('azerbaijan-us-russia-dynamics');
    await openArticle(app.page, app.url, article.meta.id);
    const phrase = 'multi-vector foreign policy';
    const rect = await textRect(app.page, phrase);
    await app.page.mouse.move(rect.startX, rect.y);
    await app.page.mouse.down();
    await app.page.mouse.move(rect.endX, rect.endY, { steps: 8 });
    await app.page.mouse.up();
    const selected = await app.page.evaluate(() => String(window.getSelection()));
    expect(selected).toBe(phrase);
    await expect.poll(async () => (await selectionOffsets(app.page))?.end).toBe(article.text.indexOf(phrase) + phrase.length);
    const offsets = await selectionOffsets(app.page);
    expect(offsets).not.toBeNull();
    expect(article.text.slice(offsets!.start, offsets!.end)).toBe(phrase);
    expect(offsets!.start).toBe(article.text.indexOf(phrase));
    await expect(app.page.getByTestId('selection-status').textContent())
      .resolves.toBe(`Selected ${phrase.length} characters · ${offsets!.start}–${offsets!.end}`);
    await saveScreenshot(app.page, 'reader-selection');
  });

  it('selects with the keyboard (Shift+arrows, across a block boundary) and maps it exactly', async () => {
    const article = byId('azerbaijan-us-russia-dynamics');
    await openArticle(app.page, app.url, article.meta.id);
    const word = 'Politicon.co';
    const rect = await textRect(app.page, word);
    // Put the caret just before "Politicon.co" (a paragraph of its own), then extend.
    await app.page.mouse.click(rect.startX + 10, rect.y);
    await app.page.keyboard.press('Home');
    for (let step = 0; step < 9; step += 1) await app.page.keyboard.press('Shift+ArrowRight');
    // The status bar follows the selection asynchronously (selectionchange → React render).
    await expect.poll(async () => {
      const current = await selectionOffsets(app.page);
      return current === null ? null : article.text.slice(current.start, current.end);
    }).toBe('Politicon');
    await app.page.keyboard.press('Shift+End');
    for (let step = 0; step < 4; step += 1) await app.page.keyboard.press('Shift+ArrowRight');
    const domSelection = await app.page.evaluate(() => String(window.getSelection()));
    await expect.poll(async () => (await selectionOffsets(app.page))?.end).toBe(article.text.indexOf(word) + domSelection.replace(/\n+/g, '\n').length);
    const offsets = await selectionOffsets(app.page);
    // The DOM's own rendering of the selection, with block breaks collapsed to the canonical "\n".
    const domText = domSelection.replace(/\n+/g, '\n');
    const canonical = article.text.slice(offsets!.start, offsets!.end);
    expect(canonical).toMatch(/^Politicon\.co\n\S/u);
    expect(canonical).toBe(domText);
    expect(offsets!.start).toBe(article.text.indexOf(word));
  });

  it('never changes the text: typing, deleting, Enter and paste are ignored', async () => {
    const article = byId('azerbaijan-us-russia-dynamics');
    await openArticle(app.page, app.url, article.meta.id);
    const before = await app.page.locator('.reader-document').evaluate((element) => element.textContent);
    const rect = await textRect(app.page, 'Politicon.co');
    await app.page.mouse.click(rect.startX + 20, rect.y);
    await app.page.keyboard.type('xyz');
    await app.page.keyboard.press('Backspace');
    await app.page.keyboard.press('Delete');
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.press('Shift+ArrowRight');
    await app.page.keyboard.press('Control+x');
    await app.page.keyboard.press('Control+v');
    await expect(app.page.locator('.reader-document').evaluate((element) => element.textContent)).resolves.toBe(before);
  });
});

describe('reader: reading position', () => {
  it('restores the position after a reload and shows progress in the library', async () => {
    const article = byId('russia-azerbaijan-disputes');
    await openArticle(app.page, app.url, article.meta.id);
    const target = Math.floor(article.outline.length / 2);
    await app.page.locator('.contents__link').nth(target).click();
    const heading = app.page.locator('.reader-document :is(h1, h2, h3, h4)').nth(target);
    await expect.poll(() => isInView(heading)).toBe(true);
    // The position is saved on opening (the top) and 250 ms after scrolling stops (one jump
    // here): wait for the write that carries the jump.
    const storedPosition = async () => JSON.parse(
      (await app.page.evaluate((id) => localStorage.getItem(`marginalia:reading-position:${id}`), article.meta.id)) ?? 'null',
    ) as { offset: number; progress: number } | null;
    await expect.poll(async () => (await storedPosition())?.offset, { timeout: 10_000 }).toBe(article.outline[target]!.offset);
    const position = await storedPosition();
    expect(position).not.toBeNull();

    await app.page.reload();
    await app.page.locator('.reader-document').waitFor();
    await expect.poll(() => isInView(heading)).toBe(true);
    const top = await app.page.evaluate(() => {
      const scroller = document.querySelector('[data-testid="reader-scroll"]') as HTMLElement;
      return scroller.scrollTop;
    });
    expect(top).toBeGreaterThan(200);

    await app.page.keyboard.press('Control+l');
    await app.page.locator('.library__list').waitFor();
    const percent = await app.page.locator(`.library-card[data-document-id="${article.meta.id}"] [data-testid="progress-value"]`).textContent();
    expect(Number.parseInt(percent ?? '0', 10)).toBeGreaterThan(Math.floor(position!.offset / article.text.length * 100) - 1);
    await saveScreenshot(app.page, 'library-progress');
    expect(app.errors, app.errors.join('\n')).toEqual([]);
  });
});
