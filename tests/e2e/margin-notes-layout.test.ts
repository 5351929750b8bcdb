/**
 * End to end, by hand: the margin notes keep their place. At 1280×800 an open side panel
 * and the margin notes are on screen together — a note written beside its highlight can
 * still be clicked and typed into while the Annotations panel is open. Where notes crowd
 * (several in one paragraph), a note's editor grows with its text instead of scrolling
 * inside itself, the cards below move down rather than overlap, and the selection toolbar
 * goes away once the person is typing a note. A note written on a passage at the bottom of
 * the window scrolls the article up until the whole note, with what is typed, is on screen.
 * Screenshot: tests/e2e/screenshots/margin-notes-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle, textRect } from './reader-support.ts';
import { completeFirstRun, dragSelect } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
/** Two phrases of the article's first paragraph and one of the next: their notes crowd. */
const PHRASE_A = 'geopolitical dynamics';
const PHRASE_B = 'past cooperation';
const PHRASE_C = 'peacekeeping forces';
const VIEWPORT = { width: 1280, height: 800 };

/** Chromium, the served renderer and a fresh 1280×800 page per test. */
const app = useAppPage({ viewport: VIEWPORT });

interface Box { x: number; y: number; width: number; height: number }

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxOf(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (found === null) throw new Error('element is not rendered');
  return found;
}

/** The note card of the highlight over `phrase` (found through the highlight's id on its mark). */
async function noteCardOn(page: Page, phrase: string): Promise<Locator> {
  const ids = await page.locator('mark.hl').filter({ hasText: phrase }).first().getAttribute('data-highlight-ids');
  const id = ids?.split(' ')[0];
  if (id === undefined || id === '') throw new Error(`no highlight over "${phrase}"`);
  return page.locator(`[data-testid="note-card"][data-highlight-id="${id}"]`);
}

async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/** Selects `phrase` with the mouse, presses the toolbar's Note and types `text` into the new note. */
async function writeNoteOn(page: Page, phrase: string, text: string): Promise<void> {
  await dragSelect(page, phrase);
  await page.getByTestId('selection-toolbar').getByRole('button', { name: 'Note', exact: true }).click();
  await expect.poll(() => focusedTestId(page)).toBe('note-text');
  await page.keyboard.type(text);
}

async function start(page: Page): Promise<void> {
  await openArticle(page, app.url, ARTICLE);
  await completeFirstRun(page, 'Leyla');
}

describe('margin notes beside an open panel at 1280×800', () => {
  it('stay on screen beside their highlight, and can be clicked and typed into', async () => {
    const { page } = app;
    await start(page);
    await writeNoteOn(page, PHRASE_A, 'Sets the frame.');
    await page.locator('.project-menu').getByRole('button', { name: 'Annotations', exact: true }).click();
    const panel = page.locator('.panel-drawer');
    await panel.waitFor();

    const card = page.getByTestId('note-card').first();
    await card.waitFor();
    const cardBox = await boxOf(card);
    const panelBox = await boxOf(panel);
    expect(cardBox.x).toBeGreaterThanOrEqual(0);
    expect(cardBox.y).toBeGreaterThanOrEqual(0);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(VIEWPORT.width);
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(VIEWPORT.height);
    expect(overlaps(cardBox, panelBox)).toBe(false);
    // Beside its highlight: level with it, right of the text.
    const mark = await boxOf(page.locator('mark.hl').filter({ hasText: PHRASE_A }).first());
    expect(Math.abs(cardBox.y - mark.y)).toBeLessThan(40);
    expect(cardBox.x).toBeGreaterThanOrEqual(mark.x + mark.width);
    await saveScreenshot(page, 'margin-notes-beside-panel');

    // The person clicks into the note and goes on writing while the panel stays open.
    const editor = card.getByTestId('note-text');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Compare the conclusion.');
    await expect(editor.inputValue()).resolves.toBe('Sets the frame. Compare the conclusion.');
    await panel.waitFor();
    // The panel lists the note with what was typed.
    await expect.poll(() => panel.getByTestId('annotation-item').filter({ hasText: PHRASE_A }).textContent()).toContain('Compare the conclusion.');
  });
});

