/**
 * End to end: annotating in the reader. First run asks for a name; a mouse selection
 * gets a toolbar; Highlight, Tag (typing a new name creates the tag) and the number keys
 * create coloured highlights; notes and replies are written in the margin; everything is
 * back after a reload; Delete moves a highlight to the trash and Restore brings it back
 * with its note. Screenshots of each step go to tests/e2e/screenshots/annotate-*.png.
 * Each test starts from an empty profile and first does, through the UI, the steps it
 * builds on.
 */
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle, textRect } from './reader-support.ts';
import { completeFirstRun, dragSelect, highlightPhrase, highlightTexts } from './annotate-support.ts';
import { flushProject } from './page-events.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const PHRASE_A = 'geopolitical dynamics';
const PHRASE_B = 'peacekeeping forces';
const PHRASE_C = 'military cooperation';

/** Chromium, the served renderer and a fresh page per test; no page may log an error in any test. */
const app = useAppPage();
const NOTE = 'Sets the frame: Eurasian geopolitics.';
const REPLY = 'Agreed, and it recurs later.';

/** Opens the article and completes first run as Nigar. */
async function start(): Promise<void> {
  await openArticle(app.page, app.url, ARTICLE);
  await completeFirstRun(app.page, 'Nigar');
}

/** Highlights A, tags B with a new tag "Peacekeeping", and tags C with key 1 (what the second test checks). */
async function annotateThree(): Promise<void> {
  await highlightPhrase(app.page, PHRASE_A);
  await dragSelect(app.page, PHRASE_B);
  await app.page.getByRole('button', { name: 'Tag…' }).click();
  await app.page.getByTestId('toolbar-tag-input').fill('Peacekeeping');
  await app.page.getByTestId('toolbar-tag-input').press('Enter');
  await app.page.locator('mark.hl').filter({ hasText: PHRASE_B }).first().waitFor();
  await dragSelect(app.page, PHRASE_C);
  await app.page.keyboard.press('1');
  await app.page.locator('mark.hl').filter({ hasText: PHRASE_C }).first().waitFor();
}

/** Writes the note on A's highlight in the margin (what the third test checks), and optionally the reply. */
async function writeNote(options: { reply: boolean }): Promise<void> {
  await app.page.locator('mark.hl').filter({ hasText: PHRASE_A }).first().click();
  await app.page.getByTestId('add-note').click();
  await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-text');
  await app.page.keyboard.type(NOTE);
  if (!options.reply) return;
  await app.page.getByTestId('reply-input').fill(REPLY);
  await app.page.getByRole('button', { name: 'Reply', exact: true }).click();
  await app.page.getByTestId('note-reply').waitFor();
}

async function tagCountIn(name: string): Promise<string | null> {
  return app.page.locator(`.codebook__row[data-tag-name="${name}"] [data-testid="tag-count"]`).first().textContent();
}

