/**
 * End to end: the library lists the five bundled articles with the facts their front
 * matter states, marks supplied titles, and shows a clear error card for a missing or
 * malformed article while the others still open.
 */
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RENDERER_DIR, collectPageErrors, launchChromium, saveScreenshot, serveRenderer, type LaunchedBrowser } from '../helpers/browser.ts';
import { loadBundledArticles } from './reader-support.ts';

const articles = loadBundledArticles();
let browser: LaunchedBrowser;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  browser = await launchChromium();
  server = await serveRenderer();
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
});

async function openLibrary(url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(url);
  await page.locator('.library__list').waitFor();
  return { page, errors };
}

describe('library', () => {
  it('lists the five articles with title, author and publisher as the sources state them', async () => {
    expect(articles).toHaveLength(5);
    const { page, errors } = await openLibrary(server.url);
    const cards = page.locator('.library-card');
    await expect(cards.count()).resolves.toBe(5);
    for (const [index, article] of articles.entries()) {
      const card = cards.nth(index);
      await expect(card.getAttribute('data-document-id')).resolves.toBe(article.meta.id);
      // The card is one link, named after the article.
      await expect(card.getByRole('link', { name: article.meta.title }).count()).resolves.toBe(1);
      await expect(card.locator('.library-card__author').textContent()).resolves.toBe(article.meta.author ?? 'Unknown author');
      await expect(card.locator('.library-card__publisher').textContent()).resolves.toBe(article.meta.publisher ?? 'Unknown publisher');
      await expect(card.locator('.supplied-title').count()).resolves.toBe(article.meta.titleSupplied ? 1 : 0);
      await expect(card.getByTestId('progress-value').textContent()).resolves.toBe('0%');
    }
    const supplied = page.locator('.supplied-title').first();
    await expect(supplied.getAttribute('title')).resolves.toMatch(/article’s own words/);
    await saveScreenshot(page, 'library');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens an article from its card and returns with Ctrl+L', async () => {
    const { page } = await openLibrary(server.url);
    const first = articles[0]!;
    await page.locator('.library-card__link').first().click();
    await page.locator(`.reader[data-document-id="${first.meta.id}"] .reader-document`).waitFor();
    await page.keyboard.press('Control+l');
    await page.locator('.library__list').waitFor();
    expect(page.url()).toMatch(/#\/$/);
    await page.context().close();
  });

  it('shows an error card for a missing and for a malformed article; the others open', async () => {
    const root = mkdtempSync(join(tmpdir(), 'marginalia-broken-'));
    cpSync(RENDERER_DIR, root, { recursive: true });
    const [missing, malformed, healthy] = [articles[1]!, articles[3]!, articles[4]!];
    const fileOf = (id: string) => `${id}.md`;
    unlinkSync(join(root, 'documents', fileOf(missing.meta.id)));
    writeFileSync(join(root, 'documents', fileOf(malformed.meta.id)), 'this file has lost its front matter\n');
    const broken = await serveRenderer({ root });
    try {
      const { page } = await openLibrary(broken.url);
      await expect(page.locator('.library-card').count()).resolves.toBe(5);
      const errorCards = page.locator('.library-card--error');
      await expect(errorCards.count()).resolves.toBe(2);
      const missingCard = page.locator(`.library-card[data-document-id="${missing.meta.id}"]`);
      await expect(missingCard.locator('.library-card__error').textContent()).resolves.toMatch(/missing/);
      const malformedCard = page.locator(`.library-card[data-document-id="${malformed.meta.id}"]`);
      await expect(malformedCard.locator('.library-card__error').textContent()).resolves.toContain(fileOf(malformed.meta.id));
      await expect(page.locator('.library__summary').textContent()).resolves.toContain('2 could not be opened');
      await saveScreenshot(page, 'library-broken');
      await page.locator(`.library-card[data-document-id="${healthy.meta.id}"] .library-card__link`).click();
      await page.locator(`.reader[data-document-id="${healthy.meta.id}"] .reader-document`).waitFor();
      await expect(page.locator('.reader-document h2').count()).resolves.toBe(healthy.outline.filter((entry) => entry.level === 2).length);
      await page.context().close();
    } finally {
      await broken.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
