/**
 * End to end: the Agreement tab, by hand. Ana's and Babak's codings of known spans are
 * prepared in Node with the model (setup) and saved as a project file; Samira merges it
 * through "Merge project file…", opens an article, clicks Analysis → Agreement, and reads
 * agreement and κ from the screen: they match the known answer for all documents and, once
 * she chooses one document, for it alone. *Save CSV…* downloads the same figures, and
 * axe-core finds nothing serious in the panel. A second file bringing one more coding by Babak
 * changes the numbers on screen without reopening anything. Screenshots at 1440×900 and
 * 1280×800: tests/e2e/screenshots/agreement-*.png.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Article } from '#shared/documents/article.ts';
import { countCodePoints } from '#shared/export/units.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { buildCodedProject, type KnownCoding } from '../helpers/coded-project.ts';
import { completeFirstRun, dismissNotice, mergeProjectFileBytes } from './annotate-support.ts';
import { loadBundledArticles, openArticle } from './reader-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const app = useApp();
let articles: Article[];
let article: Article;

/** Ana codes Security on [0, 100), Babak on [50, 150) (UTF-16 = code points in this article's opening). */
const CODINGS: KnownCoding[] = [
  { by: 'Ana', document: ARTICLE, start: 0, end: 100, code: 'Security' },
  { by: 'Babak', document: ARTICLE, start: 50, end: 150, code: 'Security' },
];

function projectFile(codings: readonly KnownCoding[]): Buffer {
  return Buffer.from(encodeProjectFile(buildCodedProject(articles, ['Ana', 'Babak'], ['Security'], codings).doc));
}

/** Po and κ of a 2×2 table, written as the tab writes them. */
function expected(n: number, a: number, b: number, both: number): { agreement: string; kappa: string } {
  const po = (n - a - b + 2 * both) / n;
  const pe = (a / n) * (b / n) + (1 - a / n) * (1 - b / n);
  return { agreement: po.toFixed(3), kappa: ((po - pe) / (1 - pe)).toFixed(3) };
}

async function cell(page: Page, code: string, column: string): Promise<string> {
  return (await page.getByTestId('agreement-row').filter({ hasText: code }).locator(`[data-column="${column}"]`).textContent()) ?? '';
}

/** Waits until the Security row shows `value` in `column` (the tab re-reads after changes settle). */
async function waitForCell(page: Page, column: string, value: string): Promise<void> {
  await page.getByTestId('agreement-row').filter({ hasText: 'Security' }).locator(`[data-column="${column}"]`, { hasText: value }).waitFor();
}

/** axe-core's source, evaluated in the page (the app's CSP refuses injected scripts). */
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe-core violations inside the side panel, described. */
async function panelViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; help: string };
    const axe = (window as unknown as { axe: { run(context: string, options: object): Promise<{ violations: Result[] }> } }).axe;
    const result = await axe.run('.panel-drawer', { resultTypes: ['violations'] });
    return result.violations.filter((entry) => entry.impact === 'serious' || entry.impact === 'critical').map((entry) => `${entry.id}: ${entry.help}`);
  });
}

beforeAll(() => {
  articles = loadBundledArticles();
  article = articles.find((candidate) => candidate.meta.id === ARTICLE) as Article;
  expect(countCodePoints(article.text.slice(0, 150))).toBe(150);
});

