/**
 * End to end: undo is per person. Aylin highlights two passages; Babak (another browser
 * context, his own IndexedDB) merges her project file, highlights a third passage and saves
 * his file; Aylin merges it through "Merge project file…". Ctrl+Z then reverts only Aylin's
 * own changes, newest first — Babak's highlight stays whatever she presses — and
 * Shift+Ctrl+Z redoes them. Screenshots: tests/e2e/screenshots/undo-*.png.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { completeFirstRun, highlightPhrase, highlightTexts, mergeProjectFileBytes, saveProjectFile } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const AYLIN_FIRST = 'geopolitical dynamics';
const AYLIN_SECOND = 'mutual distrust';
const BABAK = 'peacekeeping forces';

/** Chromium and the served renderer; no person's page may log an error in any test. */
const app = useApp();
let aylin: Page;
let babak: Page;

async function person(name: string): Promise<Page> {
  const page = await app.newPage(name);
  await openArticle(page, app.url, ARTICLE);
  await completeFirstRun(page, name);
  return page;
}

async function visibleQuotes(page: Page): Promise<string[]> {
  return Object.values(await highlightTexts(page)).sort();
}

beforeAll(async () => {
  aylin = await person('Aylin');
  babak = await person('Babak');
});

describe('undo after a teammate’s work is merged', () => {
  it('brings a teammate’s highlight in through a project file', async () => {
    await highlightPhrase(aylin, AYLIN_FIRST);
    // Longer than the undo capture window, so the two highlights are two undo steps.
    await aylin.waitForTimeout(600);
    await highlightPhrase(aylin, AYLIN_SECOND);
    const aylinsFile = await saveProjectFile(aylin);

    await mergeProjectFileBytes(babak, 'aylin.marginalia', aylinsFile);
    await expect.poll(() => visibleQuotes(babak)).toEqual([AYLIN_FIRST, AYLIN_SECOND].sort());
    await highlightPhrase(babak, BABAK);
    const babaksFile = await saveProjectFile(babak);

    await mergeProjectFileBytes(aylin, 'babak.marginalia', babaksFile);
    await expect.poll(async () => (await aylin.getByTestId('notice').textContent()) ?? '').toContain('Merged “babak.marginalia”');
    await expect.poll(() => visibleQuotes(aylin)).toEqual([AYLIN_FIRST, AYLIN_SECOND, BABAK].sort());
    await saveScreenshot(aylin, 'undo-merged');
  });

  it('Ctrl+Z reverts only Aylin’s own changes, newest first; Babak’s highlight stays', async () => {
    await aylin.getByRole('button', { name: 'Dismiss' }).click();
    await aylin.keyboard.press('Control+z');
    await expect.poll(() => visibleQuotes(aylin)).toEqual([AYLIN_FIRST, BABAK].sort());
    await saveScreenshot(aylin, 'undo-after-ctrl-z');
    await aylin.keyboard.press('Control+z');
    await expect.poll(() => visibleQuotes(aylin)).toEqual([BABAK]);
    // Nothing of Aylin's is left to undo: further presses never touch Babak's work.
    await aylin.keyboard.press('Control+z');
    await aylin.keyboard.press('Control+z');
    await aylin.waitForTimeout(200);
    await expect(visibleQuotes(aylin)).resolves.toEqual([BABAK]);
  });

  it('Shift+Ctrl+Z redoes Aylin’s changes in order', async () => {
    await aylin.keyboard.press('Shift+Control+z');
    await expect.poll(() => visibleQuotes(aylin)).toEqual([AYLIN_FIRST, BABAK].sort());
    await aylin.keyboard.press('Shift+Control+z');
    await expect.poll(() => visibleQuotes(aylin)).toEqual([AYLIN_FIRST, AYLIN_SECOND, BABAK].sort());
    await saveScreenshot(aylin, 'undo-after-redo');
  });

  it('the redone state survives a reload', async () => {
    await aylin.waitForTimeout(300);
    await aylin.reload();
    await aylin.locator('.project-menu').waitFor();
    await expect.poll(() => visibleQuotes(aylin)).toEqual([AYLIN_FIRST, AYLIN_SECOND, BABAK].sort());
  });
});
