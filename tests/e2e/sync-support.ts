/**
 * Helpers for the team-sync end-to-end tests: a teammate = one browser context with its own
 * IndexedDB and localStorage; joining through the Team dialog by pasting an invite; reading
 * the sync indicator; annotating by hand as a person does (a click on a highlight, its
 * popover, the margin's note and reply boxes, the keyboard); and reading the page's state
 * through the test hook (`window.__marginaliaTest`, present only in the test build the
 * end-to-end tests serve), which only reads: every change is made through the app's UI.
 */
import type { Locator, Page } from 'playwright-core';
import type { MarginaliaTestHook } from '../../renderer/sync/test-hook.ts';
import { completeFirstRun, dragSelect } from './annotate-support.ts';
import { loadBundledArticles } from './reader-support.ts';

/** The test hook as seen from page.evaluate. */
export type HookWindow = Window & { __marginaliaTest: MarginaliaTestHook };

/** The article the sync tests read (Node-side copy, for hashes and offsets). */
export const SYNC_ARTICLE_ID = 'russia-azerbaijan-disputes';

/** The Node-side article. */
export function syncArticle() {
  const article = loadBundledArticles().find((candidate) => candidate.meta.id === SYNC_ARTICLE_ID);
  if (article === undefined) throw new Error(`bundled article ${SYNC_ARTICLE_ID} is missing`);
  return article;
}

/** URL of the reader for `documentId`. */
export function readerUrl(baseUrl: string, documentId = SYNC_ARTICLE_ID): string {
  return new URL(`/#/read/${documentId}`, baseUrl).href;
}

/** Opens the app, completes first run as `name`, and waits for the reader. */
export async function startTeammate(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(readerUrl(baseUrl));
  await page.locator('.reader-document').waitFor();
  await completeFirstRun(page, name);
}

/** Opens Team settings from the indicator, pastes `link`, joins (the page reloads), waits for the reader. */
export async function joinWithInvite(page: Page, link: string, options: { copyLocal?: boolean } = {}): Promise<void> {
  await page.getByTestId('sync-indicator').click();
  await page.getByTestId('team-mode-invite').check();
  await page.getByTestId('team-invite').fill(link);
  const copy = page.getByTestId('team-copy-local');
  if ((await copy.count()) > 0 && (await copy.isChecked()) !== (options.copyLocal ?? false)) await copy.click();
  await Promise.all([page.waitForEvent('load'), page.getByTestId('team-join').click()]);
  await page.locator('.reader-document').waitFor();
  await page.locator('[data-testid="sync-indicator"]').waitFor();
}

/** The indicator's phase (data-phase). */
export async function syncPhase(page: Page): Promise<string | null> {
  return page.getByTestId('sync-indicator').getAttribute('data-phase');
}

/** The indicator's visible label and tooltip. */
export async function indicator(page: Page): Promise<{ label: string; tooltip: string }> {
  const element = page.getByTestId('sync-indicator');
  return { label: ((await element.textContent()) ?? '').trim(), tooltip: (await element.getAttribute('title')) ?? '' };
}

/** Waits until the indicator shows `phase`. */
export async function waitForPhase(page: Page, phase: string, timeoutMs = 20_000): Promise<void> {
  await page.waitForSelector(`[data-testid="sync-indicator"][data-phase="${phase}"]`, { timeout: timeoutMs });
}

/** The canonical snapshot of the page's project (JSON). */
export function pageSnapshot(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as HookWindow).__marginaliaTest.snapshot());
}

/** The highlight popover on screen (a dialog named "Highlight “…”"). */
export function popover(page: Page): Locator {
  return page.getByRole('dialog', { name: /^Highlight/ });
}

/** The first mark of the highlight of `phrase`. */
export function markOf(page: Page, phrase: string): Locator {
  return page.locator('mark.hl').filter({ hasText: phrase }).first();
}

