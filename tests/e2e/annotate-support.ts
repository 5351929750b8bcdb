/**
 * Helpers for the annotation end-to-end tests: first run, mouse selection of a phrase,
 * the highlight marks, and project files through the browser's download / file chooser.
 */
import type { Page } from 'playwright-core';
import { textRect } from './reader-support.ts';

/** Completes the first-run card and waits until annotations are active. */
export async function completeFirstRun(page: Page, name: string): Promise<void> {
  await page.getByTestId('first-run-name').fill(name);
  await page.getByRole('button', { name: 'Start reading' }).click();
  await page.locator('.project-menu').waitFor();
}

/** Selects `phrase` (inside one text node of the reader) with a mouse drag. */
export async function dragSelect(page: Page, phrase: string): Promise<void> {
  const rect = await textRect(page, phrase);
  await page.mouse.move(rect.startX, rect.y);
  await page.mouse.down();
  await page.mouse.move(rect.endX, rect.y, { steps: 4 });
  await page.mouse.up();
  await page.getByTestId('selection-toolbar').waitFor();
}

/** Texts of every highlight mark, grouped by highlight id, in document order. */
export async function highlightTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const mark of document.querySelectorAll<HTMLElement>('mark.hl')) {
      const id = mark.dataset.highlightId ?? '';
      out[id] = (out[id] ?? '') + (mark.textContent ?? '');
    }
    return out;
  });
}

/** Saves the project through the "Save project" button; returns the file's bytes. */
export async function saveProjectFile(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save project' }).click()]);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return readFile(path);
}

/** Merges `bytes` through the "Merge project file…" button and the file chooser. */
export async function mergeProjectFileBytes(page: Page, name: string, bytes: Buffer): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Merge project file…' }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
  await page.getByTestId('notice').waitFor();
}
