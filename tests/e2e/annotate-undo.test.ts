/**
 * End to end: undo is per person. Aylin highlights two passages; Babak (another browser
 * context, his own IndexedDB) merges her project file, highlights a third passage and saves
 * his file; Aylin merges it through "Merge project file…". Ctrl+Z then reverts only Aylin's
 * own changes, newest first — Babak's highlight stays whatever she presses — and
 * Shift+Ctrl+Z redoes them. Screenshots: tests/e2e/screenshots/undo-*.png.
 * Each test starts with two fresh people and first does, through the UI, the steps it
 * builds on.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { completeFirstRun, dismissNotice, highlightPhrase, highlightTexts, mergeProjectFileBytes, saveProjectFile } from './annotate-support.ts';
import { afterFrames, docUpdateCount, flushProject } from './page-events.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const AYLIN_FIRST = 'geopolitical dynamics';
const AYLIN_SECOND = 'mutual distrust';
const BABAK = 'peacekeeping forces';

/** Chromium and the served renderer; fresh people for each test; no page may log an error in any test. */
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

beforeEach(async () => {
  aylin = await person('Aylin');
  babak = await person('Babak');
});

/** Aylin highlights twice (two undo steps), Babak merges her file and highlights, Aylin merges his. */
async function exchangeWork(): Promise<void> {
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
}

/** The first test's end state: Babak's work merged into Aylin's project, its notice dismissed. */
async function afterExchange(): Promise<void> {
  await exchangeWork();
  await dismissNotice(aylin);
  await expect.poll(() => visibleQuotes(aylin)).toEqual([AYLIN_FIRST, AYLIN_SECOND, BABAK].sort());
}

/** Presses `keys` in Aylin's page and waits until the quotes shown are `expected`. */
async function pressAndSee(keys: string, expected: string[]): Promise<void> {
  await aylin.keyboard.press(keys);
  await expect.poll(() => visibleQuotes(aylin)).toEqual(expected);
}

describe('undo after a teammate’s work is merged', () => {
  it('brings a teammate’s highlight in through a project file', async () => {
    await exchangeWork();
    await expect.poll(async () => (await aylin.getByTestId('notice').textContent()) ?? '').toContain('Merged “babak.marginalia”');
    await expect.poll(() => visibleQuotes(aylin)).toEqual([AYLIN_FIRST, AYLIN_SECOND, BABAK].sort());
    await saveScreenshot(aylin, 'undo-merged');
  });

  it('Ctrl+Z reverts only Aylin’s own changes, newest first; Babak’s highlight stays', async () => {
    await afterExchange();
    await aylin.keyboard.press('Control+z');
    await expect.poll(() => visibleQuotes(aylin)).toEqual([AYLIN_FIRST, BABAK].sort());
    await saveScreenshot(aylin, 'undo-after-ctrl-z');
    await aylin.keyboard.press('Control+z');
    await expect.poll(() => visibleQuotes(aylin)).toEqual([BABAK]);
    // Nothing of Aylin's is left to undo: further presses never touch Babak's work. Undo
    // changes the doc inside the key press and the marks follow by the next frame.
    const updatesBefore = await docUpdateCount(aylin);
    await aylin.keyboard.press('Control+z');
    await aylin.keyboard.press('Control+z');
    await afterFrames(aylin);
    await expect(docUpdateCount(aylin)).resolves.toBe(updatesBefore);
    await expect(visibleQuotes(aylin)).resolves.toEqual([BABAK]);
  });

  it('Shift+Ctrl+Z redoes Aylin’s changes in order', async () => {
    await afterExchange();
    await pressAndSee('Control+z', [AYLIN_FIRST, BABAK].sort());
    await pressAndSee('Control+z', [BABAK]);
    await aylin.keyboard.press('Shift+Control+z');
    await expect.poll(() => visibleQuotes(aylin)).toEqual([AYLIN_FIRST, BABAK].sort());
    await aylin.keyboard.press('Shift+Control+z');
    await expect.poll(() => visibleQuotes(aylin)).toEqual([AYLIN_FIRST, AYLIN_SECOND, BABAK].sort());
    await saveScreenshot(aylin, 'undo-after-redo');
  });

  it('the redone state survives a reload', async () => {
    await afterExchange();
    await pressAndSee('Control+z', [AYLIN_FIRST, BABAK].sort());
    await pressAndSee('Control+z', [BABAK]);
    await pressAndSee('Shift+Control+z', [AYLIN_FIRST, BABAK].sort());
    await pressAndSee('Shift+Control+z', [AYLIN_FIRST, AYLIN_SECOND, BABAK].sort());
    // Reload only once IndexedDB holds the redone state.
    await flushProject(aylin);
    await aylin.reload();
    await aylin.locator('.project-menu').waitFor();
    await expect.poll(() => visibleQuotes(aylin)).toEqual([AYLIN_FIRST, AYLIN_SECOND, BABAK].sort());
  });
});
