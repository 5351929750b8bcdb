/**
 * End to end: importing a REFI-QDA project from the library. A person chooses a `.qdpx`
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
import { closePanel, completeFirstRun, highlightTexts, openPanel } from './annotate-support.ts';

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
