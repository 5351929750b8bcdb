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
  await page.mouse.move(rect.endX, rect.endY, { steps: 4 });
  await page.mouse.up();
  await page.getByTestId('selection-toolbar').waitFor();
}

/**
 * Selects `phrase` with a mouse drag, wherever highlights have cut its text into several
 * marks: from the middle of its first character to the middle of its last (on the line
 * the phrase ends on, when it wraps).
 */
export async function dragSelectAcrossMarks(page: Page, phrase: string): Promise<void> {
  await page.locator('.reader-document').first().waitFor();
  const rect = await page.evaluate((text) => {
    const root = document.querySelector('.reader-document');
    if (root === null) throw new Error('reader not rendered');
    for (const block of root.querySelectorAll('p')) {
      const whole = block.textContent ?? '';
      const at = whole.indexOf(text);
      if (at < 0) continue;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      const charRect = (offset: number): DOMRect => {
        let seen = 0;
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          const length = node.textContent?.length ?? 0;
          if (offset < seen + length) {
            const range = document.createRange();
            range.setStart(node, offset - seen);
            range.setEnd(node, offset - seen + 1);
            walker.currentNode = block;
            return range.getBoundingClientRect();
          }
          seen += length;
        }
        throw new Error('offset beyond the paragraph');
      };
      (block as HTMLElement).scrollIntoView({ block: 'center' });
      const first = charRect(at);
      const last = charRect(at + text.length - 1);
      return { startX: first.left + 1, endX: last.right - 1, y: (first.top + first.bottom) / 2, endY: (last.top + last.bottom) / 2 };
    }
    throw new Error(`text not found in the reader: ${text}`);
  }, phrase);
  await page.mouse.move(rect.startX, rect.y);
  await page.mouse.down();
  await page.mouse.move(rect.endX, rect.endY, { steps: 4 });
  await page.mouse.up();
  await page.getByTestId('selection-toolbar').waitFor();
}

/** Texts of every highlight mark, grouped by highlight id, in document order. */
export async function highlightTexts(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    // One mark per run of identical covering highlights; `data-highlight-ids` lists every covering id.
    for (const mark of document.querySelectorAll<HTMLElement>('mark.hl')) {
      for (const id of (mark.getAttribute('data-highlight-ids') ?? '').split(' ')) {
        if (id !== '') out[id] = (out[id] ?? '') + (mark.textContent ?? '');
      }
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

/** Chooses `bytes` as the file of "Merge project file…" (the confirmation or a notice follows). */
export async function chooseFileToMerge(page: Page, name: string, bytes: Buffer): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Merge project file…' }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
}

/**
 * Merges `bytes` through the "Merge project file…" button and the file chooser, clicking
 * Merge in the confirmation when it asks (a file that brings nothing new, or is refused,
 * gets a notice at once); waits for this file's notice.
 */
export async function mergeProjectFileBytes(page: Page, name: string, bytes: Buffer): Promise<void> {
  await chooseFileToMerge(page, name, bytes);
  const question = page.locator('dialog[data-testid="file-question"][open]');
  const notice = page.getByTestId('notice').filter({ hasText: name });
  // Wait for this file's notice or the question: an earlier notice (an error, or a success within its 6 s) may still be up.
  await question.or(notice).first().waitFor();
  if (await question.isVisible()) await question.getByRole('button', { name: 'Merge', exact: true }).click();
  await notice.waitFor();
}

/**
 * Dismisses the notice on screen, the way a person does (its × button), and waits until it
 * is gone: the next notice waited for is then certainly the next action's, even when its
 * text is the same. Call it right after the notice appeared (a success goes by itself after 6 s).
 */
export async function dismissNotice(page: Page): Promise<void> {
  const notice = page.getByTestId('notice');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await notice.waitFor({ state: 'detached' });
}

/** Selects `phrase` and presses the toolbar's Highlight button; waits for its mark. */
export async function highlightPhrase(page: Page, phrase: string): Promise<void> {
  await dragSelect(page, phrase);
  await page.getByRole('button', { name: 'Highlight', exact: true }).click();
  await page.locator('mark.hl').filter({ hasText: phrase }).first().waitFor();
}

/** Selects `phrase` and tags it with `tagName` through the toolbar's Tag… field. */
export async function tagPhrase(page: Page, phrase: string, tagName: string): Promise<void> {
  await dragSelect(page, phrase);
  await page.getByRole('button', { name: 'Tag…' }).click();
  await page.getByTestId('toolbar-tag-input').fill(tagName);
  await page.getByTestId('toolbar-tag-input').press('Enter');
  await page.locator('mark.hl').filter({ hasText: phrase }).first().waitFor();
}

/** Opens one of the project menu's panels (closing whichever is open first). */
export async function openPanel(page: Page, label: 'Codebook' | 'Annotations' | 'Trash' | 'Unanchored' | 'Analysis'): Promise<void> {
  const button = page.locator('.project-menu').getByRole('button', { name: label, exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.locator('.panel-drawer').waitFor();
  // The Annotations panel shows its filters first and its list a render later (not busy once listed).
  if (label === 'Annotations') await page.locator('.annotations-panel[aria-busy="false"]').waitFor();
}

/** Closes the open panel. */
export async function closePanel(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Close panel' }).click();
}

/** Adds a tag through the codebook's "New tag name" field (the codebook must be open). */
export async function addTagInCodebook(page: Page, name: string, parent?: string): Promise<void> {
  await page.getByTestId('new-tag-name').fill(name);
  if (parent !== undefined) await page.getByLabel('Parent of the new tag').selectOption({ label: parent });
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.locator(`.codebook__row[data-tag-name="${name}"]`).waitFor();
}

/** The id of the codebook tag named `name` (read from its swatch class; codebook open). */
export async function tagIdOf(page: Page, name: string): Promise<string> {
  const className = (await page.locator(`.codebook__row[data-tag-name="${name}"] .tag-swatch`).first().getAttribute('class')) ?? '';
  const id = /tag-swatch-([A-Za-z0-9_-]{22})/.exec(className)?.[1];
  if (id === undefined) throw new Error(`no tag named ${name} in the codebook`);
  return id;
}

/** The number shown in the annotations panel's count line ("3 highlights" → 3). */
export async function annotationCount(page: Page): Promise<number> {
  return Number.parseInt((await page.getByTestId('annotation-count').textContent()) ?? 'NaN', 10);
}
