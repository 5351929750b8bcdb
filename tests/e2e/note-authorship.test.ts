/**
 * End to end, by hand: whose note is it. Aylin writes a note; Babak merges her project file
 * and sees the note as text he cannot edit, with a Reply box, and replies. Where a merge
 * brings in someone else's edit anyway (Ceyda's file, written by an app that let her edit
 * Aylin's note), Aylin's card says "edited by Ceyda". Screenshots:
 * tests/e2e/screenshots/note-authorship-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { newId, type MemberId, type NoteId } from '#shared/model/ids.ts';
import { roots } from '#shared/model/layout.ts';
import { editNote } from '#shared/model/notes.ts';
import { setMember } from '#shared/model/project.ts';
import { encodeProjectFile, mergeProjectFile } from '#shared/model/project-file.ts';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { completeFirstRun, highlightPhrase, mergeProjectFileBytes, saveProjectFile } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const PHRASE = 'mutual distrust';
const NOTE = 'Distrust frames every later step.';

/** Chromium and the served renderer; no person's page may log an error in any test. */
const app = useApp();

async function person(name: string): Promise<Page> {
  const page = await app.newPage(name);
  await openArticle(page, app.url, ARTICLE);
  await completeFirstRun(page, name);
  return page;
}

function card(page: Page) {
  return page.getByTestId('note-card').first();
}

/** Ceyda's copy of Aylin's file, in which she edited Aylin's note (as an older app allowed). */
function ceydasFile(bytes: Buffer): Uint8Array {
  const doc = new Y.Doc();
  const merged = mergeProjectFile(doc, bytes);
  if (!merged.ok) throw new Error(merged.error);
  const ceyda = { member: newId() as MemberId };
  setMember(doc, ceyda, { name: 'Ceyda', colour: '#2f7d6d' });
  const noteId = [...roots(doc).notes.keys()][0] as NoteId;
  editNote(doc, ceyda, noteId, NOTE.length, 0, ' Also in the 2020 talks.');
  return encodeProjectFile(doc);
}

describe('whose note is it', () => {
  it('the author edits her note; a teammate reads it and replies; a merged edit by someone else is named', async () => {
    const aylin = await person('Aylin');
    const babak = await person('Babak');

    // The author writes her note in the margin.
    await highlightPhrase(aylin, PHRASE);
    await aylin.getByTestId('add-note').click();
    await expect.poll(() => aylin.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-text');
    await aylin.keyboard.type(NOTE);
    await expect.poll(() => card(aylin).getByTestId('note-text').inputValue()).toBe(NOTE);
    const aylinsFile = await saveProjectFile(aylin);

    // A teammate sees it read-only and replies instead.
    await mergeProjectFileBytes(babak, 'aylin.marginalia', aylinsFile);
    await babak.getByRole('button', { name: 'Dismiss' }).click();
    await babak.locator('mark.hl').filter({ hasText: PHRASE }).first().click();
    await expect.poll(() => card(babak).getByTestId('note-text-read').textContent()).toBe(NOTE);
    expect(await card(babak).locator('textarea').count()).toBe(0);
    await expect(card(babak).locator('.note-card__author').first().textContent()).resolves.toBe('Aylin');
    await card(babak).getByTestId('reply-input').click();
    await babak.keyboard.type('Babak agrees.');
    await babak.keyboard.press('Enter');
    await expect.poll(() => card(babak).getByTestId('note-reply').textContent()).toContain('Babak agrees.');
    await saveScreenshot(babak, 'note-authorship-reader');

    // A merged edit by someone else is named on the card.
    expect(await card(aylin).getByTestId('note-edited').count()).toBe(0);
    await mergeProjectFileBytes(aylin, 'ceyda.marginalia', Buffer.from(ceydasFile(aylinsFile)));
    await expect.poll(() => card(aylin).getByTestId('note-edited').textContent()).toMatch(/^edited by Ceyda, /);
    await expect.poll(() => card(aylin).getByTestId('note-text').inputValue()).toBe(`${NOTE} Also in the 2020 talks.`);
    await saveScreenshot(aylin, 'note-authorship-edited');
  });
});
