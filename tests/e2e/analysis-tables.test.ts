/**
 * End to end: the two tables of the Analysis panel over the analysis fixture
 * (tests/helpers/analysis-project.ts, worked out by hand there), merged through "Merge project file…".
 * Codes × documents: counts per code and article, totals, and a click on a count opening
 * that code's segments in that article. Co-occurrence: n12 and c per ordered pair, a click
 * listing the cell's segments below the table, and "Save CSV…" downloading every pair.
 * Screenshots: tests/e2e/screenshots/analysis-matrix.png, analysis-cooccurrence.png.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { BRICS, buildAnalysisFixture, DISPUTES } from '../helpers/analysis-project.ts';
import { completeFirstRun, dismissNotice, mergeProjectFileBytes } from './annotate-support.ts';
import { openArticle } from './reader-support.ts';
import { seriousViolations } from './axe-scan.ts';

const fixture = buildAnalysisFixture();
const ids = fixture.articles.map((article) => article.meta.id);
const app = useAppPage({ viewport: { width: 1440, height: 900 } });

/** Opens the fixture in a fresh page and the Analysis panel on tab `tab`. */
async function openTab(page: Page, tab: string): Promise<void> {
  await openArticle(page, app.url, DISPUTES);
  await completeFirstRun(page, 'Samira');
  await mergeProjectFileBytes(page, 'analysis.marginalia', fixture.bytes);
  await dismissNotice(page);
  await page.locator('.project-menu').getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('tab', { name: tab }).click();
}

/** The cells of a table row as shown, by the row's code name. */
function row(page: Page, code: string): Promise<string[]> {
  return page.locator(`tr[data-code="${code}"] td`).allTextContents();
}

/** The cells of a co-occurrence row as shown: "n12 c", "0" or "—". */
function pairs(page: Page, code: string): Promise<string[]> {
  return page.locator(`tr[data-code="${code}"] td`).evaluateAll((cells) => cells.map((cell) => {
    const n12 = cell.querySelector('.cooccurrence__n12');
    return n12 === null ? (cell.textContent ?? '') : `${n12.textContent} ${cell.querySelector('.cooccurrence__c')?.textContent}`;
  }));
}

/** Counts per article in manifest order, with DISPUTES and BRICS set. */
function perArticle(disputes: number, brics: number): string[] {
  return ids.map((id) => String(id === DISPUTES ? disputes : id === BRICS ? brics : 0));
}

describe('analysis tables', () => {
  it('Codes × documents: counts per code and article, and a click shows that cell’s segments', async () => {
    const { page } = app;
    await openTab(page, 'Codes × documents');
    await page.getByTestId('code-matrix').waitFor();
    await expect(row(page, 'Alliances')).resolves.toEqual([...perArticle(0, 1), '1']);
    await expect(row(page, 'Energy')).resolves.toEqual([...perArticle(2, 1), '3']);
    await expect(row(page, 'Security')).resolves.toEqual([...perArticle(2, 1), '3']);
    await expect(page.getByTestId('matrix-document-total').allTextContents()).resolves.toEqual(perArticle(3, 2));
    await expect(page.getByTestId('matrix-total').textContent()).resolves.toBe('5');
    await saveScreenshot(page, 'analysis-matrix');
    await expect(seriousViolations(page, 'codes × documents')).resolves.toEqual([]);

    const title = fixture.articles.find((article) => article.meta.id === DISPUTES)?.meta.title ?? '';
    await page.getByRole('button', { name: `2 Security in ${title}` }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Segments' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByTestId('segments-count').textContent()).toBe(`2 segments coded Security in ${title}`);
    const panel = page.getByTestId('panel-analysis');
    await expect(panel.locator('.segment__quote').allTextContents()).resolves.toEqual([fixture.quotes.h1, fixture.quotes.h3]);
    await expect(seriousViolations(page, 'segments')).resolves.toEqual([]);
  });

  it('Co-occurrence: n12 and c per pair, the segments behind a cell, and the CSV', async () => {
    const { page } = app;
    await openTab(page, 'Co-occurrence');
    await page.getByTestId('cooccurrence-table').waitFor();
    // Codes in codebook order: Alliances (n 1), Energy (n 3), Security (n 3).
    await expect(page.locator('tbody th[scope="row"]').allTextContents()).resolves.toEqual(['Alliances (1)', 'Energy (3)', 'Security (3)']);
    await expect(pairs(page, 'Alliances')).resolves.toEqual(['—', '1 0.3333', '1 0.3333']);
    await expect(pairs(page, 'Energy')).resolves.toEqual(['1 0.3333', '—', '3 1.0000']);
    await expect(pairs(page, 'Security')).resolves.toEqual(['1 0.3333', '2 0.5000', '—']);

    await page.getByRole('button', { name: /^Security with Energy: 2\s*, c 0\.5000$/ }).click();
    await expect.poll(() => page.getByTestId('cooccurrence-chosen').textContent()).toBe('Security with Energy');
    const chosen = page.getByRole('region', { name: 'Segments of the chosen cell' });
    await expect(chosen.locator('.segment__quote').allTextContents()).resolves.toEqual([fixture.quotes.h1, fixture.quotes.h2, fixture.quotes.h4, fixture.quotes.h5]);
    await saveScreenshot(page, 'analysis-cooccurrence');
    await expect(seriousViolations(page, 'co-occurrence')).resolves.toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save CSV…' }).click()]);
    expect(download.suggestedFilename()).toBe('co-occurrence.csv');
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('code_1,code_2,n1,n2,n12,c,code_1_id,code_2_id');
    expect(lines.map((line) => line.split(',').slice(0, 6).join(','))).toEqual([
      'code_1,code_2,n1,n2,n12,c',
      'Alliances,Energy,1,3,1,0.3333',
      'Alliances,Security,1,3,1,0.3333',
      'Energy,Alliances,3,1,1,0.3333',
      'Energy,Security,3,3,3,1.0000',
      'Security,Alliances,3,1,1,0.3333',
      'Security,Energy,3,3,2,0.5000',
    ]);
  });
});
