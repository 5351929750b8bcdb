/**
 * End to end: the layout keeps the text visible. With each side panel open at 1280×800 the
 * panel has a column of its own — the article's text column ends left of it, stays centred
 * in what is left and keeps a readable width, and the margin notes stay beside the text,
 * left of the panel, while the sidebar steps aside (it returns when the panel closes, and
 * stays beside the panel from 1600 px). A highlight jumped to from
 * the Annotations panel is fully visible and not under the panel. Notices sit clear of the
 * top bar and the article title; success notices go away by themselves, errors stay.
 * Screenshots: tests/e2e/screenshots/layout-*.png; with UPDATE_DOCS_SCREENSHOTS=1 also
 * docs/screenshots/annotations.png (a test run never changes tracked files otherwise).
 * Each test starts from a fresh profile with the same four tagged highlights and a note.
 */
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { closePanel, completeFirstRun, mergeProjectFileBytes, openPanel, saveProjectFile, tagPhrase } from './annotate-support.ts';
import { afterFrames } from './page-events.ts';
import { NOTICE_AUTO_DISMISS_MS } from '../../renderer/ui/NoticeToast.tsx';

const DISPUTES = 'russia-azerbaijan-disputes';
const PANELS = ['Codebook', 'Annotations', 'Trash', 'Unanchored', 'Analysis'] as const;
/** A phrase three quarters down the article, so jumping to it has to scroll. */
const FAR_PHRASE = 'historic opportunity';
const DOCS_SCREENSHOT = fileURLToPath(new URL('../../docs/screenshots/annotations.png', import.meta.url));

interface Box { x: number; y: number; width: number; height: number }

/** Chromium, the served renderer and a fresh page per test; no page may log an error in any test. */
const app = useAppPage({ viewport: { width: 1280, height: 800 } });

async function box(selector: string): Promise<Box> {
  const found = await app.page.locator(selector).first().boundingBox();
  if (found === null) throw new Error(`${selector} is not rendered`);
  return found;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The reader's text column and the visible part of its scroll container (without the scrollbar). */
async function textColumn(): Promise<{ text: Box; scrollLeft: number; scrollRight: number }> {
  await app.page.locator('.reader-document').first().waitFor();
  return app.page.evaluate(() => {
    const text = document.querySelector('.reader-document')?.getBoundingClientRect();
    const scroll = document.querySelector<HTMLElement>('.reader__scroll');
    if (text === undefined || scroll === null) throw new Error('reader not rendered');
    const left = scroll.getBoundingClientRect().left;
    return { text: { x: text.x, y: text.y, width: text.width, height: text.height }, scrollLeft: left, scrollRight: left + scroll.clientWidth };
  });
}

async function scrollReaderToTop(): Promise<void> {
  await app.page.evaluate(() => document.querySelector('.reader__scroll')?.scrollTo({ top: 0 }));
}

/** Writes a note on the highlight over `phrase` through the margin. */
async function writeNote(phrase: string, text: string): Promise<void> {
  await app.page.locator('mark.hl').filter({ hasText: phrase }).first().click();
  await app.page.getByTestId('add-note').click();
  await app.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'note-text');
  await app.page.keyboard.type(text);
  await app.page.keyboard.press('Escape');
}

/** Scrolls the reader as a person would to read the highlight over `phrase` in the middle of the window (its note card then has room below it). */
async function scrollToMiddle(phrase: string): Promise<void> {
  await app.page.locator('mark.hl').filter({ hasText: phrase }).first().evaluate((mark) => mark.scrollIntoView({ block: 'center' }));
}

/** The texts of the margin's note editors that are laid out (not hidden with the margin) inside the window's width. */
async function visibleNoteTexts(): Promise<string[]> {
  return app.page.locator('[data-testid="note-text"]').evaluateAll((editors) => editors.filter((editor) => {
    const rect = editor.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && rect.left >= 0 && rect.right <= window.innerWidth;
  }).map((editor) => (editor as HTMLTextAreaElement).value));
}

/** Asserts the side panel does not cover the text column, which stays centred and readable. */
async function expectPanelBesideText(minimumTextWidth: number): Promise<void> {
  const panel = await box('.panel-drawer');
  const main = await box('.main-pane');
  const { text, scrollLeft, scrollRight } = await textColumn();
  expect(text.x + text.width).toBeLessThanOrEqual(panel.x);
  expect(main.x + main.width).toBeLessThanOrEqual(panel.x + 1);
  expect(text.width).toBeGreaterThanOrEqual(minimumTextWidth);
  const leftGap = text.x - scrollLeft;
  const rightGap = scrollRight - (text.x + text.width);
  expect(Math.abs(leftGap - rightGap)).toBeLessThanOrEqual(2);
}

