/**
 * End to end: the Export dialog in the browser build. A 200-highlight project (built in
 * Node with the model's functions, the bench's reference workload) is merged through the
 * "Merge project…" button; the dialog opens from Ctrl+E and from the "Export…" button,
 * closes on Escape, shows a live count and preview that follow the filters (checked
 * against the same query run in Node), and downloads CSV, Markdown, JSON-LD and .qdpx
 * files whose contents match what it showed. The JSON-LD is then imported into a fresh
 * browser context (an empty project) and its highlights appear in the reader; a malformed
 * file is refused with a clear message. Screenshots: tests/e2e/screenshots/export-*.png.
 *
 * Each test opens its own page and first does the earlier steps it builds on (the merge,
 * the filters, an export); the JSON-LD the import tests read is exported once in beforeAll,
 * in a page of its own.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { buildReferenceProject } from '../../bench/export.bench.ts';
import { buildExportContext, queryExcerpts, type ExcerptFilter } from '#shared/export/excerpts.ts';
import { codebookToQdc } from '#shared/export/refi-qda.ts';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { tagUsageCounts } from '#shared/model/queries.ts';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { completeFirstRun, dismissNotice, highlightTexts, mergeProjectFileBytes } from './annotate-support.ts';
import { loadBundledArticles, openArticle } from './reader-support.ts';

const articles = loadBundledArticles();
const project = buildReferenceProject(articles, 40);
const context = buildExportContext(project, articles, '');
const ARTICLE = articles[0]?.meta.id as string;
const theme = (name: string) => context.codebook.find((entry) => entry.name === name)?.id as TagId;
const member = (name: string) => context.members.find((entry) => entry.name === name)?.id as MemberId;

/** Chromium and the served renderer; no person's page may log an error in any test. */
const app = useApp();
/** The page the functions below act on: this test’s. */
let page: Page;
/** Every excerpt of the reference project as W3C Web Annotation JSON-LD, exported through the dialog in beforeAll. */
let exportedJson: Buffer;
/** The filters the counting test ends with, and the CSV test exports with. */
const FILTERED = (): ExcerptFilter => ({ tags: [theme('Theme 1'), theme('Code 2.1')], tagMatch: 'any', members: [member('Member 2')] });

async function newPage(name: string): Promise<Page> {
  const created = await app.newPage(name);
  await openArticle(created, app.url, ARTICLE);
  await completeFirstRun(created, name);
  return created;
}

/** A fresh page with the reference project merged (its notice dismissed). */
async function exporterWithReference(): Promise<Page> {
  const created = await newPage('Exporter');
  await mergeProjectFileBytes(created, 'reference.marginalia', Buffer.from(encodeProjectFile(project)));
  await dismissNotice(created);
  return created;
}

/** Sets the filters the counting test ends with (dialog open). */
async function chooseFilters(): Promise<void> {
  await page.getByTestId('export-tags').getByLabel(/^Theme 1\b/).check();
  await page.getByTestId('export-tags').getByLabel(/^Code 2\.1\b/).check();
  await page.getByRole('radio', { name: 'any of these' }).check();
  await page.getByTestId('export-people').getByLabel('Member 2').check();
  await page.getByLabel('Sort by').selectOption('date');
  await expect.poll(countText).toBe(expectedCount(FILTERED()));
}

/** A fresh, empty page (another person) with everything exported earlier imported through the dialog, which is closed again. */
async function restorerWithImport(): Promise<Page> {
  page = await newPage('Restorer');
  await openDialogFromButton();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import annotations (JSON-LD)…' }).click()]);
  await chooser.setFiles({ name: 'backup.jsonld', mimeType: 'application/ld+json', buffer: exportedJson });
  await page.getByTestId('import-outcome').filter({ hasText: 'Imported “backup.jsonld”' }).waitFor();
  await expect.poll(countText).toBe('200 excerpts match.');
  await page.keyboard.press('Escape');
  await dialog().waitFor({ state: 'detached' });
  return page;
}

beforeAll(async () => {
  page = await exporterWithReference();
  await openDialogFromButton();
  await page.getByRole('radio', { name: /Web Annotation/ }).check();
  exportedJson = (await download(() => page.getByRole('button', { name: /^Export Web Annotation…$/ }).click())).bytes;
});

const dialog = () => page.getByTestId('export-dialog');
const countText = () => page.getByTestId('export-count').textContent();
const expectedCount = (filter: ExcerptFilter) => `${queryExcerpts(project, articles, filter).length.toLocaleString('en-US')} excerpts match.`;

async function download(action: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), action()]) as [Download, void];
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

async function openDialogFromButton(): Promise<void> {
  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog().waitFor();
}

