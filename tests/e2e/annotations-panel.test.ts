/**
 * End to end: the annotations panel ("retrieve segments") across the corpus. Zaur codes
 * two articles with a parent tag and its child and writes a note; Nigar (another browser
 * context) merges his project file, adds her own highlight and note, and he merges hers.
 * The panel then filters by tag (a parent includes its children), by person, by document
 * (listed by title), with-note only and by text in quote or note; clicking a result opens
 * its article, scrolls the highlight into view and focuses it — from the reader and from
 * the library screen. Screenshots: tests/e2e/screenshots/annotations-*.png.
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
let zaur: Page;
let nigar: Page;

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
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-text');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

async function quotes(page: Page): Promise<string[]> {
  return (await page.locator('[data-testid="annotation-item"] .annotation-item__quote').allTextContents()).map((quote) => quote.slice(1, -1)).sort();
}

beforeAll(async () => {
  zaur = await person('Zaur', DISPUTES.id);
  nigar = await person('Nigar', BRICS.id);
});

describe('the annotations panel', () => {
  it('collects two people’s highlights across two articles', async () => {
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
    await openPanel(zaur, 'Annotations');
    await expect.poll(() => annotationCount(zaur)).toBe(4);
  });

  it('shows document titles, not ids', async () => {
    const metas = await zaur.getByTestId('annotation-document').allTextContents();
    expect(metas.some((meta) => meta.startsWith(DISPUTES.title))).toBe(true);
    expect(metas.some((meta) => meta.startsWith(BRICS.title))).toBe(true);
    expect(metas.join('\n')).not.toContain(DISPUTES.id);
    const options = await zaur.getByTestId('filter-document').locator('option').allTextContents();
    expect(options[0]).toBe('All documents');
    expect(options.slice(1).sort()).toEqual([BRICS.title, expect.stringContaining(DISPUTES.title)].sort());
  });

  it('filters by tag; a parent includes its children', async () => {
    await zaur.getByTestId('filter-tag').selectOption({ label: 'Geopolitics' });
    await expect.poll(() => quotes(zaur)).toEqual(['energy projects', 'geopolitical dynamics', 'transformative period']);
    await zaur.getByTestId('filter-tag').selectOption({ label: '\u2003Energy' });
    await expect.poll(() => quotes(zaur)).toEqual(['energy projects', 'transformative period']);
    await saveScreenshot(zaur, 'annotations-filter-tag');
    await zaur.getByTestId('filter-tag').selectOption({ label: 'All tags' });
  });

  it('filters by person', async () => {
    await zaur.getByTestId('filter-person').selectOption({ label: 'Nigar' });
    await expect.poll(() => quotes(zaur)).toEqual(['power balance']);
    await zaur.getByTestId('filter-person').selectOption({ label: 'Zaur' });
    await expect.poll(() => annotationCount(zaur)).toBe(3);
    await zaur.getByTestId('filter-person').selectOption({ label: 'Everyone' });
  });

  it('filters by document', async () => {
    await zaur.getByTestId('filter-document').selectOption({ label: BRICS.title });
    await expect.poll(() => quotes(zaur)).toEqual(['power balance', 'transformative period']);
    await zaur.getByTestId('filter-document').selectOption({ label: 'All documents' });
  });

  it('filters to highlights with a note, and by text in quote or note', async () => {
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
    await zaur.getByTestId('annotation-item').filter({ hasText: 'geopolitical dynamics' }).click();
    await zaur.locator(`.reader[data-document-id="${DISPUTES.id}"] .reader-document`).waitFor();
    const mark = zaur.locator('mark.hl').filter({ hasText: 'geopolitical dynamics' }).first();
    await expect.poll(() => mark.getAttribute('class')).toContain('hl-focused');
    await expect.poll(() => inViewport(zaur, 'geopolitical dynamics')).toBe(true);
    await saveScreenshot(zaur, 'annotations-jump');
  });

  it('jumps from the library screen too', async () => {
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