describe('annotating an article', () => {
  it('asks for a name on first run and keeps the member id', async () => {
    await openArticle(app.page, app.url, ARTICLE);
    await expect(app.page.locator('.project-menu').count()).resolves.toBe(0);
    await saveScreenshot(app.page, 'annotate-first-run');
    await completeFirstRun(app.page, 'Nigar');
    const stored = await app.page.evaluate(() => JSON.parse(localStorage.getItem('marginalia.member.v1') ?? 'null') as { id: string; name: string });
    expect(stored.name).toBe('Nigar');
    expect(stored.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('highlights, tags via the toolbar (creating a tag) and via a number key', async () => {
    await start();
    await dragSelect(app.page, PHRASE_A);
    await saveScreenshot(app.page, 'annotate-toolbar');
    await app.page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect.poll(async () => Object.values(await highlightTexts(app.page))).toEqual([PHRASE_A]);

    await dragSelect(app.page, PHRASE_B);
    await app.page.getByRole('button', { name: 'Tag…' }).click();
    await app.page.getByTestId('toolbar-tag-input').fill('Peacekeeping');
    await app.page.getByTestId('toolbar-tag-input').press('Enter');
    await expect.poll(async () => Object.values(await highlightTexts(app.page))).toContain(PHRASE_B);
    const tagged = app.page.locator('mark.hl').filter({ hasText: PHRASE_B }).first();
    await expect(tagged.getAttribute('class')).resolves.toMatch(/hl-t-[A-Za-z0-9_-]{22}/);
    // The tag's colour comes from the generated stylesheet, not the untagged yellow.
    const background = await tagged.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).not.toBe('rgba(255, 221, 0, 0.38)');
    expect(background).not.toBe('rgba(0, 0, 0, 0)');

    await dragSelect(app.page, PHRASE_C);
    await app.page.keyboard.press('1');
    await expect.poll(async () => Object.values(await highlightTexts(app.page))).toContain(PHRASE_C);
    await expect(app.page.locator('mark.hl').filter({ hasText: PHRASE_C }).first().getAttribute('class')).resolves.toMatch(/hl-t-/);

    await app.page.getByRole('button', { name: 'Codebook' }).click();
    await expect.poll(() => tagCountIn('Peacekeeping')).toBe('2');
    await saveScreenshot(app.page, 'annotate-codebook');
    await app.page.getByRole('button', { name: 'Close panel' }).click();
  });

  it('puts the caret where the first click after a new highlight lands', async () => {
    await start();
    await highlightPhrase(app.page, PHRASE_A);
    // The new highlight is focused; a click in plain text a line below moves the caret there
    // (and leaves the highlight), so Shift+→ selects from the click, not from the highlight's end.
    const word = await textRect(app.page, 'significant importance');
    await app.page.mouse.click(word.startX + 1, word.y);
    for (let step = 0; step < 'significant'.length; step += 1) await app.page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => app.page.evaluate(() => window.getSelection()?.toString())).toBe('significant');
  });

  it('writes a note and a reply in the margin, beside the highlight', async () => {
    await start();
    await highlightPhrase(app.page, PHRASE_A);
    await app.page.locator('mark.hl').filter({ hasText: PHRASE_A }).first().click();
    await app.page.getByTestId('add-note').click();
    const note = app.page.getByTestId('note-text');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-text');
    await app.page.keyboard.type('Sets the frame: Eurasian geopolitics.');
    await app.page.getByTestId('reply-input').fill('Agreed, and it recurs later.');
    await app.page.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(app.page.getByTestId('note-reply').textContent()).resolves.toContain('Agreed, and it recurs later.');
    await expect(note.inputValue()).resolves.toBe('Sets the frame: Eurasian geopolitics.');
    const card = await app.page.getByTestId('note-card').boundingBox();
    const mark = await app.page.locator('mark.hl').filter({ hasText: PHRASE_A }).first().boundingBox();
    expect(card).not.toBeNull();
    expect(mark).not.toBeNull();
    expect(Math.abs((card?.y ?? 0) - (mark?.y ?? 0))).toBeLessThan(40);
    await saveScreenshot(app.page, 'annotate-note');
  });

  it('keeps everything after a reload', async () => {
    await start();
    await annotateThree();
    await writeNote({ reply: true });
    // Reload only once IndexedDB holds what was just written.
    await flushProject(app.page);
    const before = await highlightTexts(app.page);
    // What the note's editor holds when it first appears on the reloaded page (read as it is added).
    await app.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __firstNoteValues: string[] }).__firstNoteValues = seen;
      new MutationObserver(() => {
        for (const editor of document.querySelectorAll<HTMLTextAreaElement>('[data-testid="note-text"]:not([data-seen])')) {
          editor.dataset['seen'] = '';
          seen.push(editor.value);
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await app.page.reload();
    await app.page.locator('.project-menu').waitFor();
    await expect.poll(() => highlightTexts(app.page)).toEqual(before);
    await expect(app.page.getByTestId('note-text').inputValue()).resolves.toBe('Sets the frame: Eurasian geopolitics.');
    await expect(app.page.getByTestId('note-reply').textContent()).resolves.toContain('Agreed');
    // The editor showed the note from its first appearance: never an empty box for a frame.
    await expect(app.page.evaluate(() => (window as unknown as { __firstNoteValues: string[] }).__firstNoteValues)).resolves.toEqual(['Sets the frame: Eurasian geopolitics.']);
  });

  it('deletes a note of one\'s own from its card, with Undo in the notice', async () => {
    await start();
    await highlightPhrase(app.page, PHRASE_A);
    await writeNote({ reply: false });
    const card = app.page.getByTestId('note-card');
    await card.getByRole('button', { name: 'Delete note' }).click();
    await expect.poll(() => app.page.getByTestId('note-text').count()).toBe(0);
    await app.page.getByTestId('notice').filter({ hasText: 'Note deleted' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => app.page.getByTestId('note-text').count()).toBe(1);
    expect(await app.page.getByTestId('note-text').inputValue()).toBe(NOTE);
  });

  it('edits and deletes a reply of one\'s own', async () => {
    await start();
    await highlightPhrase(app.page, PHRASE_A);
    await writeNote({ reply: true });
    const reply = app.page.getByTestId('note-reply');
    const field = reply.getByRole('textbox', { name: 'Reply text' });
    // Escape drops what was typed: the reply reads as before.
    await reply.getByRole('button', { name: 'Edit reply' }).click();
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    await app.page.keyboard.type(' Not this.');
    await app.page.keyboard.press('Escape');
    await field.waitFor({ state: 'detached' });
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit reply');
    expect(await reply.locator('p').textContent()).toBe(REPLY);
    await reply.getByRole('button', { name: 'Edit reply' }).click();
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    await app.page.keyboard.press('Control+a');
    await app.page.keyboard.type('Agreed: it recurs in part 3.');
    await app.page.keyboard.press('Enter');
    await field.waitFor({ state: 'detached' });
    await expect.poll(() => reply.locator('p').textContent()).toBe('Agreed: it recurs in part 3.');
    await reply.getByRole('button', { name: 'Delete reply' }).click();
    await expect.poll(() => app.page.getByTestId('note-reply').count()).toBe(0);
    await app.page.getByTestId('notice').filter({ hasText: 'Reply deleted' }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => app.page.getByTestId('note-reply').locator('p').textContent()).toBe('Agreed: it recurs in part 3.');
  });

  it('gives the keyboard back to the article when Escape is pressed in a note, the note kept', async () => {
    await start();
    await highlightPhrase(app.page, PHRASE_A);
    await writeNote({ reply: false });
    await app.page.keyboard.press('Escape');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.closest('.reader-document') !== null)).toBe(true);
    expect(await app.page.getByTestId('note-text').inputValue()).toBe(NOTE);
  });

  it('takes the trash notice away when Ctrl+Z has brought the highlight back', async () => {
    await start();
    await highlightPhrase(app.page, PHRASE_A);
    await app.page.locator('mark.hl').filter({ hasText: PHRASE_A }).first().click();
    await app.page.keyboard.press('Delete');
    const notice = app.page.getByTestId('notice').filter({ hasText: 'Moved to the trash' });
    await notice.waitFor();
    await app.page.keyboard.press('Control+z');
    await expect.poll(async () => Object.values(await highlightTexts(app.page))).toContain(PHRASE_A);
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('moves a highlight to the trash with Delete and restores it with its note', async () => {
    await start();
    await highlightPhrase(app.page, PHRASE_A);
    await writeNote({ reply: false });
    await app.page.keyboard.press('Escape');
    await app.page.locator('mark.hl').filter({ hasText: PHRASE_A }).first().click();
    await app.page.keyboard.press('Delete');
    await expect.poll(async () => Object.values(await highlightTexts(app.page))).not.toContain(PHRASE_A);
    await app.page.getByRole('button', { name: 'Trash' }).click();
    const item = app.page.getByTestId('trash-item');
    await expect(item.textContent()).resolves.toContain('Sets the frame');
    await saveScreenshot(app.page, 'annotate-trash');
    await item.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(async () => Object.values(await highlightTexts(app.page))).toContain(PHRASE_A);
    await expect.poll(() => app.page.getByTestId('trash-item').count()).toBe(0);
    await app.page.getByRole('button', { name: 'Close panel' }).click();
    await expect(app.page.getByTestId('note-text').inputValue()).resolves.toBe('Sets the frame: Eurasian geopolitics.');
  });
});
