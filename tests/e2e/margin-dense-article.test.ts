/**
 * End to end, by hand: margin notes on a densely coded article. A teammate's seeded project
 * (hundreds of highlights per article, many of them with notes and replies) is merged
 * through "Merge project file…", the person writes notes of their own, and at several
 * scroll positions every card in the margin sits level with its highlight unless the card
 * above pushed it down, no two cards overlap, the person's note editors grow with their
 * text (no scrollbar inside an editor), and the margin holds no more cards than its column
 * can show (a screen of this article has dozens of noted highlights; cards stacked below the
 * column's end would only cost their rendering). Screenshot: tests/e2e/screenshots/margin-dense-*.png.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { FIRST_CARDS } from '../../renderer/margin/margin-layout.ts';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { loadBundledArticles, openArticle } from './reader-support.ts';
import { completeFirstRun, dragSelectAcrossMarks, mergeProjectFileBytes } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
/** Phrases of the article the person writes notes on (several in its opening paragraphs). */
const OWN_NOTES: ReadonlyArray<readonly [string, string]> = [
  ['geopolitical dynamics', 'Frame of the piece.\nCompare with the Türkiye article.\nA third line, long enough to wrap inside the narrow margin column.'],
  ['past cooperation', 'Which agreements?'],
  ['peacekeeping forces', 'Timeline:\n2020 deployment\n2024 withdrawal'],
];
/** How far a card may sit from its highlight's top (px), and the gap between stacked cards. */
const LEVEL = 6;
const GAP = 8;
/** Most cards the margin may hold: more than a column of the shortest cards (~60 px) shows, with a few above it for a short scroll up. */
const MOST_CARDS = 34;

/** Chromium, the served renderer and a fresh page per test; no page may log an error. */
const app = useAppPage();
let projectFile: Buffer;

beforeAll(() => {
  const articles = loadBundledArticles().map((article) => ({ id: article.meta.id, text: article.text, hash: article.hash }));
  const { doc } = generateSampleProject(articles, { highlights: 1500, notes: 600, seed: 11 });
  projectFile = Buffer.from(encodeProjectFile(doc));
  doc.destroy();
});

/** Every mounted margin item with its top and bottom, its highlight's top, and which rule places it. */
async function marginReport(page: Page) {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll<HTMLElement>('[data-margin-item]')].map((item) => {
      const id = item.dataset['marginItem'] ?? '';
      const box = item.getBoundingClientRect();
      const mark = document.querySelector(`mark[data-highlight-ids~="${id}"]`);
      return { id, top: box.top, bottom: box.bottom, anchor: mark === null ? null : mark.getBoundingClientRect().top };
    });
    return items.sort((a, b) => a.top - b.top);
  });
}

/**
 * Problems with the margin as shown: overlaps, and cards away from their highlight without
 * a card above pushing them down. With a highlight focused, its card is level with it and
 * the cards before it may instead be pushed up by the card below (docs/architecture.md: the
 * focused note is never displaced).
 */
async function layoutProblems(page: Page, focusedId: string | null = null): Promise<string[]> {
  const items = await marginReport(page);
  const focusIndex = items.findIndex((item) => item.id === focusedId);
  const problems: string[] = [];
  items.forEach((item, index) => {
    const previous = items[index - 1];
    if (item.anchor === null) {
      problems.push(`card ${item.id} has no highlight on screen`);
      return;
    }
    if (previous !== undefined && item.top < previous.bottom - 0.5) problems.push(`card ${item.id} overlaps the card above by ${Math.round(previous.bottom - item.top)} px`);
    const level = Math.abs(item.top - item.anchor) <= LEVEL;
    const pushed = previous !== undefined && item.top > item.anchor && Math.abs(item.top - (previous.bottom + GAP)) <= 2;
    const next = items[index + 1];
    const pushedUp = index < focusIndex && next !== undefined && item.top < item.anchor && Math.abs(item.bottom + GAP - next.top) <= 2;
    if (index === focusIndex && !level) problems.push(`the focused card sits ${Math.round(item.top - item.anchor)} px from its highlight`);
    else if (!level && !pushed && !pushedUp) problems.push(`card ${item.id} sits ${Math.round(item.top - item.anchor)} px from its highlight (${index === 0 ? 'first card' : `${Math.round(item.top - (previous?.bottom ?? 0))} px below the card above`})`);
  });
  return problems;
}

