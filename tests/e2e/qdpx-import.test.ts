/**
 * End to end: importing a REFI-QDA project from the library. A person codes a phrase with
 * a child code, exports the project as `.qdpx` through the Export dialog (a real download),
 * and in a fresh profile imports it through the real button and file chooser: the
 * confirmation counts it, and the highlight and the code hierarchy come back. A person chooses a `.qdpx`
 * written the way another QDA program writes it (a text source that is no bundled
 * article, a `Sources/` folder, CRLF, a picture source) through "Import REFI-QDA
 * project…" and the real file chooser, reads the confirmation — counts and the skipped
 * picture with its reason — confirms, and finds the interview in the library with its
 * coded highlights, and the codes with their hierarchy in the codebook. A malformed file is
 * refused with its reason and changes nothing. Screenshot: tests/e2e/screenshots/qdpx-confirm.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { buildOtherToolQdpx, ENERGY_PHRASE, INTERVIEW_NAME, RETURN_PHRASE } from '../helpers/other-tool-qdpx.ts';
import { addTagInCodebook, closePanel, completeFirstRun, highlightTexts, openPanel, tagPhrase } from './annotate-support.ts';
import { readFileSync } from 'node:fs';

const app = useAppPage();

/** Chooses `bytes` as `name` through "Import REFI-QDA project…" and the real file chooser. */
async function importThroughChooser(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import REFI-QDA project…' }).click()]);
  expect(chooser.isMultiple()).toBe(false);
  await chooser.setFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
}

function card(page: Page, title: string) {
  return page.getByTestId('added-document').filter({ has: page.locator('.library-card__title', { hasText: title }) });
}

describe('importing a REFI-QDA project from the library', () => {
  it('brings a project exported as .qdpx into a fresh profile with its highlight and its codes in their hierarchy', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/`);
    await completeFirstRun(page, 'Aysel');
    await openPanel(page, 'Codebook');
    await addTagInCodebook(page, 'Themes');
    await addTagInCodebook(page, 'Energy', 'Themes');
    await closePanel(page);
    await page.goto(`${app.url}#/read/russia-azerbaijan-disputes`);
    await tagPhrase(page, 'geopolitical dynamics', 'Energy');
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('dialog').getByRole('radio', { name: /^REFI-QDA project/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export REFI-QDA project…', exact: true }).click()]);
    const bytes = readFileSync((await download.path()) as string);

    const fresh = await app.newPage('fresh profile');
    await fresh.goto(`${app.url}#/`);
    await completeFirstRun(fresh, 'Kamran');
    await importThroughChooser(fresh, download.suggestedFilename(), bytes);
    const dialog = fresh.getByTestId('qdpx-confirm');
    await dialog.waitFor();
    await expect(dialog.getByTestId('qdpx-counts').locator('li').allTextContents()).resolves.toEqual(['5 documents', '2 codes', '1 highlight with 1 coding', '0 notes', '1 person']);
    await expect(dialog.textContent()).resolves.toContain('Nothing in the file is skipped.');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => fresh.getByTestId('qdpx-notice').getAttribute('data-status')).toBe('done');
    await openPanel(fresh, 'Codebook');
    await fresh.locator('.codebook__row--depth-1[data-tag-name="Energy"]').waitFor();
    await expect(fresh.locator('.codebook__row--depth-0[data-tag-name="Themes"]').count()).resolves.toBe(1);
    await closePanel(fresh);
    await fresh.goto(`${app.url}#/read/russia-azerbaijan-disputes`);
    await expect.poll(async () => Object.values(await highlightTexts(fresh))).toEqual(['geopolitical dynamics']);
  });

  it('shows what comes in and what is skipped, imports on confirmation, and the interview appears with its coded highlights', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/`);
    await completeFirstRun(page, 'Nigar');

    await importThroughChooser(page, 'field-interviews.qdpx', buildOtherToolQdpx());
    const dialog = page.getByTestId('qdpx-confirm');
    await dialog.waitFor();
    await expect(dialog.getByRole('heading').first().textContent()).resolves.toBe('Import “Field interviews”?');
    await expect(dialog.getByTestId('qdpx-counts').locator('li').allTextContents()).resolves.toEqual([
      '1 document (1 added to the library)',
      '3 codes',
      '3 highlights with 4 codings',
      '1 note',
      '2 people',
    ]);
    await expect(dialog.getByTestId('qdpx-skipped').locator('li').allTextContents()).resolves.toEqual([
      'source “Map of the district”: a picture source: Marginalia imports text sources only',
    ]);
    await saveScreenshot(page, 'qdpx-confirm');
    await dialog.getByRole('button', { name: 'Import' }).click();

    const notice = page.getByTestId('qdpx-notice');
    await expect.poll(() => notice.getAttribute('data-status')).toBe('done');
    await expect(notice.textContent()).resolves.toContain('Imported field-interviews.qdpx: 3 highlights, 4 codings, 3 new codes, 1 note, 1 document added to the library; 1 item skipped.');
    const interview = card(page, INTERVIEW_NAME);
    await interview.waitFor();

    await openPanel(page, 'Codebook');
    const row = (name: string) => page.locator(`.codebook__row[data-tag-name="${name}"]`);
    await row('Return').waitFor();
    await expect(row('Migration').count()).resolves.toBe(1);
    await expect(row('Economy').count()).resolves.toBe(1);
    await closePanel(page);

    await interview.getByRole('link').click();
    await expect.poll(async () => Object.values(await highlightTexts(page)).sort()).toEqual(['Energy prices decided', ENERGY_PHRASE, RETURN_PHRASE].sort());
  });

  it('refuses a malformed file with its reason and changes nothing', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/`);
    await completeFirstRun(page, 'Rauf');
    const before = await page.getByTestId('added-document').count();
    await importThroughChooser(page, 'broken.qdpx', new TextEncoder().encode('<Project name="x"/>'));
    const notice = page.getByTestId('qdpx-notice');
    await expect.poll(() => notice.getAttribute('data-status')).toBe('refused');
    await expect(notice.getByRole('alert').textContent()).resolves.toBe('broken.qdpx was not imported: not a REFI-QDA project: the file is not a zip archive. Nothing was changed.');
    await expect(page.getByTestId('qdpx-confirm').count()).resolves.toBe(0);
    await expect(page.getByTestId('added-document').count()).resolves.toBe(before);
  });
});