beforeEach(async () => {
  await openArticle(app.page, app.url, DISPUTES);
  await completeFirstRun(app.page, 'Leyla');
  await tagPhrase(app.page, 'geopolitical dynamics', 'Geopolitics');
  await tagPhrase(app.page, 'key land transit routes', 'Leverage');
  await tagPhrase(app.page, FAR_PHRASE, 'Opportunity');
  await tagPhrase(app.page, 'past cooperation', 'Leverage');
  await writeNote('geopolitical dynamics', 'The framing the rest of the article argues from.');
  await scrollReaderToTop();
});

describe('side panels at 1280×800', () => {
  it('open beside the text, never over it', async () => {
    const closed = await textColumn();
    await app.page.locator('.margin-column').waitFor();
    for (const name of PANELS) {
      await openPanel(app.page, name);
      await expectPanelBesideText(480);
      // Below 1600 px the panel takes the sidebar's place; the notes stay, left of the panel.
      await expect(app.page.locator('nav.sidebar').isVisible()).resolves.toBe(false);
      await app.page.locator('.margin-column').waitFor();
      const margin = await box('.margin-column');
      expect(margin.x + margin.width).toBeLessThanOrEqual((await box('.panel-drawer')).x + 1);
      await saveScreenshot(app.page, `layout-panel-${name.toLowerCase()}`);
    }
    await closePanel(app.page);
    await app.page.locator('nav.sidebar').waitFor();
    await app.page.locator('.margin-column').waitFor();
    expect((await textColumn()).text.width).toBe(closed.text.width);
  });

  it('jumps to a highlight that ends up fully visible, left of the panel', async () => {
    await openPanel(app.page, 'Annotations');
    await scrollReaderToTop();
    await app.page.getByTestId('annotation-item').filter({ hasText: FAR_PHRASE }).click();
    const mark = app.page.locator('mark.hl').filter({ hasText: FAR_PHRASE }).first();
    await expect.poll(() => mark.getAttribute('class')).toContain('hl-focused');
    const panel = await box('.panel-drawer');
    await expect.poll(async () => {
      const marked = await mark.boundingBox();
      const pane = await box('.reader__scroll');
      if (marked === null) return 'not rendered';
      if (marked.y < pane.y || marked.y + marked.height > pane.y + pane.height) return 'outside the reader vertically';
      if (marked.x < pane.x || marked.x + marked.width > panel.x) return 'under the panel or left of the reader';
      return 'visible';
    }).toBe('visible');
    await saveScreenshot(app.page, 'layout-jump');
  });
});

describe('the top bar at 1280×800', () => {
  it('shows every control, the sync state included, inside the window', async () => {
    const bar = app.page.locator('.top-bar');
    await expect(bar.evaluate((element) => element.scrollWidth - element.clientWidth)).resolves.toBeLessThanOrEqual(0);
    const controls = await bar.locator('button, a').evaluateAll((elements) =>
      elements.map((element) => ({ name: element.textContent ?? '', right: element.getBoundingClientRect().right })));
    expect(controls.map((control) => control.name)).toContain('Analysis');
    expect(controls.filter((control) => control.right > 1280).map((control) => control.name)).toEqual([]);
  });
});

describe('a narrow window', () => {
  it('shows every top-bar control inside the window at 1000, 1100 and 1200 px, the bar taking a second row', async () => {
    for (const width of [1000, 1100, 1200]) {
      await app.page.setViewportSize({ width, height: 750 });
      const bar = app.page.locator('.top-bar');
      await expect.poll(() => bar.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
      await saveScreenshot(app.page, `layout-top-bar-${width}`);
      const barBox = await box('.top-bar');
      const controls = await bar.locator('button, a').evaluateAll((elements) =>
        elements.filter((element) => element.getClientRects().length > 0).map((element) => {
          const rect = element.getBoundingClientRect();
          return { name: element.textContent ?? '', right: rect.right, bottom: rect.bottom };
        }));
      expect(controls.map((control) => control.name)).toEqual(expect.arrayContaining(['Contents', 'Analysis', 'Export…']));
      expect(controls.filter((control) => control.right > width || control.bottom > barBox.y + barBox.height).map((control) => control.name)).toEqual([]);
      // The article and the margin start below the bar, whatever its height.
      expect((await box('.main-pane')).y).toBeGreaterThanOrEqual(barBox.y + barBox.height - 1);
    }
  });

  it('keeps the margin notes at 1000 px, the contents a button away: a note written there is on screen', async () => {
    await app.page.setViewportSize({ width: 1000, height: 700 });
    await app.page.locator('.margin-column').waitFor();
    // The contents hide on the render after the window's width query changes: wait for it.
    await app.page.locator('nav.sidebar').waitFor({ state: 'hidden' });
    await expect(app.page.locator('nav.sidebar').isVisible()).resolves.toBe(false);
    const contents = app.page.locator('.top-bar').getByRole('button', { name: 'Contents' });
    expect(await contents.getAttribute('aria-pressed')).toBe('false');
    await scrollToMiddle('key land transit routes');
    await app.page.locator('mark.hl').filter({ hasText: 'key land transit routes' }).first().click();
    await app.page.getByRole('dialog', { name: /^Highlight/ }).getByRole('button', { name: 'Add note' }).click();
    await app.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'note-text');
    await app.page.keyboard.type('Written in a narrow window.');
    await expect.poll(() => visibleNoteTexts()).toContain('Written in a narrow window.');
    const { text } = await textColumn();
    expect(text.x + text.width).toBeLessThanOrEqual((await box('.margin-column')).x);
    await saveScreenshot(app.page, 'layout-narrow-note');
    await contents.click();
    await app.page.locator('nav.sidebar').waitFor();
    expect(await contents.getAttribute('aria-pressed')).toBe('true');
  });

  it('at 1000 px an open panel stands where the notes were; a note asked for closes it and the notes come back', async () => {
    await app.page.setViewportSize({ width: 1000, height: 700 });
    await openPanel(app.page, 'Annotations');
    await app.page.locator('.margin-column').waitFor({ state: 'hidden' });
    await expectPanelBesideText(300);
    await scrollToMiddle('past cooperation');
    await app.page.locator('mark.hl').filter({ hasText: 'past cooperation' }).first().click();
    await app.page.getByRole('dialog', { name: /^Highlight/ }).getByRole('button', { name: 'Add note' }).click();
    await app.page.locator('.panel-drawer').waitFor({ state: 'detached' });
    await app.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'note-text');
    await app.page.keyboard.type('Asked for with a panel open.');
    await expect.poll(() => visibleNoteTexts()).toContain('Asked for with a panel open.');
  });
});