/** Selects `phrase`, presses Note and types `text` (Enter for each new line). */
async function writeNoteOn(page: Page, phrase: string, text: string): Promise<void> {
  await dragSelectAcrossMarks(page, phrase);
  await page.getByTestId('selection-toolbar').getByRole('button', { name: 'Note', exact: true }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).toBe('note-text');
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    await page.keyboard.type(line);
  }
}

describe('margin notes on a densely coded article', () => {
  it('stay level with their highlights unless pushed down, never overlap, and editors grow with their text', async () => {
    const { page } = app;
    await openArticle(page, app.url, ARTICLE);
    await completeFirstRun(page, 'Leyla');
    await mergeProjectFileBytes(page, 'team.marginalia', projectFile);
    await page.locator('.reader-document[data-highlights="painted"]').waitFor({ timeout: 30_000 });
    // The first cards are those on screen; the rest of a column's worth follow a frame later.
    await expect.poll(() => page.locator('[data-margin-item]').count(), { timeout: 10_000 }).toBeGreaterThan(FIRST_CARDS.below);

    for (const [phrase, text] of OWN_NOTES) await writeNoteOn(page, phrase, text);
    const editors = page.locator('[data-testid="note-text"]');
    await expect.poll(() => editors.count()).toBe(OWN_NOTES.length);
    await expect.poll(() => editors.evaluateAll((all) => all.map((element) => element.scrollHeight - element.clientHeight))).toEqual(OWN_NOTES.map(() => 0));
    // Reading on: a click on text no highlight covers leaves the last highlight (nothing is focused).
    const plain = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.reader-document') as Node, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        if ((node.textContent?.trim().length ?? 0) < 3 || node.parentElement?.closest('mark') != null) continue;
        const range = document.createRange();
        range.setStart(node, 1);
        range.setEnd(node, 2);
        const box = range.getBoundingClientRect();
        if (box.top > 80 && box.bottom < window.innerHeight - 40) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      throw new Error('no text without a highlight on screen');
    });
    await page.mouse.click(plain.x, plain.y);
    await page.locator('mark.hl-focused').first().waitFor({ state: 'detached' });
    await expect.poll(() => layoutProblems(page), { timeout: 5_000 }).toEqual([]);
    await saveScreenshot(page, 'margin-dense-top');

    // Read on: the wheel scrolls the article a screen at a time; the margin follows.
    const reader = await page.locator('.reader-document').boundingBox();
    if (reader === null) throw new Error('the reader is not on screen');
    await page.mouse.move(reader.x + reader.width / 2, 400);
    for (let screen = 1; screen <= 4; screen += 1) {
      await page.mouse.wheel(0, 700);
      await expect.poll(() => layoutProblems(page), { timeout: 5_000 }).toEqual([]);
      const cards = await marginReport(page);
      expect(cards.length).toBeGreaterThan(3);
      expect(cards.length).toBeLessThanOrEqual(MOST_CARDS);
      // Those it holds are the ones on screen: several cards show in the column.
      const height = await page.evaluate(() => window.innerHeight);
      expect(cards.filter((card) => card.bottom > 0 && card.top < height).length).toBeGreaterThan(3);
    }
    await saveScreenshot(page, 'margin-dense-further');

    // A click on a noted highlight focuses it: its card comes level with it, the others make room.
    const noted = page.locator('mark.hl-noted').filter({ hasText: /\w{4}/ });
    const target = await noted.evaluateAll((marks) => {
      const onScreen = marks.find((mark) => {
        const box = mark.getBoundingClientRect();
        return box.top > 300 && box.bottom < window.innerHeight - 200;
      });
      if (onScreen === undefined) throw new Error('no noted highlight in the middle of the screen');
      const box = onScreen.getBoundingClientRect();
      return { x: box.left + Math.min(8, box.width / 2), y: box.top + box.height / 2 };
    });
    await page.mouse.click(target.x, target.y);
    // The focused card is the one drawn as focused (an "Add a note" card if the innermost highlight there has none).
    const focusedItem = page.locator('[data-margin-item]:has(.note-card--focused)');
    await expect.poll(() => focusedItem.count()).toBe(1);
    const focused = await focusedItem.getAttribute('data-margin-item');
    await expect.poll(() => layoutProblems(page, focused), { timeout: 5_000 }).toEqual([]);
    await saveScreenshot(page, 'margin-dense-focused');
  });
});
