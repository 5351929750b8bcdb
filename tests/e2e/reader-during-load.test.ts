/**
 * End to end: reading while the project is still opening. The article shows before the
 * project has loaded from IndexedDB (a large project takes a moment, with a progress
 * banner), and a researcher may start at once: select a passage with the mouse. When the
 * project finishes opening, the passage is still selected — the reader is not rebuilt under
 * them — and the toolbar highlights it. A densely coded article open while its project
 * loads gets every highlight painted once the project is open.
 *
 * To keep the project opening for as long as the test needs, a second tab of the app's
 * origin holds a write transaction on the project's database (as another window writing
 * would), which the loading tab's read waits for; the test releases it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { listAllHighlights } from '#shared/model/highlight-reads.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { loadBundledArticles, openArticle, selectionOffsets, textRect } from './reader-support.ts';
import { completeFirstRun, highlightPhrase, mergeProjectFileBytes } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const PHRASE = 'Azerbaijan';

const app = useAppPage();

/**
 * In `holder` (a tab of the app's origin), opens the project's database and keeps a
 * read-write transaction on its updates running until `releaseDatabase` is called.
 */
async function holdDatabase(holder: Page): Promise<void> {
  await holder.evaluate(async () => {
    const names = (await indexedDB.databases()).map((entry) => entry.name ?? '').filter((name) => name.startsWith('marginalia-project-'));
    if (names.length !== 1) throw new Error(`expected one project database, found ${names.length}`);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(names[0] as string);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const state = { release: false, holding: true };
    (window as unknown as { __hold: typeof state }).__hold = state;
    const store = db.transaction(['updates'], 'readwrite').objectStore('updates');
    // A transaction stays active while it has requests: chain one after another until released.
    const next = (): void => {
      if (state.release) {
        state.holding = false;
        return;
      }
      store.count().onsuccess = next;
    };
    next();
  });
}

async function releaseDatabase(holder: Page): Promise<void> {
  await holder.evaluate(() => void ((window as unknown as { __hold: { release: boolean } }).__hold.release = true));
}

/** Drags over `phrase` in the reader (no toolbar expected yet: the project is still opening). */
async function dragOver(page: Page, phrase: string): Promise<void> {
  const rect = await textRect(page, phrase);
  await page.mouse.move(rect.startX, rect.y);
  await page.mouse.down();
  await page.mouse.move(rect.endX, rect.endY, { steps: 4 });
  await page.mouse.up();
}

describe('reading while the project opens', () => {
  it('keeps a passage selected during the load and highlights it once the project is open', async () => {
    const { page, context } = app;
    await openArticle(page, app.url, ARTICLE);
    await completeFirstRun(page, 'Leyla');
    await highlightPhrase(page, 'Russia');
    const holder = await context.newPage();
    await holder.goto(`${app.url}documents/manifest.json`);
    await holdDatabase(holder);

    await page.reload();
    await page.locator(`.reader[data-document-id="${ARTICLE}"] .reader-document`).waitFor();
    const banner = page.getByRole('progressbar', { name: 'Opening your project' });
    await banner.waitFor();
    await dragOver(page, PHRASE);
    const selected = await selectionOffsets(page);
    expect(selected).not.toBeNull();
    expect((selected as { end: number }).end - (selected as { start: number }).start).toBe(PHRASE.length);

    await releaseDatabase(holder);
    await banner.waitFor({ state: 'detached' });
    // The project is open: its highlight is painted, and the passage is still selected.
    await page.locator('mark.hl').filter({ hasText: 'Russia' }).first().waitFor();
    await page.getByTestId('selection-toolbar').waitFor();
    expect(await selectionOffsets(page)).toEqual(selected);
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(PHRASE);

    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect.poll(() => page.locator('mark.hl').filter({ hasText: PHRASE }).count()).toBeGreaterThan(0);
    await holder.close();
  });

  it('paints every highlight of a densely coded article that was open while its project loaded', async () => {
    const { page } = app;
    const articles = loadBundledArticles();
    const { doc } = generateSampleProject(articles.map((article) => ({ id: article.meta.id, text: article.text, hash: article.hash })), { highlights: 2500, notes: 50, seed: 7 });
    const onArticle = listAllHighlights(doc).filter((highlight) => highlight.deleted === null && highlight.documentId === ARTICLE).length;
    const file = Buffer.from(encodeProjectFile(doc));
    doc.destroy();
    expect(onArticle).toBeGreaterThan(300); // painted progressively, the visible part first

    await openArticle(page, app.url, ARTICLE);
    await completeFirstRun(page, 'Leyla');
    await mergeProjectFileBytes(page, 'team.marginalia', file);
    await page.reload();
    const reader = page.locator(`.reader[data-document-id="${ARTICLE}"] .reader-document`);
    await reader.waitFor();
    await page.locator(`.reader[data-document-id="${ARTICLE}"] .reader-document[data-highlights="painted"]`).waitFor({ timeout: 60_000 });
    const painted = await page.evaluate(() => new Set([...document.querySelectorAll('.reader-document mark.hl')].flatMap((mark) => (mark.getAttribute('data-highlight-ids') ?? '').split(' '))).size);
    expect(painted).toBe(onArticle);
  });
});
