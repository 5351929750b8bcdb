/**
 * End to end, by hand: the Annotations panel over a long project. A teammate's seeded
 * project (3,000 highlights with notes, replies and codes) is merged through "Merge project
 * file…"; the person opens the panel with a click, reads the count, sees that only the rows
 * near the view are in the page while the list still says how long it is (aria-setsize,
 * aria-posinset), scrolls with the mouse wheel to the last rows, clicks one and lands on its
 * highlight in the article. They type a filter with the keyboard and read the count the
 * same query gives in Node, and a teammate's later highlight arriving by a merge shows up in
 * the filtered list. With the keyboard, ↓ / End move through rows, and the focused row keeps
 * focus while the wheel scrolls it far out of view. Screenshot: annotations-long-*.png.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { filterAnnotations } from '#shared/model/queries.ts';
import { addHighlight } from '#shared/model/highlights.ts';
import { addNote } from '#shared/model/notes.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { loadBundledArticles, openArticle } from './reader-support.ts';
import { annotationCount, completeFirstRun, dismissNotice, mergeProjectFileBytes, openPanel } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const FILTER = 'energy';
const LATE_NOTE = 'Zanzibar comparison pending';

const app = useAppPage();
/** The teammate's project, then the same project with one more highlight (noted with LATE_NOTE). */
let projectFile: Buffer;
let laterFile: Buffer;
/** What Node's own query gives: every live highlight, the filtered count, the last row's quote. */
let expected: { total: number; filtered: number; lastQuote: string; lastDocument: string };

beforeAll(() => {
  const articles = loadBundledArticles();
  const { doc } = generateSampleProject(articles.map((article) => ({ id: article.meta.id, text: article.text, hash: article.hash })), { highlights: 3000, notes: 800, seed: 23 });
  projectFile = Buffer.from(encodeProjectFile(doc));
  const all = filterAnnotations(doc, {});
  const last = all[all.length - 1];
  if (last === undefined) throw new Error('the sample has no highlights');
  expected = { total: all.length, filtered: filterAnnotations(doc, { text: FILTER }).length, lastQuote: last.quote.exact, lastDocument: last.documentId };

  const later = new Y.Doc();
  Y.applyUpdate(later, Y.encodeStateAsUpdate(doc));
  const article = articles.find((candidate) => candidate.meta.id === ARTICLE);
  if (article === undefined) throw new Error(`no article ${ARTICLE}`);
  const phrase = 'peacekeeping forces';
  const start = article.text.indexOf(phrase);
  const actor = { member: 'teammatelateAAAAAAAAAA' as MemberId };
  const id = addHighlight(later, actor, {
    documentId: ARTICLE,
    documentHash: article.hash,
    position: { start, end: start + phrase.length },
    quote: { exact: phrase, prefix: article.text.slice(Math.max(0, start - 32), start), suffix: article.text.slice(start + phrase.length, start + phrase.length + 32) },
    tags: [],
  });
  addNote(later, actor, id, LATE_NOTE);
  laterFile = Buffer.from(encodeProjectFile(later));
  doc.destroy();
  later.destroy();
});

/** Opens the article, names the person and merges the teammate's project; ends with the Annotations panel open and counted. */
async function withProjectAndPanel(page: Page): Promise<void> {
  await openArticle(page, app.url, ARTICLE);
  await completeFirstRun(page, 'Leyla');
  await mergeProjectFileBytes(page, 'team.marginalia', projectFile);
  await dismissNotice(page);
  await openPanel(page, 'Annotations');
  await expect.poll(() => annotationCount(page), { timeout: 30_000 }).toBe(expected.total);
}

/** The rendered rows: position in the list, set size and quote. */
async function renderedRows(page: Page): Promise<{ at: number; of: number; quote: string }[]> {
  return page.locator('.annotations-panel li[aria-posinset]').evaluateAll((rows) =>
    rows.map((row) => ({
      at: Number(row.getAttribute('aria-posinset')),
      of: Number(row.getAttribute('aria-setsize')),
      quote: (row.querySelector('.annotation-item__quote')?.textContent ?? '').slice(1, -1),
    })),
  );
}

