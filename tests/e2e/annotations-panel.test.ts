/**
 * End to end: the annotations panel ("retrieve segments") across the corpus. Zaur codes
 * two articles with a parent tag and its child and writes a note; Nigar (another browser
 * context) merges his project file, adds her own highlight and note, and he merges hers.
 * The panel then filters by tag (a parent includes its children), by person, by document
 * (listed by title), with-note only and by text in quote or note; clicking a result opens
 * its article, scrolls the highlight into view and focuses it — from the reader and from
 * the library screen. Screenshots: tests/e2e/screenshots/annotations-*.png.
 *
 * The first test does the exchange itself. For the others, beforeAll does it once in pages
 * of its own and keeps only Zaur's resulting project file and his identity; each test then
 * opens a fresh context as Zaur on another machine, merges that file and opens the panel —
 * no test sees what another did.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import {
  addTagInCodebook,
  annotationCount,
  closePanel,
  completeFirstRun,
  dismissNotice,
  highlightPhrase,
  mergeProjectFileBytes,
  openPanel,
  saveProjectFile,
  tagPhrase,
} from './annotate-support.ts';

const DISPUTES = { id: 'russia-azerbaijan-disputes', title: 'Disputes Between Russia and Azerbaijan' };
const BRICS = { id: 'azerbaijan-brics-and-the-west', title: 'Azerbaijan’s foreign policy course' };

/** Chromium and the served renderer; no person's page may log an error in any test. */
const app = useApp();
/** This test's Zaur. */
let zaur: Page;
/** Zaur's project after the exchange, and his identity (localStorage), made once in beforeAll. */
let exchanged: { project: Buffer; member: string };

async function person(name: string, article: string): Promise<Page> {
  const page = await app.newPage(name);
  await openArticle(page, app.url, article);
  await completeFirstRun(page, name);
  return page;
}

/** Writes `text` into the note of the highlight on `phrase` (through the margin). */
async function writeNote(page: Page, phrase: string, text: string): Promise<void> {
  await page.locator('mark.hl').filter({ hasText: phrase }).first().click();
  await page.getByTestId('add-note').click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'note-text');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

async function quotes(page: Page): Promise<string[]> {
  return (await page.locator('[data-testid="annotation-item"] .annotation-item__quote').allTextContents()).map((quote) => quote.slice(1, -1)).sort();
}

/**
 * Zaur codes two articles (a parent tag and its child, a note) and sends his file to Nigar,
 * who adds a highlight with a note and sends hers back; Zaur merges it. Ends with Zaur on
 * the second article.
 */
async function exchange(zaur: Page, nigar: Page): Promise<void> {
  await openPanel(zaur, 'Codebook');
  await addTagInCodebook(zaur, 'Geopolitics');
  await addTagInCodebook(zaur, 'Energy', 'Geopolitics');
  await closePanel(zaur);
  await tagPhrase(zaur, 'geopolitical dynamics', 'Geopolitics');
  await tagPhrase(zaur, 'energy projects', 'Energy');
  await openArticle(zaur, app.url, BRICS.id);
  await tagPhrase(zaur, 'transformative period', 'Energy');
  await writeNote(zaur, 'transformative period', 'Pipeline politics drive this shift.');
  await mergeProjectFileBytes(nigar, 'zaur.marginalia', await saveProjectFile(zaur));

  await highlightPhrase(nigar, 'power balance');
  await writeNote(nigar, 'power balance', 'Compare with the 2020 settlement.');
  await mergeProjectFileBytes(zaur, 'nigar.marginalia', await saveProjectFile(nigar));
}

beforeAll(async () => {
  const zaurBefore = await person('Zaur', DISPUTES.id);
  await exchange(zaurBefore, await person('Nigar', BRICS.id));
  await dismissNotice(zaurBefore);
  const member = await zaurBefore.evaluate(() => localStorage.getItem('marginalia.member.v1'));
  if (member === null) throw new Error('Zaur has no stored identity');
  exchanged = { project: await saveProjectFile(zaurBefore), member };
});

/** This test's Zaur: a fresh context with his identity and his project, the Annotations panel open on the second article. */
async function zaurWithProject(): Promise<Page> {
  const page = await app.newPage('Zaur');
  await page.addInitScript((member) => localStorage.setItem('marginalia.member.v1', member), exchanged.member);
  await openArticle(page, app.url, BRICS.id);
  await page.locator('.project-menu').waitFor();
  await mergeProjectFileBytes(page, 'zaur.marginalia', exchanged.project);
  await dismissNotice(page);
  await openPanel(page, 'Annotations');
  await expect.poll(() => annotationCount(page)).toBe(4);
  return page;
}

