/**
 * End to end: the Unanchored panel covers the whole corpus. A project file built in Node
 * holds one highlight that anchors, one whose quote is no longer in its article and one on
 * an article the library does not have. Merged into a fresh context from the library
 * screen (no article open), the panel lists both unplaceable highlights with quote and
 * document title; one moves to the trash and comes back. Screenshot:
 * tests/e2e/screenshots/unanchored-corpus.png. Each test starts from a fresh profile and
 * merges the file itself.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describe as describeSpan } from '#shared/anchoring/describe.ts';
import { addHighlight } from '#shared/model/highlights.ts';
import { newId, type MemberId } from '#shared/model/ids.ts';
import { addNote } from '#shared/model/notes.ts';
import { createProject, setMember } from '#shared/model/project.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { loadBundledArticles } from './reader-support.ts';
import { closePanel, completeFirstRun, mergeProjectFileBytes, openPanel } from './annotate-support.ts';

const LOST_QUOTE = 'a sentence the editors later removed from this article entirely';

function projectFile(): Buffer {
  const article = loadBundledArticles().find((candidate) => candidate.meta.id === 'azerbaijan-back-to-normalcy');
  if (article === undefined) throw new Error('bundled article missing');
  const doc = new Y.Doc();
  const actor = { member: newId() as MemberId };
  createProject(doc, actor, { name: 'Old edition' });
  setMember(doc, actor, { name: 'Elvin', colour: '#30638e' });
  const start = article.text.indexOf('foreign policy');
  const placed = describeSpan(article.text, { start, end: start + 'foreign policy'.length });
  addHighlight(doc, actor, { documentId: article.meta.id, documentHash: article.hash, ...placed });
  const lost = addHighlight(doc, actor, {
    documentId: article.meta.id,
    documentHash: 'an-older-edition',
    position: { start: 500, end: 500 + LOST_QUOTE.length },
    quote: { exact: LOST_QUOTE, prefix: 'In the first edition, ', suffix: ', as readers noticed.' },
  });
  addNote(doc, actor, lost, 'Was in the March edition.');
  addHighlight(doc, actor, {
    documentId: 'withdrawn-report',
    documentHash: 'unknown',
    position: { start: 0, end: 12 },
    quote: { exact: 'Withdrawn by', prefix: '', suffix: ' the publisher' },
  });
  return Buffer.from(encodeProjectFile(doc));
}

/** Chromium, the served renderer and a fresh page per test; no page may log an error in any test. */
const app = useAppPage();

/** First run on the library screen, the old edition's file merged (no article open). */
async function mergeOldEdition(): Promise<void> {
  await app.page.goto(`${app.url}#/`);
  await completeFirstRun(app.page, 'Samira');
  await mergeProjectFileBytes(app.page, 'old-edition.marginalia', projectFile());
}

describe('unanchored highlights across the corpus', () => {
  it('lists every unplaceable highlight with quote and document title, from the library screen', async () => {
    await mergeOldEdition();
    await openPanel(app.page, 'Unanchored');
    const items = app.page.getByTestId('unanchored-item');
    await expect.poll(() => items.count()).toBe(2);
    const lost = items.filter({ hasText: LOST_QUOTE });
    await expect(lost.getByTestId('unanchored-document').textContent()).resolves.toContain('Back To Normalcy');
    await expect(lost.textContent()).resolves.toContain('Was in the March edition.');
    await expect(lost.textContent()).resolves.toContain('its text is no longer in the article');
    const withdrawn = items.filter({ hasText: 'Withdrawn by' });
    await expect(withdrawn.getByTestId('unanchored-document').textContent()).resolves.toContain('withdrawn-report');
    await expect(withdrawn.textContent()).resolves.toContain('its article is not in the library');
    // The highlight that anchors is not listed.
    await expect(items.locator('.annotation-item__quote').allTextContents()).resolves.toEqual([`“${LOST_QUOTE}”`, '“Withdrawn by”']);
    await saveScreenshot(app.page, 'unanchored-corpus');
  });

  it('moves one to the trash and restores it (never dropped)', async () => {
    await mergeOldEdition();
    await openPanel(app.page, 'Unanchored');
    const items = app.page.getByTestId('unanchored-item');
    await expect.poll(() => items.count()).toBe(2);
    await items.filter({ hasText: 'Withdrawn by' }).getByRole('button', { name: 'Move to trash' }).click();
    await expect.poll(() => items.count()).toBe(1);
    await openPanel(app.page, 'Trash');
    const trashed = app.page.getByTestId('trash-item').filter({ hasText: 'Withdrawn by' });
    await trashed.getByRole('button', { name: 'Restore' }).click();
    await openPanel(app.page, 'Unanchored');
    await expect.poll(() => app.page.getByTestId('unanchored-item').count()).toBe(2);
    await closePanel(app.page);
  });
});