describe('crowded margin notes', () => {
  it('grow with their text, without a scrollbar inside the editor, and never overlap', async () => {
    const { page } = app;
    await start(page);
    await writeNoteOn(page, PHRASE_A, 'First note.');
    await writeNoteOn(page, PHRASE_B, 'Second note.');
    await writeNoteOn(page, PHRASE_C, 'Third note.');
    // Back into the first note: several lines and a long one that wraps.
    const editor = (await noteCardOn(page, PHRASE_A)).getByTestId('note-text');
    await editor.click();
    await page.keyboard.press('Control+End');
    for (const line of ['Line two.', 'Line three.', 'Line four.', 'Line five.', 'Line six, which goes on long enough to wrap in a narrow margin column.']) {
      await page.keyboard.press('Enter');
      await page.keyboard.type(line);
    }
    await expect(editor.inputValue()).resolves.toContain('Line six');
    await expect.poll(() => editor.evaluate((element) => element.scrollHeight - element.clientHeight)).toBeLessThanOrEqual(0);

    // The cards below moved down for the grown one: no two cards overlap.
    const cards = page.getByTestId('note-card');
    await expect(cards.count()).resolves.toBe(3);
    await expect.poll(async () => {
      const boxes = await Promise.all([0, 1, 2].map((index) => boxOf(cards.nth(index))));
      return boxes.some((a, i) => boxes.some((b, j) => i < j && overlaps(a, b)));
    }).toBe(false);
    await saveScreenshot(page, 'margin-notes-crowded');
  });

  it('send the selection toolbar away once the person types a note', async () => {
    const { page } = app;
    await start(page);
    await writeNoteOn(page, PHRASE_A, 'About the frame.');
    const toolbar = page.getByTestId('selection-toolbar');
    await toolbar.waitFor({ state: 'detached' });
    // A new selection brings the toolbar back; clicking into the note to type sends it away.
    await dragSelect(page, PHRASE_B);
    await toolbar.waitFor();
    const editor = (await noteCardOn(page, PHRASE_A)).getByTestId('note-text');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' More.');
    await expect(editor.inputValue()).resolves.toBe('About the frame. More.');
    await toolbar.waitFor({ state: 'detached', timeout: 5000 });
  });
});

describe('a note on a passage at the bottom of the window', () => {
  it('scrolls the article until the whole note, and what is typed in it, is on screen', async () => {
    const { page } = app;
    await start(page);
    const phrase = 'diminished geopolitical clout';
    // The person scrolls with the wheel until the passage is on the window's last lines.
    const centred = await textRect(page, phrase);
    await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
    await page.mouse.wheel(0, -(VIEWPORT.height - 40 - centred.y));
    const where = (): ReturnType<typeof textRect> => textRect(page, phrase, { scroll: false });
    await expect.poll(async () => (await where()).y).toBeGreaterThan(VIEWPORT.height - 70);
    const at = await where();
    expect(at.endY).toBeLessThan(VIEWPORT.height);

    await page.mouse.move(at.startX, at.y);
    await page.mouse.down();
    await page.mouse.move(at.endX, at.endY, { steps: 4 });
    await page.mouse.up();
    await page.getByTestId('selection-toolbar').getByRole('button', { name: 'Note', exact: true }).click();
    await expect.poll(() => focusedTestId(page)).toBe('note-text');
    await page.keyboard.type('Why now?');
    for (const line of ['The war in Ukraine.', 'Compare section 2.2.']) {
      await page.keyboard.press('Enter');
      await page.keyboard.type(line);
    }

    const card = await noteCardOn(page, phrase);
    const editor = card.getByTestId('note-text');
    await expect(editor.inputValue()).resolves.toBe('Why now?\nThe war in Ukraine.\nCompare section 2.2.');
    // The whole card is in the window, below the top bar, and still level with its highlight.
    await expect.poll(async () => {
      const box = await boxOf(card);
      return box.y + box.height;
    }).toBeLessThanOrEqual(VIEWPORT.height);
    const cardBox = await boxOf(card);
    const mark = await boxOf(page.locator('mark.hl').filter({ hasText: phrase }).first());
    expect(mark.y).toBeGreaterThan(0);
    expect(Math.abs(cardBox.y - mark.y)).toBeLessThan(40);
    expect(await focusedTestId(page)).toBe('note-text');
    await saveScreenshot(page, 'margin-notes-at-the-bottom');

    // Scrolling away while the note keeps the keyboard is the person's choice: the article
    // stays where the wheel left it (the cards re-align on every scroll's next frame).
    const before = await where();
    await page.mouse.move(VIEWPORT.width / 2, VIEWPORT.height / 2);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await where()).y).toBeGreaterThan(before.y + 300);
    await page.evaluate(() => new Promise<void>((resolve) => {
      let frames = 0;
      const next = (): void => (++frames >= 3 ? resolve() : void requestAnimationFrame(next));
      requestAnimationFrame(next);
    }));
    expect((await where()).y).toBeGreaterThan(before.y + 300);
    expect(await focusedTestId(page)).toBe('note-text');
  });
});