describe('other window sizes', () => {
  it('keeps the panel beside the text at 1440×900', async () => {
    await app.page.setViewportSize({ width: 1440, height: 900 });
    await openPanel(app.page, 'Codebook');
    await expectPanelBesideText(520);
    await saveScreenshot(app.page, 'layout-panel-1440');
  });

  it('keeps the margin notes beside the text and the panel from 1600 px', async () => {
    await app.page.setViewportSize({ width: 1600, height: 1000 });
    await openPanel(app.page, 'Annotations');
    await scrollReaderToTop();
    await expectPanelBesideText(480);
    const margin = await box('.margin-column');
    const panel = await box('.panel-drawer');
    const { text } = await textColumn();
    expect(text.x + text.width).toBeLessThanOrEqual(margin.x);
    expect(margin.x + margin.width).toBeLessThanOrEqual(panel.x + 1);
    // The documentation picture: tagged highlights, a margin note beside its highlight, the panel.
    await app.page.locator('mark.hl').filter({ hasText: 'geopolitical dynamics' }).first().evaluate((mark) => mark.scrollIntoView({ block: 'center' }));
    await expect.poll(async () => {
      const card = await app.page.getByTestId('note-card').first().boundingBox();
      const mark = await app.page.locator('mark.hl').filter({ hasText: 'geopolitical dynamics' }).first().boundingBox();
      return card !== null && mark !== null && Math.abs(card.y - mark.y) < 40;
    }).toBe(true);
    await saveScreenshot(app.page, 'layout-docs-annotations');
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') await app.page.screenshot({ path: DOCS_SCREENSHOT });
    await closePanel(app.page);
    await app.page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('notices', () => {
  it('appear clear of the top bar and the title, and a success notice goes away by itself', async () => {
    await scrollReaderToTop();
    await saveProjectFile(app.page);
    const notice = app.page.getByTestId('notice');
    await notice.waitFor();
    await expect(notice.getAttribute('role')).resolves.toBe('status');
    const shown = await box('[data-testid="notice"]');
    expect(overlaps(shown, await box('.top-bar'))).toBe(false);
    expect(overlaps(shown, await box('.reader-document h1, .title-block__title'))).toBe(false);
    await saveScreenshot(app.page, 'layout-notice');
    await notice.waitFor({ state: 'detached', timeout: 9000 });
  });

  it('sit left of an open panel', async () => {
    await openPanel(app.page, 'Codebook');
    await saveProjectFile(app.page);
    const shown = await box('[data-testid="notice"]');
    expect(shown.x + shown.width).toBeLessThanOrEqual((await box('.panel-drawer')).x);
    await app.page.getByRole('button', { name: 'Dismiss' }).click();
    await closePanel(app.page);
  });

  it('keep an error until it is dismissed', async () => {
    // The page's clock is Playwright's from here on, so the time a success notice would stay
    // can be jumped over: every timer due in the jump fires during it.
    await app.page.clock.install();
    await mergeProjectFileBytes(app.page, 'notes.txt', Buffer.from('not a project file'));
    const notice = app.page.getByTestId('notice');
    await expect(notice.getAttribute('role')).resolves.toBe('alert');
    await app.page.clock.fastForward(NOTICE_AUTO_DISMISS_MS + 500);
    await afterFrames(app.page);
    await notice.waitFor();
    expect(overlaps(await box('[data-testid="notice"]'), await box('.reader-document h1, .title-block__title'))).toBe(false);
    await app.page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice.count()).resolves.toBe(0);
  });
});
