/**
 * End to end: the annotation keys on a focused highlight. Clicking a highlight focuses it;
 * 1–9 toggle the codebook's n-th tag on it (the codebook shows which key is which), and
 * Delete moves it to the trash. Screenshot: tests/e2e/screenshots/keys-*.png.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { addTagInCodebook, closePanel, completeFirstRun, highlightPhrase, highlightTexts, openPanel, tagIdOf } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const PHRASE = 'mutual distrust';

/** Chromium, the served renderer and one page; no page may log an error in any test. */
const app = useAppPage();
const keyOf = new Map<string, { key: string; id: string }>();

beforeAll(async () => {
  await openArticle(app.page, app.url, ARTICLE);
  await completeFirstRun(app.page, 'Turan');
});

/** The highlight carries `tagId` (its first tag colours the background, further ones underline). */
function carries(classes: string | null, tagId: string): boolean {
  return (classes ?? '').split(' ').some((name) => name === `hl-t-${tagId}` || name === `hl-u-${tagId}`);
}

async function markCarries(tagId: string): Promise<boolean> {
  return carries(await mark().getAttribute('class'), tagId);
}

function mark() {
  return app.page.locator('mark.hl').filter({ hasText: PHRASE }).first();
}

describe('keys on a focused highlight', () => {
  it('the codebook shows which number key applies which tag', async () => {
    await openPanel(app.page, 'Codebook');
    for (const name of ['Distrust', 'Alignment', 'Security']) await addTagInCodebook(app.page, name);
    for (const name of ['Distrust', 'Alignment', 'Security']) {
      const key = (await app.page.locator(`.codebook__row[data-tag-name="${name}"] .codebook__key`).textContent()) ?? '';
      keyOf.set(name, { key, id: await tagIdOf(app.page, name) });
    }
    expect([...keyOf.values()].map((entry) => entry.key).sort()).toEqual(['1', '2', '3']);
    await closePanel(app.page);
  });

  it('1–9 toggle the n-th tag on the focused highlight', async () => {
    await highlightPhrase(app.page, PHRASE);
    await expect.poll(() => mark().getAttribute('class')).toContain('hl-focused');
    const alignment = keyOf.get('Alignment');
    const security = keyOf.get('Security');
    if (alignment === undefined || security === undefined) throw new Error('tags not read');
    await app.page.keyboard.press(alignment.key);
    await expect.poll(() => markCarries(alignment.id)).toBe(true);
    await app.page.keyboard.press(security.key);
    await expect.poll(() => markCarries(security.id)).toBe(true);
    await expect(markCarries(alignment.id)).resolves.toBe(true);
    await saveScreenshot(app.page, 'keys-two-tags');
    // Pressing a key again removes that tag.
    await app.page.keyboard.press(alignment.key);
    await expect.poll(() => markCarries(alignment.id)).toBe(false);
    // Clicking elsewhere and back focuses the highlight again; keys still act on it.
    await app.page.locator('.reader-document h2').first().click();
    await expect.poll(() => mark().getAttribute('class')).not.toContain('hl-focused');
    await app.page.keyboard.press(alignment.key);
    await app.page.waitForTimeout(150);
    await expect(markCarries(alignment.id)).resolves.toBe(false);
    await mark().click();
    await app.page.keyboard.press(alignment.key);
    await expect.poll(() => markCarries(alignment.id)).toBe(true);
  });

  it('Delete moves the focused highlight to the trash', async () => {
    await mark().click();
    await app.page.keyboard.press('Delete');
    await expect.poll(async () => Object.values(await highlightTexts(app.page))).not.toContain(PHRASE);
    await openPanel(app.page, 'Trash');
    const item = app.page.getByTestId('trash-item').filter({ hasText: PHRASE });
    await expect(item.count()).resolves.toBe(1);
    await expect(item.locator('.tag-chip').allTextContents()).resolves.toEqual(expect.arrayContaining(['Alignment', 'Security']));
    await saveScreenshot(app.page, 'keys-trash');
    await closePanel(app.page);
  });
});