/** The id of the live highlight quoting `phrase`, read from the page's snapshot. */
export async function highlightIdOf(page: Page, phrase: string): Promise<string> {
  const snapshot = JSON.parse(await pageSnapshot(page)) as { highlights: Array<{ id: string; quote: { exact: string }; deleted: unknown }> };
  const found = snapshot.highlights.find((highlight) => highlight.quote.exact === phrase && highlight.deleted === null);
  if (found === undefined) throw new Error(`no live highlight quotes: ${phrase}`);
  return found.id;
}

/** The margin card of the note on the highlight of `phrase`. */
export async function noteCardOf(page: Page, phrase: string): Promise<Locator> {
  return page.locator(`[data-testid="note-card"][data-highlight-id="${await highlightIdOf(page, phrase)}"]`);
}

/** Selects `phrase` with a mouse drag, clicks the toolbar's "Tag…", types `code` and presses Enter (the type-ahead creates the code if new); waits for the mark. */
export async function tagByHand(page: Page, phrase: string, code: string): Promise<void> {
  await dragSelect(page, phrase);
  await page.getByRole('button', { name: 'Tag…' }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'toolbar-tag-input');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await markOf(page, phrase).waitFor();
}

/** Clicks the highlight of `phrase`, "Add code…" in its popover, types `code`, Enter; waits for the chip and closes the popover. */
export async function codeHighlight(page: Page, phrase: string, code: string): Promise<void> {
  await markOf(page, phrase).click();
  await popover(page).getByRole('button', { name: 'Add code…' }).click();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await popover(page).getByTestId('popover-code').filter({ hasText: code }).waitFor();
  await page.keyboard.press('Escape');
  await popover(page).waitFor({ state: 'hidden' });
}

/** Clicks the highlight of `phrase`, "Add note" in its popover, and types `text` into the note that opens. */
export async function writeNote(page: Page, phrase: string, text: string): Promise<void> {
  await markOf(page, phrase).click();
  await popover(page).getByRole('button', { name: 'Add note' }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'note-text');
  await page.keyboard.type(text);
  await page.waitForFunction((typed) => (document.activeElement as HTMLTextAreaElement | null)?.value === typed, text);
}

/** Clicks into the author's own note on `phrase` and types `text` at its start or its end. */
export async function typeIntoOwnNote(page: Page, phrase: string, where: 'start' | 'end', text: string): Promise<void> {
  const field = (await noteCardOf(page, phrase)).getByTestId('note-text');
  await field.click();
  await page.keyboard.press(where === 'start' ? 'Control+Home' : 'Control+End');
  await page.keyboard.type(text);
  await page.waitForFunction((typed) => (document.activeElement as HTMLTextAreaElement | null)?.value.includes(typed) === true, text);
}

/** Clicks the note card on `phrase` (its author line: the Reply box shows on the focused card), types `text` into Reply and presses Enter; waits for the reply. */
export async function replyToNote(page: Page, phrase: string, text: string): Promise<void> {
  const card = await noteCardOf(page, phrase);
  await card.locator('.note-card__author').first().click();
  await card.getByTestId('reply-input').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await card.getByTestId('note-reply').filter({ hasText: text }).waitFor();
}

/** Clicks the highlight of `phrase` and "Delete highlight" in its popover; waits until its marks are gone. */
export async function deleteHighlight(page: Page, phrase: string): Promise<void> {
  await markOf(page, phrase).click();
  await popover(page).getByRole('button', { name: 'Delete highlight' }).click();
  await markOf(page, phrase).waitFor({ state: 'detached' });
}

/** Highlight input (selectors described in Node from the bundled article) for the phrase's first occurrence (for benchmarks that build projects directly, not for end-to-end actions). */
export function highlightInput(phrase: string, tags: string[] = []) {
  const article = syncArticle();
  const start = article.text.indexOf(phrase);
  if (start < 0) throw new Error(`phrase not in ${SYNC_ARTICLE_ID}: ${phrase}`);
  const end = start + phrase.length;
  return {
    documentId: SYNC_ARTICLE_ID,
    documentHash: article.hash,
    start,
    end,
    exact: phrase,
    prefix: article.text.slice(Math.max(0, start - 32), start),
    suffix: article.text.slice(end, end + 32),
    tags,
  };
}