describe('the annotations panel', () => {
  it('collects two people’s highlights across two articles', async () => {
    zaur = await person('Zaur', DISPUTES.id);
    await exchange(zaur, await person('Nigar', BRICS.id));
    await openPanel(zaur, 'Annotations');
    await expect.poll(() => annotationCount(zaur)).toBe(4);
  });

  it('shows document titles, not ids', async () => {
    zaur = await zaurWithProject();
    const metas = await zaur.getByTestId('annotation-document').allTextContents();
    expect(metas.some((meta) => meta.startsWith(DISPUTES.title))).toBe(true);
    expect(metas.some((meta) => meta.startsWith(BRICS.title))).toBe(true);
    expect(metas.join('\n')).not.toContain(DISPUTES.id);
    const options = await zaur.getByTestId('filter-document').locator('option').allTextContents();
    expect(options[0]).toBe('All documents');
    expect(options.slice(1).sort()).toEqual([BRICS.title, expect.stringContaining(DISPUTES.title)].sort());
  });

  it('filters by tag; a parent includes its children', async () => {
    zaur = await zaurWithProject();
    await zaur.getByTestId('filter-tag').selectOption({ label: 'Geopolitics' });
    await expect.poll(() => quotes(zaur)).toEqual(['energy projects', 'geopolitical dynamics', 'transformative period']);
    await zaur.getByTestId('filter-tag').selectOption({ label: '\u2003Energy' });
    await expect.poll(() => quotes(zaur)).toEqual(['energy projects', 'transformative period']);
    await saveScreenshot(zaur, 'annotations-filter-tag');
    await zaur.getByTestId('filter-tag').selectOption({ label: 'All tags' });
  });

  it('filters by person', async () => {
    zaur = await zaurWithProject();
    await zaur.getByTestId('filter-person').selectOption({ label: 'Nigar' });
    await expect.poll(() => quotes(zaur)).toEqual(['power balance']);
    await zaur.getByTestId('filter-person').selectOption({ label: 'Zaur' });
    await expect.poll(() => annotationCount(zaur)).toBe(3);
    await zaur.getByTestId('filter-person').selectOption({ label: 'Everyone' });
  });

  it('filters by document', async () => {
    zaur = await zaurWithProject();
    await zaur.getByTestId('filter-document').selectOption({ label: BRICS.title });
    await expect.poll(() => quotes(zaur)).toEqual(['power balance', 'transformative period']);
    await zaur.getByTestId('filter-document').selectOption({ label: 'All documents' });
  });

  it('filters to highlights with a note, and by text in quote or note', async () => {
    zaur = await zaurWithProject();
    await zaur.getByTestId('filter-with-note').check();
    await expect.poll(() => quotes(zaur)).toEqual(['power balance', 'transformative period']);
    await zaur.getByTestId('filter-with-note').uncheck();
    await zaur.getByTestId('filter-text').fill('pipeline');
    await expect.poll(() => quotes(zaur)).toEqual(['transformative period']);
    await zaur.getByTestId('filter-text').fill('energy proj');
    await expect.poll(() => quotes(zaur)).toEqual(['energy projects']);
    await saveScreenshot(zaur, 'annotations-filter-text');
    await zaur.getByTestId('filter-text').fill('');
    await expect.poll(() => annotationCount(zaur)).toBe(4);
  });

  it('jumps to a highlight in another article: opened, scrolled into view, focused', async () => {
    zaur = await zaurWithProject();
    await zaur.getByTestId('annotation-item').filter({ hasText: 'geopolitical dynamics' }).click();
    await zaur.locator(`.reader[data-document-id="${DISPUTES.id}"] .reader-document`).waitFor();
    const mark = zaur.locator('mark.hl').filter({ hasText: 'geopolitical dynamics' }).first();
    await expect.poll(() => mark.getAttribute('class')).toContain('hl-focused');
    await expect.poll(() => inViewport(zaur, 'geopolitical dynamics')).toBe(true);
    await saveScreenshot(zaur, 'annotations-jump');
  });

  it('jumps from the library screen too', async () => {
    zaur = await zaurWithProject();
    await zaur.goto(`${app.url}#/`);
    await zaur.locator('.project-menu').waitFor();
    await openPanel(zaur, 'Annotations');
    await zaur.getByTestId('annotation-item').filter({ hasText: 'power balance' }).click();
    await zaur.locator(`.reader[data-document-id="${BRICS.id}"] .reader-document`).waitFor();
    const mark = zaur.locator('mark.hl').filter({ hasText: 'power balance' }).first();
    await expect.poll(() => mark.getAttribute('class')).toContain('hl-focused');
    await expect.poll(() => inViewport(zaur, 'power balance')).toBe(true);
  });
});

/** True when the first mark with `phrase` lies inside the reader's visible area. */
async function inViewport(page: Page, phrase: string): Promise<boolean> {
  return page.locator('mark.hl').filter({ hasText: phrase }).first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    const pane = document.querySelector('.main-pane')?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
    return box.top >= pane.top && box.bottom <= Math.min(pane.bottom, window.innerHeight) && box.height > 0;
  });
}
