/**
 * End to end: independent ("blind") coding by two teammates on a real sync server. Both
 * choose "Only mine" in the status bar and code the same article by hand (mouse drags,
 * typed keys); each sees only their own highlights on screen while the other's arrive in
 * the project (read through the test hook, which only reads). Lifting the filter shows
 * everyone's again.
 * Screenshots: tests/e2e/screenshots/coders-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { startInProcessServer, type InProcessSyncServer } from '../helpers/sync-server.ts';
import { highlightTexts } from './annotate-support.ts';
import { joinWithInvite, pageSnapshot, startTeammate, tagByHand, waitForPhase } from './sync-support.ts';

/** Ana's spans and Bo's: overlapping in the middle, one of each alone. */
const ANA_ALONE = 'geopolitical dynamics';
const ANA_OVERLAP = 'played a pivotal role';
const BO_OVERLAP = 'pivotal role in post-war';
const BO_ALONE = 'military cooperation';
const CODE = 'Security';

const app = useApp({ expectedErrors: /WebSocket connection to 'ws:\/\/127\.0\.0\.1/ });
let sync: InProcessSyncServer;
let ana: Page;
let bo: Page;

beforeAll(async () => {
  sync = await startInProcessServer();
});
afterAll(async () => {
  await sync?.dispose();
});

type SnapshotHighlight = { id: string; quote: { exact: string }; deleted: unknown; tags: Array<{ tag: { name: string }; by?: string }> };

/** Quotes of the live highlights in the page's project that carry `code`. */
async function codedQuotes(page: Page, code = CODE): Promise<string[]> {
  const snapshot = JSON.parse(await pageSnapshot(page)) as { highlights: SnapshotHighlight[] };
  return snapshot.highlights
    .filter((highlight) => highlight.deleted === null && highlight.tags.some((applied) => applied.tag.name === code))
    .map((highlight) => highlight.quote.exact)
    .sort();
}

/** The texts of the highlights painted on screen, sorted. */
async function paintedTexts(page: Page): Promise<string[]> {
  return Object.values(await highlightTexts(page)).sort();
}

/** Opens the status bar's view menu with a click and chooses `label` with a click. */
async function showByClick(page: Page, label: string): Promise<void> {
  await page.getByTestId('view-filter').click();
  await page.getByRole('menuitemradio', { name: label }).click();
  await page.getByRole('menu', { name: 'Show highlights of' }).waitFor({ state: 'detached' });
}

describe('independent coding', () => {
  it('each teammate sees only their own highlights while both sets sync', async () => {
    const invite = sync.createProject('blind coding');
    ana = await app.newPage('Ana');
    bo = await app.newPage('Bo');
    await startTeammate(ana, app.url, 'Ana Aliyeva');
    await startTeammate(bo, app.url, 'Bo Petrosyan');
    await joinWithInvite(ana, invite.link);
    await joinWithInvite(bo, invite.link);
    await waitForPhase(ana, 'synced');
    await waitForPhase(bo, 'synced');

    // The control says what is shown; Ana chooses with the mouse, Bo with the keyboard.
    await expect(ana.getByTestId('view-filter').textContent()).resolves.toMatch(/^Showing: everyone/);
    await showByClick(ana, 'Only mine');
    await bo.getByTestId('view-filter').click();
    await bo.getByRole('menuitemradio', { name: 'Everyone' }).waitFor();
    await bo.keyboard.press('ArrowDown');
    await bo.keyboard.press('Enter');
    await expect.poll(() => bo.getByTestId('view-filter').textContent()).toMatch(/^Showing: only mine/);
    await expect(bo.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('view-filter');

    // Ana codes first (the code is created then), Bo applies the same code by name.
    await tagByHand(ana, ANA_OVERLAP, CODE);
    await tagByHand(ana, ANA_ALONE, CODE);
    await expect.poll(() => codedQuotes(bo), { timeout: 10_000 }).toEqual([ANA_ALONE, ANA_OVERLAP].sort());
    await tagByHand(bo, BO_OVERLAP, CODE);
    await tagByHand(bo, BO_ALONE, CODE);

    // Everything is in both projects …
    const all = [ANA_ALONE, ANA_OVERLAP, BO_OVERLAP, BO_ALONE].sort();
    await expect.poll(() => codedQuotes(ana), { timeout: 10_000 }).toEqual(all);
    await expect.poll(() => codedQuotes(bo), { timeout: 10_000 }).toEqual(all);
    // … but each screen paints only its person's highlights, and says the rest are hidden.
    expect(await paintedTexts(ana)).toEqual([ANA_ALONE, ANA_OVERLAP].sort());
    expect(await paintedTexts(bo)).toEqual([BO_OVERLAP, BO_ALONE].sort());
    await expect.poll(() => ana.getByTestId('view-filter-marker').textContent()).toBe('Showing only your highlights — 2 of the team’s hidden here');
    await expect.poll(() => bo.getByTestId('view-filter-marker').textContent()).toBe('Showing only your highlights — 2 of the team’s hidden here');
    await saveScreenshot(ana, 'coders-only-mine-ana');
    await saveScreenshot(bo, 'coders-only-mine-bo');

    // Bo's view of Ana's highlights only; then everyone's again, nothing lost.
    await showByClick(bo, 'Ana Aliyeva');
    await expect.poll(() => paintedTexts(bo)).toEqual([ANA_ALONE, ANA_OVERLAP].sort());
    await expect(bo.getByTestId('view-filter-marker').textContent()).resolves.toBe('Showing only Ana Aliyeva’s highlights — 2 of the team’s hidden here');
    await showByClick(bo, 'Everyone');
    await expect.poll(async () => (await paintedTexts(bo)).length).toBe(4);
    await expect(bo.getByTestId('view-filter-marker').count()).resolves.toBe(0);

    // Remembered per project on this machine: a reload keeps Ana's "Only mine".
    await ana.reload();
    await ana.locator('.reader-document').waitFor();
    await expect.poll(() => ana.getByTestId('view-filter').textContent()).toMatch(/^Showing: only mine/);
    await expect.poll(() => paintedTexts(ana), { timeout: 10_000 }).toEqual([ANA_ALONE, ANA_OVERLAP].sort());
  });
});
