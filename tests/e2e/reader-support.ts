/**
 * Shared steps for the library and reader end-to-end tests: the bundled articles loaded in
 * Node with the same `loadArticle` the renderer uses (the ground truth for canonical text),
 * and page helpers for opening an article and reading the selection status.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { loadArticle, type Article } from '#shared/documents/article.ts';
import { parseManifest } from '#shared/documents/manifest.ts';

const documentsDir = fileURLToPath(new URL('../../documents/', import.meta.url));

/** Every bundled article, parsed in Node, in manifest order. */
export function loadBundledArticles(): Article[] {
  const manifest = parseManifest(JSON.parse(readFileSync(`${documentsDir}manifest.json`, 'utf8')));
  return manifest.documents.map((entry) => loadArticle(readFileSync(`${documentsDir}${entry.file}`, 'utf8'), entry.file, entry.id));
}

/** Opens the reader for `id` and waits until its text is rendered. */
export async function openArticle(page: Page, baseUrl: string, id: string): Promise<void> {
  await page.goto(`${baseUrl}#/read/${id}`);
  await page.locator(`.reader[data-document-id="${id}"] .reader-document`).waitFor();
}

/** The selection offsets the status bar exposes, or null when nothing is selected. */
export async function selectionOffsets(page: Page): Promise<{ start: number; end: number } | null> {
  const status = page.getByTestId('selection-status');
  const start = await status.getAttribute('data-selection-start');
  const end = await status.getAttribute('data-selection-end');
  if (start === null || end === null || start === '' || end === '') return null;
  return { start: Number(start), end: Number(end) };
}

/**
 * Viewport points of `needle` in the first text node of the reader holding it: the middle
 * of its first character's line (`startX`, `y`) and of its last character's (`endX`,
 * `endY`, a line further down when the phrase wraps). Scrolls it to the middle of the
 * reader first, unless `scroll` is false (then it is wherever the person has scrolled).
 */
export async function textRect(page: Page, needle: string, options: { readonly scroll?: boolean } = {}): Promise<{ startX: number; endX: number; y: number; endY: number }> {
  // The article's text, which a person looks for first: it follows the reader's pane a frame later.
  await page.locator('.reader-document').first().waitFor();
  return page.evaluate(({ text, scroll }) => {
    const root = document.querySelector('.reader-document');
    if (root === null) throw new Error('reader not rendered');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(text) ?? -1;
      if (at < 0) continue;
      if (scroll) (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect();
      range.setStart(node, at + text.length - 1);
      range.setEnd(node, at + text.length);
      const last = range.getBoundingClientRect();
      return { startX: first.left + 1, endX: last.right - 1, y: (first.top + first.bottom) / 2, endY: (last.top + last.bottom) / 2 };
    }
    throw new Error(`text not found in the reader: ${text}`);
  }, { text: needle, scroll: options.scroll ?? true });
}