describe('Analysis → Agreement', () => {
  it('shows the known agreement and kappa of two people\'s codings, for all documents and for one', async () => {
    const page = await app.newPage('Samira', { viewport: { width: 1440, height: 900 } });
    await page.goto(`${app.url}#/`);
    await completeFirstRun(page, 'Samira');
    await mergeProjectFileBytes(page, 'pilot.marginalia', projectFile(CODINGS));
    await dismissNotice(page);
    await openArticle(page, app.url, ARTICLE);

    await page.locator('.project-menu').getByRole('button', { name: 'Analysis', exact: true }).click();
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByTestId('agreement-table').waitFor();

    // The two people who coded most are compared at first.
    expect(await page.getByTestId('agreement-coder-a').locator('option:checked').textContent()).toBe('Ana (1)');
    expect(await page.getByTestId('agreement-coder-b').locator('option:checked').textContent()).toBe('Babak (1)');
    const all = articles.reduce((sum, each) => sum + countCodePoints(each.text), 0);
    const overAll = expected(all, 100, 100, 50);
    expect(await cell(page, 'Security', 'a')).toBe('100');
    expect(await cell(page, 'Security', 'b')).toBe('100');
    expect(await cell(page, 'Security', 'both')).toBe('50');
    expect(await cell(page, 'Security', 'agreement')).toBe(overAll.agreement);
    expect(await cell(page, 'Security', 'kappa')).toBe(overAll.kappa);
    expect(await cell(page, 'Security', 'jaccard')).toBe('0.333');
    expect(await page.getByTestId('agreement-legend').textContent()).toContain(`N = ${all.toLocaleString('en-GB')} in 5 documents`);
    await saveScreenshot(page, 'agreement-1440');
    expect(await panelViolations(page)).toEqual([]);
    // A Compare button per code exactly when the panel has a Compare tab to open.
    const compareTabs = await page.getByRole('tab', { name: 'Compare' }).count();
    expect(await page.getByRole('button', { name: 'Compare Security' }).count()).toBe(compareTabs);
    if (compareTabs > 0) {
      // Reachable where the table is: inside the panel, not past its edge in a scrolled-off column.
      const button = await page.getByRole('button', { name: 'Compare Security' }).boundingBox();
      const panel = await page.locator('.panel-drawer').boundingBox();
      expect(button !== null && panel !== null && button.x >= panel.x && button.x + button.width <= panel.x + panel.width).toBe(true);
    }

    // Save CSV… writes the table the command line writes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save CSV…' }).click()]);
    expect(download.suggestedFilename()).toBe('agreement-Ana-Babak.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\r\n')[1]).toMatch(new RegExp(`^Ana,Babak,[\\w-]{22},Security,${all},100,100,50,${all - 150},`));

    await page.getByTestId('agreement-documents').selectOption({ label: article.meta.title });
    const inOne = expected(countCodePoints(article.text), 100, 100, 50);
    await waitForCell(page, 'agreement', inOne.agreement);
    expect(await cell(page, 'Security', 'kappa')).toBe(inOne.kappa);
    const overall = page.getByTestId('agreement-overall');
    expect(await overall.locator('[data-column="kappa"]').textContent()).toBe(inOne.kappa);

    await page.setViewportSize({ width: 1280, height: 800 });
    await saveScreenshot(page, 'agreement-1280');
    // The panel stays inside the window; the table scrolls sideways inside it.
    const box = await page.locator('.panel-drawer').boundingBox();
    expect((box?.x ?? Infinity) + (box?.width ?? Infinity)).toBeLessThanOrEqual(1280);
    const view = await page.getByTestId('agreement-view').boundingBox();
    expect((view?.x ?? Infinity) + (view?.width ?? Infinity)).toBeLessThanOrEqual((box?.x ?? 0) + (box?.width ?? 0));
  });

  it('updates the numbers when more of a teammate\'s coding arrives', async () => {
    const page = await app.newPage('Samira', { viewport: { width: 1440, height: 900 } });
    await page.goto(`${app.url}#/`);
    await completeFirstRun(page, 'Samira');
    await mergeProjectFileBytes(page, 'pilot.marginalia', projectFile(CODINGS));
    await dismissNotice(page);
    await page.locator('.project-menu').getByRole('button', { name: 'Analysis', exact: true }).click();
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await waitForCell(page, 'both', '50');

    // Babak also codes [0, 50): his set becomes [0, 150), so both = 100.
    await mergeProjectFileBytes(page, 'pilot-later.marginalia', projectFile([...CODINGS, { by: 'Babak', document: ARTICLE, start: 0, end: 50, code: 'Security' }]));
    await waitForCell(page, 'both', '100');
    const all = articles.reduce((sum, each) => sum + countCodePoints(each.text), 0);
    expect(await cell(page, 'Security', 'b')).toBe('150');
    expect(await cell(page, 'Security', 'kappa')).toBe(expected(all, 100, 150, 100).kappa);
  });
});