describe('the Export dialog', () => {
  it('opens with Ctrl+E and from the Export… button, focuses its first control, closes on Escape', async () => {
    page = await newPage('Exporter');
    await mergeProjectFileBytes(page, 'reference.marginalia', Buffer.from(encodeProjectFile(project)));
    await expect.poll(async () => (await page.getByTestId('notice').textContent()) ?? '').toContain('Merged');
    await page.locator('.reader-document').click();
    await page.keyboard.press('Control+e');
    await dialog().waitFor();
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).resolves.toBe('csv');
    await expect.poll(countText).toBe('200 excerpts match.');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await openDialogFromButton();
    await page.getByRole('dialog', { name: 'Export excerpts' }).waitFor();
  });

  it('counts and previews what the filters select, as the same query in Node does', async () => {
    page = await exporterWithReference();
    await openDialogFromButton();
    await expect.poll(countText).toBe(expectedCount({}));
    // Each tag shows how many highlights carry it or a tag under it (counted once the dialog is up).
    const themeCount = tagUsageCounts(project).get(theme('Theme 1'))?.total;
    await expect.poll(() => page.getByTestId('export-tags').locator('label', { hasText: /^Theme 1\b/ }).textContent()).toBe(`Theme 1 (${themeCount})`);
    await page.getByTestId('export-tags').getByLabel(/^Theme 1\b/).check();
    await expect.poll(countText).toBe(expectedCount({ tags: [theme('Theme 1')] }));
    const byTag = queryExcerpts(project, articles, { tags: [theme('Theme 1')] });
    await expect(page.getByTestId('export-preview').locator('.export-preview__item').count()).resolves.toBe(5);
    await expect(page.locator('.export-preview__document').first().textContent()).resolves.toBe(byTag[0]?.document.title);
    await expect(page.locator('.export-preview__quote').first().textContent()).resolves.toBe(byTag[0]?.quote.replace(/\s+/g, ' ').trim().slice(0, 220));

    await page.getByTestId('export-tags').getByLabel(/^Code 2\.1\b/).check();
    await page.getByRole('radio', { name: 'all of these' }).check();
    await expect.poll(countText).toBe(expectedCount({ tags: [theme('Theme 1'), theme('Code 2.1')], tagMatch: 'all' }));
    await page.getByRole('radio', { name: 'any of these' }).check();
    await page.getByTestId('export-people').getByLabel('Member 2').check();
    const filter: ExcerptFilter = { tags: [theme('Theme 1'), theme('Code 2.1')], tagMatch: 'any', members: [member('Member 2')] };
    await expect.poll(countText).toBe(expectedCount(filter));

    await page.getByLabel('Created from').fill('2030-01-01');
    await expect.poll(countText).toBe('0 excerpts match.');
    await expect(page.getByRole('button', { name: /^Export CSV/ }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Created from').fill('');
    await page.getByLabel('Only excerpts with a note').check();
    await expect.poll(countText).toBe(expectedCount({ ...filter, withNote: true }));
    await page.getByLabel('Only excerpts with a note').uncheck();
    await page.getByLabel('Sort by').selectOption('date');
    await expect.poll(countText).toBe(expectedCount(filter));
    await page.getByTestId('export-dialog-scroll').evaluate((element) => element.scrollTo(0, 0));
    await saveScreenshot(page, 'export-dialog');
  });

  it('downloads a CSV whose rows are the excerpts the dialog counted, in its sort order', async () => {
    page = await exporterWithReference();
    await openDialogFromButton();
    await chooseFilters();
    const filter: ExcerptFilter = { tags: [theme('Theme 1'), theme('Code 2.1')], tagMatch: 'any', members: [member('Member 2')] };
    const expected = queryExcerpts(project, articles, filter, 'date');
    const shownCount = Number((await countText())?.split(' ')[0]);
    const file = await download(() => page.getByRole('button', { name: /^Export CSV/ }).click());
    // Named after this project, which keeps its own name when another project's file is merged in.
    expect(file.name).toMatch(/^personal-project-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(file.bytes.toString('utf8'), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(shownCount);
    expect(rows.map((row) => row.highlight_id)).toEqual(expected.map((excerpt) => excerpt.id));
    expect(rows[0]?.quote).toBe(expected[0]?.quote);
    await expect.poll(async () => (await page.getByTestId('notice').textContent()) ?? '').toContain(`Exported ${shownCount} excerpts to ${file.name}`);
    await dialog().waitFor({ state: 'detached' });
  });

  it('keeps the choices when reopened and exports Excel CSV per tag, Markdown, JSON-LD and .qdpx', async () => {
    // The filters chosen and a CSV exported, which closes the dialog.
    page = await exporterWithReference();
    await openDialogFromButton();
    await chooseFilters();
    await download(() => page.getByRole('button', { name: /^Export CSV/ }).click());
    await dialog().waitFor({ state: 'detached' });
    await openDialogFromButton();
    await expect(page.getByTestId('export-people').getByLabel('Member 2').isChecked()).resolves.toBe(true);
    await page.getByLabel('Rows').selectOption('tag');
    await page.getByLabel('Excel (UTF-8 BOM)').check();
    const perTag = await download(() => page.getByRole('button', { name: /^Export CSV/ }).click());
    expect([...perTag.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const tagRows = parse(perTag.bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(new Set(tagRows.map((row) => row.highlight_id)).size).toBeLessThan(tagRows.length);

    await openDialogFromButton();
    await page.getByTestId('export-people').getByLabel('Member 2').uncheck();
    for (const name of ['Theme 1', 'Code 2.1']) await page.getByTestId('export-tags').getByLabel(new RegExp(`^${name.replace('.', '\\.')}\\b`)).uncheck();
    await expect.poll(countText).toBe('200 excerpts match.');
    await page.getByRole('radio', { name: /^Markdown/ }).check();
    await page.getByLabel('Group by').selectOption('document');
    const md = await download(() => page.getByRole('button', { name: /^Export Markdown…$/ }).click());
    expect(md.name).toMatch(/\.md$/);
    const markdown = md.bytes.toString('utf8');
    for (const article of articles) expect(markdown).toContain(article.meta.title.split(':')[0] as string);
    expect(markdown.split('\n').filter((line) => line.startsWith('> ')).length).toBeGreaterThanOrEqual(200);

    await openDialogFromButton();
    await page.getByRole('radio', { name: /Web Annotation/ }).check();
    const json = await download(() => page.getByRole('button', { name: /^Export Web Annotation…$/ }).click());
    expect(json.name).toMatch(/\.jsonld$/);
    const collection = JSON.parse(json.bytes.toString('utf8')) as { first: { items: unknown[] } | undefined };
    expect(collection.first?.items.length).toBe(200);

    await openDialogFromButton();
    await page.getByRole('radio', { name: /REFI-QDA project/ }).check();
    const qdpx = await download(() => page.getByRole('button', { name: /^Export REFI-QDA project…$/ }).click());
    const files = unzipSync(new Uint8Array(qdpx.bytes));
    const qde = strFromU8(files['project.qde'] as Uint8Array);
    expect(qde.match(/<CodeRef /g)?.length).toBeGreaterThanOrEqual(200);
  });
});

describe('importing', () => {
  it('recreates the exported highlights in an empty project (a fresh browser context)', async () => {
    page = await newPage('Restorer');
    await openDialogFromButton();
    await expect.poll(countText).toBe('0 excerpts match.');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import annotations (JSON-LD)…' }).click()]);
    await chooser.setFiles({ name: 'backup.jsonld', mimeType: 'application/ld+json', buffer: exportedJson });
    await expect(page.getByTestId('import-outcome').textContent()).resolves.toMatch(/^Imported “backup\.jsonld”: 200 highlights, \d+ tags/);
    await expect.poll(countText).toBe('200 excerpts match.');
    await saveScreenshot(page, 'export-after-import');
    await page.keyboard.press('Escape');
    const inArticle = queryExcerpts(project, articles, { documents: [ARTICLE] }).length;
    await expect.poll(async () => Object.keys(await highlightTexts(page)).length).toBe(inArticle);
  });

  it('refuses a malformed file with a clear message and leaves the project as it was', async () => {
    page = await restorerWithImport();
    await openDialogFromButton();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import annotations (JSON-LD)…' }).click()]);
    await chooser.setFiles({ name: 'broken.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from('{"type": "AnnotationCollection", "first": ') });
    const outcome = page.getByTestId('import-outcome');
    await expect(outcome.getAttribute('role')).resolves.toBe('alert');
    await expect(outcome.textContent()).resolves.toBe('“broken.jsonld” was not imported. Cannot import: the file is not valid JSON. Your project is unchanged.');
    // Said where the person is: inside the dialog's visible area, and not a second time in a
    // notice behind the dialog's backdrop (shown in the same update as the answer, if at all).
    const visible = await outcome.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      const area = element.closest('[data-testid="export-dialog-scroll"]')?.getBoundingClientRect();
      return area !== undefined && rect.top >= area.top && rect.bottom <= area.bottom;
    });
    expect(visible).toBe(true);
    expect(await page.getByTestId('notice').count()).toBe(0);
    await expect.poll(countText).toBe('200 excerpts match.');
    await saveScreenshot(page, 'export-import-refused');
  });

  it('seeds the codebook from a REFI-QDA .qdc', async () => {
    page = await newPage('Restorer');
    await openDialogFromButton();
    const qdc = codebookToQdc({ ...context, codebook: [{ id: 'x', name: 'Imported theme', colour: '#123456', description: 'From ATLAS.ti', parentId: null }] }).data;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import codebook (.qdc)…' }).click()]);
    await chooser.setFiles({ name: 'codes.qdc', mimeType: 'application/xml', buffer: Buffer.from(qdc) });
    await expect(page.getByTestId('import-outcome').textContent()).resolves.toBe('Imported the codebook “codes.qdc”: 1 new tag.');
    // The filter list re-renders on the next frame after the import.
    await page.getByTestId('export-tags').getByLabel(/^Imported theme\b/).waitFor();
  });
});
