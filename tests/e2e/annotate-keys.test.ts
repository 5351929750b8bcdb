/**
 * End to end: the annotation keys on a focused highlight. Clicking a highlight focuses it;
 * 1–9 toggle the codebook's n-th tag on it (the codebook shows which key is which), and
 * Delete moves it to the trash. Screenshot: tests/e2e/screenshots/keys-*.png.
 * Each test starts from an empty profile with the article open, and creates the three tags
 * it presses keys for in the codebook.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { addTagInCodebook, closePanel, completeFirstRun, highlightPhrase, highlightTexts, openPanel, tagIdOf } from './annotate-support.ts';
import { afterFrames, docUpdateCount } from './page-events.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const PHRASE = 'mutual distrust';

const TAGS = ['Distrust', 'Alignment', 'Security'] as const;

/** Chromium, the served renderer and a fresh page per test; no page may log an error in any test. */
const app = useAppPage();
type TagName = (typeof TAGS)[number];
/** This test's tags: the key the codebook shows for each, and its id. */
let keyOf = new Map<TagName, { key: string; id: string }>();

beforeEach(async () => {
  await openArticle(app.page, app.url, ARTICLE);
  await completeFirstRun(app.page, 'Turan');
});

/** Adds the three tags in the codebook and reads the number key its rows show for each. */
async function createTags(): Promise<void> {
  await openPanel(app.page, 'Codebook');
  for (const name of TAGS) await addTagInCodebook(app.page, name);
  keyOf = new Map();
  for (const name of TAGS) {
    const key = (await app.page.locator(`.codebook__row[data-tag-name="${name}"] .codebook__key`).textContent()) ?? '';
    keyOf.set(name, { key, id: await tagIdOf(app.page, name) });
  }
  await closePanel(app.page);
}

function tag(name: TagName): { key: string; id: string } {
  const found = keyOf.get(name);
  if (found === undefined) throw new Error(`tag ${name} not read`);
  return found;
}

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
    await createTags();
    expect([...keyOf.values()].map((entry) => entry.key).sort()).toEqual(['1', '2', '3']);
  });

  it('1–9 toggle the n-th tag on the focused highlight', async () => {
    await createTags();
    await highlightPhrase(app.page, PHRASE);
    await expect.poll(() => mark().getAttribute('class')).toContain('hl-focused');
    const alignment = tag('Alignment');
    const security = tag('Security');
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
    const updatesBefore = await docUpdateCount(app.page);
    await app.page.keyboard.press(alignment.key);
    // The app's key handler changes the doc inside the press, and the mark is redrawn by the
    // next frame: once a frame has passed and the doc saw no update, the key did nothing.
    await afterFrames(app.page);
    await expect(docUpdateCount(app.page)).resolves.toBe(updatesBefore);
    await expect(markCarries(alignment.id)).resolves.toBe(false);
    await mark().click();
    await app.page.keyboard.press(alignment.key);
    await expect.poll(() => markCarries(alignment.id)).toBe(true);
  });

  it('says so when a number key belongs to no code, and changes nothing', async () => {
    await createTags();
    await highlightPhrase(app.page, PHRASE);
    await expect.poll(() => mark().getAttribute('class')).toContain('hl-focused');
    const before = await mark().getAttribute('class');
    await app.page.keyboard.press('9');
    await expect.poll(() => app.page.getByTestId('notice').textContent()).toContain('No code has the key 9');
    expect(await mark().getAttribute('class')).toBe(before);
  });

  it('Delete moves the focused highlight to the trash', async () => {
    // A highlight carrying Alignment and Security, as the previous test leaves it.
    await createTags();
    await highlightPhrase(app.page, PHRASE);
    await expect.poll(() => mark().getAttribute('class')).toContain('hl-focused');
    for (const name of ['Alignment', 'Security'] as const) {
      await app.page.keyboard.press(tag(name).key);
      await expect.poll(() => markCarries(tag(name).id)).toBe(true);
    }
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
