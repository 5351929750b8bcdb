/**
 * End to end: the Export dialog as a person in a German-speaking browser sees it on a
 * 1280×800 screen. Each test starts from an empty profile (browser locale de-DE), does the
 * first run, highlights a phrase with a mouse drag and opens the dialog from the "Export…"
 * button or Ctrl+E. It checks that the dialog scrolls as one region (a wheel over a list
 * moves the whole dialog; no list scrolls inside it), that the action button names the
 * chosen format as people say it, that dates are typed and shown as ISO YYYY-MM-DD whatever
 * the locale, and that the downloaded file is named `<project>-<YYYY-MM-DD>.<ext>`.
 * Screenshots: tests/e2e/screenshots/export-dialog-1280x800.png (and -scrolled).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useApp } from '../helpers/app-page.ts';
import { collectPageErrors, saveScreenshot } from '../helpers/browser.ts';
import { completeFirstRun, highlightPhrase } from './annotate-support.ts';
import { openArticle } from './reader-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const PHRASE = 'mutual distrust';

const app = useApp();
let context: BrowserContext | undefined;
let page: Page;
let errors: string[] = [];

beforeEach(async () => {
  context = await app.browser.browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  page = await context.newPage();
  errors = collectPageErrors(page);
  await openArticle(page, app.url, ARTICLE);
  await completeFirstRun(page, 'Leyla');
  await highlightPhrase(page, PHRASE);
});

afterEach(async () => {
  await context?.close();
  context = undefined;
  expect(errors, errors.join('\n')).toEqual([]);
});

const dialog = () => page.getByTestId('export-dialog');
const countText = () => page.getByTestId('export-count').textContent();

async function openFromButton(): Promise<void> {
  await page.getByRole('button', { name: 'Export…' }).click();
  await dialog().waitFor();
  await expect.poll(countText).toBe('1 excerpt match.');
}

/** Today's local day as YYYY-MM-DD (the browser runs in this machine's time zone). */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

describe('the Export dialog at 1280×800 in a de-DE browser', () => {
  it('scrolls as one region: a wheel over the documents list moves the whole dialog, header and footer stay', async () => {
    await openFromButton();
    const scrollers = await dialog().evaluate((root) =>
      [root, ...root.querySelectorAll('*')]
        .filter((element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowY))
        .map((element) => element.getAttribute('data-testid') ?? element.className),
    );
    expect(scrollers).toEqual(['export-dialog-scroll']);
    await saveScreenshot(page, 'export-dialog-1280x800');

    const region = page.getByTestId('export-dialog-scroll');
    const box = await region.boundingBox();
    const dialogBox = await dialog().boundingBox();
    expect(dialogBox !== null && dialogBox.y >= 0 && dialogBox.y + dialogBox.height <= 800).toBe(true);
    const overflows = await region.evaluate((element) => element.scrollHeight > element.clientHeight);
    expect(overflows).toBe(true);

    const documents = await page.getByTestId('export-documents').boundingBox();
    if (documents === null || box === null) throw new Error('the documents list or the scroll region is not laid out');
    await page.mouse.move(documents.x + documents.width / 2, documents.y + Math.min(documents.height, box.y + box.height - documents.y) / 2);
    await page.mouse.wheel(0, 2000);
    const importButton = page.getByRole('button', { name: 'Import codebook (.qdc)…' });
    await expect.poll(async () => {
      const button = await importButton.boundingBox();
      return button !== null && button.y >= box.y && button.y + button.height <= box.y + box.height;
    }).toBe(true);
    await page.getByRole('button', { name: 'Export CSV…', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Export excerpts' }).waitFor();
    await saveScreenshot(page, 'export-dialog-1280x800-scrolled');
  });

  it('names the chosen format on the action button as people say it', async () => {
    await page.locator('.reader-document').click();
    await page.keyboard.press('Control+e');
    await dialog().waitFor();
    const expected: [RegExp, string][] = [
      [/^Markdown/, 'Export Markdown…'],
      [/^Web Annotation/, 'Export Web Annotation…'],
      [/^REFI-QDA project/, 'Export REFI-QDA project…'],
      [/^REFI-QDA codebook/, 'Export REFI-QDA codebook…'],
      [/^CSV/, 'Export CSV…'],
    ];
    for (const [radio, button] of expected) {
      await dialog().getByRole('radio', { name: radio }).click();
      await page.getByRole('button', { name: button, exact: true }).waitFor();
    }
  });

  it('takes and shows dates as YYYY-MM-DD, not in the browser locale, and says how to write one', async () => {
    await openFromButton();
    const from = page.getByLabel('Created from');
    await from.click();
    await page.keyboard.type('2030-01-01');
    await expect.poll(countText).toBe('0 excerpts match.');
    await expect(from.inputValue()).resolves.toBe('2030-01-01');
    await expect(from.getAttribute('placeholder')).resolves.toBe('YYYY-MM-DD');

    await page.keyboard.press('Control+a');
    await page.keyboard.type('2020-01-01');
    await expect.poll(countText).toBe('1 excerpt match.');

    await page.getByLabel('to', { exact: true }).click();
    await page.keyboard.type('31.12.2030');
    await expect.poll(countText).toBe('“31.12.2030” is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01.');
    await expect(page.getByRole('button', { name: 'Export CSV…', exact: true }).isDisabled()).resolves.toBe(true);
    await page.keyboard.press('Control+a');
    await page.keyboard.type(today());
    await expect.poll(countText).toBe('1 excerpt match.');

    const shown = await dialog().evaluate((root) => [root.textContent ?? '', ...[...root.querySelectorAll('input')].map((input) => `${input.value} ${input.placeholder}`)].join(' '));
    expect(shown).toContain(`2020-01-01 YYYY-MM-DD ${today()} YYYY-MM-DD`);
    expect(shown).not.toMatch(/\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|TT\.MM\.JJJJ/);
  });

  it('suggests <project>-<YYYY-MM-DD>.<ext> for the download, the project name slugged and never doubled', async () => {
    await openFromButton();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV…', exact: true }).click()]);
    expect(csv.suggestedFilename()).toBe(`personal-project-${today()}.csv`);
    await expect.poll(async () => (await page.getByTestId('notice').textContent()) ?? '').toContain(`Exported 1 excerpt to personal-project-${today()}.csv.`);
    await dialog().waitFor({ state: 'detached' });

    await openFromButton();
    await dialog().getByRole('radio', { name: /^REFI-QDA project/ }).click();
    const [qdpx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export REFI-QDA project…', exact: true }).click()]);
    expect(qdpx.suggestedFilename()).toBe(`personal-project-${today()}.qdpx`);
  });
});
