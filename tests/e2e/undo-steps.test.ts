/**
 * End to end, by hand: an undo step ends when the person moves to another text. Two notes
 * are written; then, quickly, a few words are added to the first and a few to the second,
 * and Ctrl+Z in the second takes back only the second's words. (Undo groups edits made in
 * quick succession; without a break at the move, both additions were one step, and Ctrl+Z
 * in one note erased what had just been typed in the other, or a memo written a moment
 * before.)
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { completeFirstRun, dragSelect } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';

/** Chromium, the served renderer and a fresh page per test; no page may log an error. */
const app = useAppPage();

/** Selects `phrase`, presses the toolbar's Note and types `text` into the new note. */
async function writeNoteOn(page: Page, phrase: string, text: string): Promise<void> {
  await dragSelect(page, phrase);
  await page.getByTestId('selection-toolbar').getByRole('button', { name: 'Note', exact: true }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null)).toBe('note-text');
  await page.keyboard.type(text);
}

/** The note editors' texts, top to bottom. */
function noteTexts(page: Page): Promise<string[]> {
  return page.getByTestId('note-text').evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value));
}

describe('undo steps', () => {
  it('end when the person moves to another note: Ctrl+Z there leaves the words just typed in the first', async () => {
    const { page } = app;
    await openArticle(page, app.url, ARTICLE);
    await completeFirstRun(page, 'Leyla');
    await writeNoteOn(page, 'geopolitical dynamics', 'Frame of the piece.');
    await writeNoteOn(page, 'peacekeeping forces', 'Timeline.');
    await expect.poll(() => noteTexts(page)).toEqual(['Frame of the piece.', 'Timeline.']);

    const [first, second] = await page.getByTestId('note-text').all();
    if (first === undefined || second === undefined) throw new Error('two note editors expected');
    await first.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Compare Türkiye.');
    await second.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' 2020 onwards.');
    await expect.poll(() => noteTexts(page)).toEqual(['Frame of the piece. Compare Türkiye.', 'Timeline. 2020 onwards.']);

    await page.keyboard.press('Control+z');
    await expect.poll(() => noteTexts(page)).toEqual(['Frame of the piece. Compare Türkiye.', 'Timeline.']);
    // The next Ctrl+Z, back in the first note, takes back its words in turn.
    await first.click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => noteTexts(page)).toEqual(['Frame of the piece.', 'Timeline.']);
  });
});
