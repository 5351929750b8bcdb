/**
 * End to end: a code's segments across the corpus. Samira merges the analysis fixture
 * (tests/helpers/analysis-project.ts) through "Merge project file…", opens the Codebook and clicks
 * "Segments" on Security's row: the Analysis panel opens on Segments with Security's three
 * segments grouped by article, each in context with its codes, who applied them, the note
 * and its reply. A click on the BRICS segment opens that article with the highlight
 * focused; Print… leaves only the segments on the printed page.
 * Screenshots: tests/e2e/screenshots/analysis-segments-*.png.
 */
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { BRICS, buildAnalysisFixture, DISPUTES, NOTE, REPLY } from '../helpers/analysis-project.ts';
import { completeFirstRun, dismissNotice, mergeProjectFileBytes, openPanel } from './annotate-support.ts';
import { openArticle } from './reader-support.ts';

const fixture = buildAnalysisFixture();
const app = useAppPage({ viewport: { width: 1280, height: 800 } });

describe('segments of a code', () => {
  it('opens from a codebook row and lists every segment in context, with coders, note and reply', async () => {
    const { page } = app;
    await openArticle(page, app.url, DISPUTES);
    await completeFirstRun(page, 'Samira');
    await mergeProjectFileBytes(page, 'analysis.marginalia', fixture.bytes);
    await dismissNotice(page);
    await openPanel(page, 'Codebook');
    await page.getByRole('button', { name: 'Segments of Security' }).click();

    const panel = page.getByTestId('panel-analysis');
    await expect.poll(() => page.getByRole('tab', { name: 'Segments' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('segments-count').textContent()).toBe('3 segments coded Security in the corpus');
    const groups = panel.getByTestId('segment-group');
    await expect(groups.evaluateAll((sections) => sections.map((section) => section.getAttribute('data-document-id')))).resolves.toEqual([DISPUTES, BRICS]);
    await expect(panel.getByTestId('segment-group-count').allTextContents()).resolves.toEqual(['2', '1']);
    await expect(panel.locator('.segment__quote').allTextContents()).resolves.toEqual([fixture.quotes.h1, fixture.quotes.h3, fixture.quotes.h4]);

    const first = panel.getByTestId('segment').first();
    await expect(first.getByTestId('segment-codes').textContent()).resolves.toBe('Security · AnaEnergy · Ana');
    await expect(first.getByTestId('segment-note').textContent()).resolves.toContain(NOTE);
    await expect(first.getByTestId('segment-reply').textContent()).resolves.toBe(`${REPLY} — Bora`);
    const context = await first.locator('.segment__text').textContent();
    expect(context?.length).toBeGreaterThan(fixture.quotes.h1.length + 20);
    await expect(panel.getByTestId('segment').last().getByTestId('segment-codes').textContent()).resolves.toBe('Security · BoraAlliances · Bora');
    await saveScreenshot(page, 'analysis-segments');

    await page.getByTestId('segments-document').selectOption({ label: (fixture.articles.find((article) => article.meta.id === BRICS))?.meta.title ?? '' });
    await expect.poll(() => panel.getByTestId('segment').count()).toBe(1);

    await panel.getByTestId('segment').first().click();
    await page.locator(`.reader[data-document-id="${BRICS}"] .reader-document`).waitFor();
    const mark = page.locator('mark.hl').filter({ hasText: 'power' }).first();
    await expect.poll(() => mark.getAttribute('class')).toContain('hl-focused');
  });

  it('prints only the segments', async () => {
    const { page } = app;
    await openArticle(page, app.url, DISPUTES);
    await completeFirstRun(page, 'Samira');
    await mergeProjectFileBytes(page, 'analysis.marginalia', fixture.bytes);
    await dismissNotice(page);
    await openPanel(page, 'Codebook');
    await page.getByRole('button', { name: 'Segments of Energy' }).click();
    await expect.poll(() => page.getByTestId('segments-count').textContent()).toBe('3 segments coded Energy in the corpus');
    await page.getByRole('button', { name: 'Print…' }).click();

    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('print-sheet');
    await sheet.waitFor({ state: 'visible' });
    await expect(page.locator('#root').isVisible()).resolves.toBe(false);
    await expect(sheet.locator('h1').textContent()).resolves.toBe('Energy');
    await expect(sheet.locator('.segment__quote').allTextContents()).resolves.toEqual([fixture.quotes.h1, fixture.quotes.h2, fixture.quotes.h5]);
    await saveScreenshot(page, 'analysis-segments-print', true);
    await page.emulateMedia({ media: 'screen' });
    await expect(sheet.isVisible()).resolves.toBe(false);
  });
});
