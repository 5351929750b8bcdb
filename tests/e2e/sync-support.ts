/**
 * Helpers for the team-sync end-to-end tests: a teammate = one browser context with its own
 * IndexedDB and localStorage; joining through the Team dialog by pasting an invite; reading
 * the sync indicator; and reading or driving the page's model through the test hook
 * (`window.__marginaliaTest`, present only in the test build the end-to-end tests serve).
 */
import type { Page } from 'playwright-core';
import type { MarginaliaTestHook } from '../../renderer/sync/test-hook.ts';
import { completeFirstRun } from './annotate-support.ts';
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

/** Highlight input (selectors described in Node from the bundled article) for the phrase's first occurrence. */
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
