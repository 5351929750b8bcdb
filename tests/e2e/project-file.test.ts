/**
 * End to end: project files through the project menu. Rashad's project (a tagged highlight
 * with a note, an untagged one) is saved with "Save project" (a download) and merged with
 * "Merge project file…" into a fresh browser context from the library screen: everything
 * appears, and merging the same file again duplicates nothing. A truncated copy, a PNG and
 * a plain text file are refused with a message saying why, and the project is untouched.
 * Screenshots: tests/e2e/screenshots/project-file-*.png.
 *
 * The first test saves Rashad's project itself; beforeAll saves the same project once, in a
 * page of its own, for the others, which each merge it into a fresh context.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import {
  annotationCount,
  closePanel,
  completeFirstRun,
  dismissNotice,
  highlightPhrase,
  highlightTexts,
  mergeProjectFileBytes,
  openPanel,
  saveProjectFile,
  tagPhrase,
} from './annotate-support.ts';
import { afterFrames } from './page-events.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const TAGGED = 'geopolitical dynamics';
const UNTAGGED = 'pivotal role';
const NOTE = 'Framing device; check the other articles.';

/** Chromium and the served renderer; no person's page may log an error in any test. */
const app = useApp();
/** This test's fresh context (Samira). */
let fresh: Page;
/** Rashad's project file, saved once in beforeAll. */
let saved: Buffer;

/** Rashad tags one phrase, writes a note on it and highlights another. */
async function annotateAsRashad(rashad: Page): Promise<void> {
  await openArticle(rashad, app.url, ARTICLE);
  await completeFirstRun(rashad, 'Rashad');
  await tagPhrase(rashad, TAGGED, 'Framing');
  await rashad.locator('mark.hl').filter({ hasText: TAGGED }).first().click();
  await rashad.getByTestId('add-note').click();
  await rashad.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'note-text');
  await rashad.keyboard.type(NOTE);
  await highlightPhrase(rashad, UNTAGGED);
}

/** A fresh context on the library screen after first run as Samira. */
async function freshSamira(): Promise<Page> {
  const page = await app.newPage('Fresh');
  await page.goto(`${app.url}#/`);
  await completeFirstRun(page, 'Samira');
  return page;
}

/** A fresh context with Rashad's file merged once (its notice dismissed), the article open. */
async function freshWithRashadsProject(): Promise<Page> {
  const page = await freshSamira();
  await mergeProjectFileBytes(page, 'rashad.marginalia', saved);
  await dismissNotice(page);
  await openArticle(page, app.url, ARTICLE);
  await page.locator('mark.hl').filter({ hasText: UNTAGGED }).first().waitFor();
  return page;
}

/** What the fresh context's project holds, as the person sees it. */
async function projectAsSeen(page: Page): Promise<{ count: number; tagCount: string | null; marks: string[]; notes: string[] }> {
  await openPanel(page, 'Annotations');
  const count = await annotationCount(page);
  const notes = await page.locator('[data-testid="annotation-item"] .annotation-item__note').allTextContents();
  await openPanel(page, 'Codebook');
  // The counts are read after the panel has painted.
  await page.locator('.codebook__tree[data-counts="current"]').waitFor();
  const tagCount = await page.locator('.codebook__row[data-tag-name="Framing"] [data-testid="tag-count"]').textContent();
  const rows = await page.locator('.codebook__row').count();
  await closePanel(page);
  return { count, tagCount: `${tagCount}/${rows}`, marks: Object.values(await highlightTexts(page)).sort(), notes };
}

beforeAll(async () => {
  const rashad = await app.newPage('Rashad');
  await annotateAsRashad(rashad);
  saved = await saveProjectFile(rashad);
});

describe('project files', () => {
  it('saves the project as a download', async () => {
    const rashad = await app.newPage('Rashad');
    await annotateAsRashad(rashad);
    const file = await saveProjectFile(rashad);
    expect([...file.subarray(0, 4)]).toEqual([0x4d, 0x47, 0x50, 0x46]);
    await expect.poll(async () => (await rashad.getByTestId('notice').textContent()) ?? '').toContain('Project saved');
  });

  it('merges into a fresh context from the library screen: everything appears', async () => {
    fresh = await freshSamira();
    // The project menu is on the library screen too.
    await mergeProjectFileBytes(fresh, 'rashad.marginalia', saved);
    await expect.poll(async () => (await fresh.getByTestId('notice').textContent()) ?? '').toContain('Merged “rashad.marginalia” into this project: 2 highlights, 1 code and 1 note.');
    await saveScreenshot(fresh, 'project-file-merged-library');
    await openArticle(fresh, app.url, ARTICLE);
    // The marks paint after the article opens; each look at the panels takes longer than one poll.
    await fresh.locator('mark.hl').filter({ hasText: TAGGED }).first().waitFor();
    await fresh.locator('mark.hl').filter({ hasText: UNTAGGED }).first().waitFor();
    await expect.poll(async () => (await projectAsSeen(fresh)).marks).toEqual([TAGGED, UNTAGGED].sort());
    await expect(projectAsSeen(fresh)).resolves.toEqual({ count: 2, tagCount: '1/1', marks: [TAGGED, UNTAGGED].sort(), notes: [NOTE] });
  });

  it('merging the same file twice duplicates nothing', async () => {
    fresh = await freshWithRashadsProject();
    // The first merge's notice was dismissed, so the notice waited for is this merge's: it
    // appears once the file is merged, and the marks follow by the next frame.
    await mergeProjectFileBytes(fresh, 'rashad.marginalia', saved);
    await afterFrames(fresh);
    await expect(projectAsSeen(fresh)).resolves.toEqual({ count: 2, tagCount: '1/1', marks: [TAGGED, UNTAGGED].sort(), notes: [NOTE] });
    await expect(fresh.locator('mark.hl').count()).resolves.toBe(2);
  });

  it.each([
    ['a truncated project file', 'truncated.marginalia', () => saved.subarray(0, saved.length - 17), 'truncated'],
    ['a PNG image', 'picture.png', () => pngBytes(), 'not a Marginalia project file'],
    ['a text file', 'notes.txt', () => Buffer.from('These are my reading notes, not a project.\n'), 'not a Marginalia project file'],
  ])('refuses %s with a clear message and leaves the project untouched', async (_label, name, bytes, reason) => {
    fresh = await freshWithRashadsProject();
    const before = await projectAsSeen(fresh);
    await mergeProjectFileBytes(fresh, name, Buffer.from(await bytes()));
    const notice = fresh.getByTestId('notice');
    // Wait for this file's notice (an earlier one would name another file).
    await expect.poll(async () => (await notice.textContent()) ?? '').toContain(`“${name}” was not merged`);
    await expect(notice.getAttribute('role')).resolves.toBe('alert');
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain(reason);
    expect(text).toContain('Your project is unchanged');
    await saveScreenshot(fresh, `project-file-refused-${name.replace(/\W+/g, '-')}`);
    await expect(projectAsSeen(fresh)).resolves.toEqual(before);
  });
});

/** A real PNG: the screenshot Chromium takes of the page. */
let png: Buffer | undefined;
async function pngBytes(): Promise<Buffer> {
  png ??= await fresh.screenshot({ type: 'png' });
  return png;
}
