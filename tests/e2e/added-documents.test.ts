/**
 * End to end: documents people add themselves. A person adds a text file through "Add
 * documents…" and the real file chooser, sees its card, opens it, highlights a passage with
 * a mouse drag and codes it by its number key; edits its details; replaces it with a new
 * version (one highlight moves, the other is listed in Unanchored and its old text opens
 * from there); moves it to the trash and restores it from the Trash panel with its
 * highlight; and after a reload everything is still there. Another person drops a file on
 * the library, adds the same file again ("already in the project") and tries an empty
 * text file and a program (refused with the reason, nothing changed). Screenshots:
 * tests/e2e/screenshots/added-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { addTagInCodebook, closePanel, completeFirstRun, dragSelect, highlightPhrase, openPanel, tagIdOf } from './annotate-support.ts';

const FIRST = [
  'Field notes from Baku',
  'The delegation spoke about energy corridors and regional trade.',
  'Several officials stressed strategic autonomy in every meeting.',
  'A closing remark mentioned water rights along the Kura river.',
].join('\n');
const SECOND = [
  'Field notes from Baku',
  'The delegation spoke about energy corridors and regional trade.',
  'Later, several officials stressed strategic autonomy in every meeting.',
  'The last meeting ended early.',
].join('\n');

const app = useAppPage();

type FilePayload = { name: string; mimeType: string; buffer: Buffer };
const textFile = (name: string, text: string): FilePayload => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });

/** Chooses `files` through the library's "Add documents…" button and the real file chooser. */
async function addThroughChooser(page: Page, files: FilePayload[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Add documents…' }).click()]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(files);
}

function result(page: Page, fileName: string) {
  return page.getByTestId('import-result').filter({ hasText: fileName });
}

function card(page: Page, title: string) {
  return page.getByTestId('added-document').filter({ has: page.locator('.library-card__title', { hasText: title }) });
}

/** Opens the card's "⋯" menu and chooses `item`. */
async function chooseFromMenu(page: Page, title: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `Document actions for ${title}` }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function backToLibrary(page: Page): Promise<void> {
  await page.locator('.library-nav').getByRole('link', { name: 'Library' }).click();
  await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
}

describe('documents added to the project', () => {
  it('adds a file, highlights and codes it, edits, replaces, trashes and restores it, and keeps it all across a reload', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/`);
    await completeFirstRun(page, 'Nigar');
    await openPanel(page, 'Codebook');
    await addTagInCodebook(page, 'Autonomy');
    const key = (await page.locator('.codebook__row[data-tag-name="Autonomy"] .codebook__key').textContent()) ?? '';
    const tagId = await tagIdOf(page, 'Autonomy');
    await closePanel(page);

    await addThroughChooser(page, [textFile('field-notes.txt', FIRST)]);
    await expect.poll(() => result(page, 'field-notes.txt').getAttribute('data-status')).toBe('added');
    await expect(result(page, 'field-notes.txt').textContent()).resolves.toContain('added as “Field notes from Baku”');
    const added = card(page, 'Field notes from Baku');
    await expect(added.locator('.library-card__format').textContent()).resolves.toBe('Plain text');
    await expect(added.locator('.library-card__added-by').textContent()).resolves.toBe('Nigar');
    await expect(page.getByRole('heading', { name: 'Added to this project' }).isVisible()).resolves.toBe(true);
    await saveScreenshot(page, 'added-library');

    // Open it like a bundled article; highlight with a mouse drag and code it by its key.
    await added.getByRole('link').click();
    await page.locator('.top-bar__title', { hasText: 'Field notes from Baku' }).waitFor();
    // The article's text follows its pane a frame later.
    await page.locator('.reader .reader-document').waitFor();
    await dragSelect(page, 'strategic autonomy');
    await page.keyboard.press(key);
    const coded = page.locator('mark.hl').filter({ hasText: 'strategic autonomy' });
    await expect.poll(async () => (await coded.first().getAttribute('class')) ?? '').toContain(`hl-t-${tagId}`);
    await highlightPhrase(page, 'water rights');
    await backToLibrary(page);
    await expect(added.locator('[data-testid="article-highlights"] [data-count="yours"]').textContent()).resolves.toBe('2');

    // Edit details.
    await chooseFromMenu(page, 'Field notes from Baku', 'Edit details…');
    const edit = page.getByTestId('edit-document');
    await edit.getByLabel('Title').fill('Baku field notes');
    await edit.getByLabel('Author').fill('N. Aliyeva');
    await edit.getByLabel('Date').fill('2024-05-17');
    await saveScreenshot(page, 'added-edit-details');
    await edit.getByRole('button', { name: 'Save' }).click();
    const renamed = card(page, 'Baku field notes');
    await expect(renamed.locator('.library-card__author').textContent()).resolves.toBe('N. Aliyeva');
    await expect(renamed.locator('.library-card__date').textContent()).resolves.toBe('2024-05-17');

    // Replace with a new version: one highlight moves, one cannot be placed.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), chooseFromMenu(page, 'Baku field notes', 'Replace with a new version…')]);
    await chooser.setFiles([textFile('field-notes-v2.txt', SECOND)]);
    const replace = page.getByTestId('replace-document');
    await expect(replace.getByTestId('replace-summary').textContent()).resolves.toMatch(/1 highlight moves to the new version; 1 cannot be placed/);
    await expect(replace.getByTestId('replace-unplaced').textContent()).resolves.toContain('“water rights”');
    await saveScreenshot(page, 'added-replace');
    await replace.getByRole('button', { name: 'Replace' }).click();
    await replace.waitFor({ state: 'detached' });
    await expect(page.getByTestId('added-document').count()).resolves.toBe(1);
    await expect(renamed.locator('[data-testid="article-highlights"] [data-count="yours"]').textContent()).resolves.toBe('1');
    await renamed.getByRole('link').click();
    await page.locator('mark.hl').filter({ hasText: 'strategic autonomy' }).first().waitFor();
    await expect(page.locator('.reader').textContent()).resolves.toContain('The last meeting ended early.');

    await openPanel(page, 'Unanchored');
    const left = page.getByTestId('unanchored-item').filter({ hasText: '“water rights”' });
    await expect(left.getByTestId('unanchored-document').textContent()).resolves.toContain('left on an earlier version');
    await left.getByRole('button', { name: 'Open old version' }).click();
    await page.locator('mark.hl').filter({ hasText: 'water rights' }).first().waitFor();
    await closePanel(page);

    // Move to trash, then restore from the Trash panel with its highlight.
    await backToLibrary(page);
    await chooseFromMenu(page, 'Baku field notes', 'Move to trash');
    const trash = page.getByTestId('trash-document');
    await expect(trash.getByTestId('trash-summary').textContent()).resolves.toContain('Its 1 highlight goes to the trash with it.');
    await saveScreenshot(page, 'added-trash');
    await trash.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByTestId('added-document').waitFor({ state: 'detached' });
    await openPanel(page, 'Trash');
    await page.getByRole('button', { name: 'Restore Baku field notes' }).click();
    await closePanel(page);
    await expect(renamed.locator('[data-testid="article-highlights"] [data-count="yours"]').textContent()).resolves.toBe('1');

    // Reload: the card, its details and its highlight come back from this computer's storage.
    await page.reload();
    await renamed.waitFor();
    await expect(renamed.locator('.library-card__author').textContent()).resolves.toBe('N. Aliyeva');
    await renamed.getByRole('link').click();
    const mark = page.locator('mark.hl').filter({ hasText: 'strategic autonomy' }).first();
    await mark.waitFor();
    await expect(mark.getAttribute('class')).resolves.toContain(`hl-t-${tagId}`);
  });

  it('adds a dropped file, says when a file is already in the project, and refuses files it cannot read', async () => {
    const { page } = app;
    await page.goto(`${app.url}#/`);
    await completeFirstRun(page, 'Elvin');
    const interview = 'Interview with a port official\nCargo through Alat doubled in two years.';
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'interview.txt', { type: 'text/plain' }));
      return transfer;
    }, interview);
    await page.dispatchEvent('[data-testid="library"]', 'dragover', { dataTransfer });
    await page.dispatchEvent('[data-testid="library"]', 'drop', { dataTransfer });
    await expect.poll(() => result(page, 'interview.txt').getAttribute('data-status')).toBe('added');
    await card(page, 'Interview with a port official').waitFor();

    await addThroughChooser(page, [textFile('interview-copy.txt', interview)]);
    await expect.poll(() => result(page, 'interview-copy.txt').getAttribute('data-status')).toBe('exists');
    await expect(result(page, 'interview-copy.txt').textContent()).resolves.toContain('already in the project');

    await addThroughChooser(page, [textFile('empty.txt', ' \n\n'), { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\u0090\u0000') }]);
    await expect.poll(() => result(page, 'setup.exe').getAttribute('data-status')).toBe('refused');
    await expect(result(page, 'empty.txt').textContent()).resolves.toContain('the file holds no text');
    await expect(result(page, 'setup.exe').textContent()).resolves.toContain('this kind of file cannot be added');
    await saveScreenshot(page, 'added-refused');
    await expect(page.getByTestId('added-document').count()).resolves.toBe(1);
    await expect(page.locator('.library__summary').textContent()).resolves.toContain('1 added to this project');
  });
});