/** The list position (aria-posinset) of the row holding focus, or null when focus is elsewhere. */
async function focusedRow(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const row = document.activeElement?.closest('li[aria-posinset]');
    return row === null || row === undefined ? null : Number(row.getAttribute('aria-posinset'));
  });
}

/** Turns the mouse wheel over the list until a row at or past `position` is rendered (at most `turns` turns). */
async function wheelTo(page: Page, position: number, turns = 400): Promise<void> {
  const box = await page.locator('.annotations-panel__list').boundingBox();
  if (box === null) throw new Error('the list is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let turn = 0; turn < turns; turn += 1) {
    if ((await renderedRows(page)).some((row) => row.at >= position)) return;
    await page.mouse.wheel(0, 3000);
  }
  throw new Error(`row ${position} never rendered`);
}

describe('the Annotations panel over 3,000 highlights', () => {
  it('lists every highlight, renders only those near the view, scrolls to the last and jumps to it', async () => {
    const { page } = app;
    await withProjectAndPanel(page);
    const first = await renderedRows(page);
    expect(first[0]).toMatchObject({ at: 1, of: expected.total });
    expect(first.length).toBeGreaterThan(3);
    expect(first.length).toBeLessThan(80);
    expect(await page.locator('.annotations-panel ol').getAttribute('aria-label')).toBe('Highlights');
    await saveScreenshot(page, 'annotations-long-open');

    await wheelTo(page, expected.total);
    const rows = await renderedRows(page);
    expect(rows.length).toBeLessThan(80);
    expect(rows.find((row) => row.at === expected.total)?.quote).toBe(expected.lastQuote.length > 220 ? `${expected.lastQuote.slice(0, 220)}…` : expected.lastQuote);
    await saveScreenshot(page, 'annotations-long-end');

    await page.locator(`.annotations-panel li[aria-posinset="${expected.total}"] [data-testid="annotation-item"]`).click();
    await page.locator(`.reader[data-document-id="${expected.lastDocument}"] .reader-document`).waitFor();
    await expect.poll(() => page.locator('mark.hl.hl-focused').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('mark.hl.hl-focused').first().evaluate((mark) => {
      const box = mark.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
    })).toBe(true);
  });

  it('filters as the person types, and follows a teammate’s highlight merged in later', async () => {
    const { page } = app;
    await withProjectAndPanel(page);
    await page.getByTestId('filter-text').click();
    await page.keyboard.type(FILTER);
    await expect.poll(() => annotationCount(page)).toBe(expected.filtered);
    expect((await renderedRows(page))[0]).toMatchObject({ at: 1, of: expected.filtered });

    await page.keyboard.press('Control+a');
    await page.keyboard.type('zanzibar');
    await expect.poll(() => annotationCount(page)).toBe(0);
    await mergeProjectFileBytes(page, 'team-later.marginalia', laterFile);
    await expect.poll(() => annotationCount(page)).toBe(1);
    expect(await page.locator('[data-testid="annotation-item"] .annotation-item__note').allTextContents()).toEqual([LATE_NOTE]);
    await saveScreenshot(page, 'annotations-long-filtered');
  });

  it('moves through rows with the keyboard, and keeps focus on a row the wheel scrolled away', async () => {
    const { page } = app;
    await withProjectAndPanel(page);
    await page.getByTestId('filter-text').click();
    await page.keyboard.press('Tab');
    expect(await focusedRow(page)).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await focusedRow(page)).toBe(3);

    await wheelTo(page, 400);
    expect(await focusedRow(page)).toBe(3);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedRow(page)).toBe(4);
    await page.keyboard.press('End');
    await expect.poll(() => focusedRow(page)).toBe(expected.total);
    await expect.poll(() => page.evaluate(() => {
      const box = document.activeElement?.getBoundingClientRect();
      const list = document.querySelector('.annotations-panel__list')?.getBoundingClientRect();
      return box !== undefined && list !== undefined && box.top >= list.top - 1 && box.bottom <= list.bottom + 1;
    })).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator(`.reader[data-document-id="${expected.lastDocument}"] .reader-document`).waitFor();
  });
});
