/**
 * End to end: two teammates (two Chromium contexts, separate IndexedDB) join the same
 * project through an invite link against a real sync server on 127.0.0.1. Everything is
 * done by hand (mouse drags, clicks, typed keys); the page's test hook only reads. A
 * highlights and tags → B sees it live; both see each other in the top bar; A's selection is
 * drawn in B's reader with A's name; a remote highlight and note above B's viewport move
 * neither B's text nor B's margin; the indicator walks through synced → offline (with
 * unsent changes) → synced when the server stops and comes back.
 * Screenshots: tests/e2e/screenshots/sync-*.png.
 *
 * Each test has two new teammates (fresh contexts) on a project of its own; the tests after
 * the first join it in their setup.
 */
import { copyFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { startInProcessServer, type InProcessSyncServer, type TestInvite } from '../helpers/sync-server.ts';
import { dragSelect, highlightPhrase, highlightTexts } from './annotate-support.ts';
import { afterFrames } from './page-events.ts';
import { textRect } from './reader-support.ts';
import { highlightIdOf, indicator, joinWithInvite, startTeammate, syncPhase, tagByHand, waitForPhase, writeNote, type HookWindow } from './sync-support.ts';

const TAGGED = 'peacekeeping forces';
const SELECTED = 'military cooperation';
const ABOVE = 'geopolitical dynamics';

/** Chromium and the served renderer; connection errors are expected while the server is down, anything else is a bug. */
const app = useApp({ expectedErrors: /WebSocket connection to 'ws:\/\/127\.0\.0\.1/ });
let sync: InProcessSyncServer;
/** This test's project. */
let invite: TestInvite;
/** This test's teammates. */
let ana: Page;
let bo: Page;

beforeAll(async () => {
  sync = await startInProcessServer();
});
afterAll(async () => {
  await sync?.dispose();
});

/** Two new teammates in the reader, first run done, and a new project (not joined yet). */
async function twoTeammates(): Promise<void> {
  invite = sync.createProject('sync e2e');
  ana = await app.newPage('Ana');
  bo = await app.newPage('Bo');
  await startTeammate(ana, app.url, 'Ana Aliyeva');
  await startTeammate(bo, app.url, 'Bo Petrosyan');
}

/** Two new teammates joined to a new project, both synced. */
async function joinedTeammates(): Promise<void> {
  await twoTeammates();
  await joinWithInvite(ana, invite.link);
  await joinWithInvite(bo, invite.link);
  await waitForPhase(ana, 'synced');
  await waitForPhase(bo, 'synced');
}

/** A selects `phrase` and tags it through the toolbar's type-ahead with a new tag "Peacekeeping". */
async function tagAtAna(phrase: string): Promise<void> {
  await tagByHand(ana, phrase, 'Peacekeeping');
}

/** Measures `measure` after every frame until three frames in a row agree (the margin follows a change a frame or two later). */
async function settled<T>(page: Page, measure: () => Promise<T>): Promise<T> {
  await afterFrames(page, 2);
  let last = JSON.stringify(await measure());
  for (let agreeing = 1, frames = 0; agreeing < 3; frames += 1) {
    if (frames > 120) throw new Error('the layout kept changing for 120 frames');
    await afterFrames(page, 1);
    const next = JSON.stringify(await measure());
    agreeing = next === last ? agreeing + 1 : 1;
    last = next;
  }
  return JSON.parse(last) as T;
}

describe('two teammates on one project', () => {
  it('join through a pasted invite and reach "Synced"', async () => {
    await twoTeammates();
    await expect(indicator(ana)).resolves.toMatchObject({ label: 'Not shared' });
    // Team settings is findable: the indicator's name says what it opens, and File ▸ Team
    // Settings… (its command sent as the native menu sends it) opens the same dialog.
    await ana.getByRole('button', { name: /^Sync: Not shared\..*Opens Team settings\.$/ }).waitFor();
    await expect(ana.getByTestId('team-dialog').isVisible()).resolves.toBe(false);
    await ana.evaluate(() => (window as unknown as HookWindow).__marginaliaTest.menuCommand('team-settings'));
    await ana.getByRole('dialog', { name: 'Team' }).waitFor();
    await ana.getByRole('button', { name: 'Cancel' }).click();
    await ana.getByTestId('team-dialog').waitFor({ state: 'hidden' });
    // A damaged invite is refused in the dialog with one clear sentence, nothing joined.
    await ana.getByTestId('sync-indicator').click();
    await ana.getByTestId('team-invite').fill(invite.link.replace(/&token=.*$/, ''));
    await ana.getByTestId('team-join').click();
    await expect(ana.locator('#team-invite-error').textContent()).resolves.toBe('The invite has no token.');
    await ana.getByTestId('team-mode-fields').click();
    await ana.getByTestId('team-serverUrl').fill('http://127.0.0.1:4455');
    await ana.getByTestId('team-projectId').fill('not-a-project');
    await ana.getByTestId('team-join').click();
    await expect(ana.locator('#team-serverUrl-error').textContent()).resolves.toBe('The server address must start with ws:// or wss://, not http://.');
    await expect(ana.locator('#team-projectId-error').textContent()).resolves.toMatch(/^This is not a project id/);
    await expect(ana.locator('#team-token-error').textContent()).resolves.toBe('Enter the access token.');
    await saveScreenshot(ana, 'sync-team-dialog-errors');
    await ana.getByRole('button', { name: 'Cancel' }).click();
    await expect(indicator(ana)).resolves.toMatchObject({ label: 'Not shared' });
    await joinWithInvite(ana, invite.link);
    await joinWithInvite(bo, invite.link);
    await waitForPhase(ana, 'synced');
    await waitForPhase(bo, 'synced');
    const shown = await indicator(bo);
    expect(shown.label).toBe('Synced');
    expect(shown.tooltip).toContain(sync.url);
    expect(shown.tooltip).toMatch(/Last synced \d\d:\d\d:\d\d/);
    expect(await ana.evaluate(() => (window as unknown as HookWindow).__marginaliaTest.projectId)).toBe(invite.projectId);
    await saveScreenshot(bo, 'sync-indicator-synced');
  });

  it('shows A’s highlight and tag at B live', async () => {
    await joinedTeammates();
    await tagAtAna(TAGGED);
    await expect.poll(async () => Object.values(await highlightTexts(bo)), { timeout: 10_000 }).toContain(TAGGED);
    const mark = bo.locator('mark.hl').filter({ hasText: TAGGED }).first();
    await expect.poll(() => mark.getAttribute('class')).toMatch(/hl-t-[A-Za-z0-9_-]{22}/);
    // The tag's colour reached B's stylesheet too (not the untagged yellow, not transparent).
    const background = await mark.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('shows who is online, where, and A’s selection in B’s reader with A’s name', async () => {
    // A tagged highlight in the picture, as the previous test leaves it.
    await joinedTeammates();
    await tagAtAna(TAGGED);
    await expect.poll(async () => Object.values(await highlightTexts(bo)), { timeout: 10_000 }).toContain(TAGGED);
    const avatar = bo.locator('[data-testid="presence-avatar"][data-member-name="Ana Aliyeva"]');
    await avatar.waitFor();
    await expect(avatar.getAttribute('data-document-id')).resolves.toBe('russia-azerbaijan-disputes');
    await expect(avatar.getAttribute('title')).resolves.toMatch(/^Ana Aliyeva — reading “.+”$/);
    await expect(avatar.textContent()).resolves.toContain('AA');
    await ana.locator('[data-testid="presence-avatar"][data-member-name="Bo Petrosyan"]').waitFor();

    await dragSelect(ana, SELECTED);
    const remote = bo.locator('.remote-selection');
    await expect.poll(async () => (await remote.allTextContents()).join(''), { timeout: 10_000 }).toBe(SELECTED);
    const caret = bo.locator('.remote-caret[data-name="Ana Aliyeva"]');
    await expect(caret.count()).resolves.toBe(1);
    // Drawn in Ana's colour (from the presence stylesheet), not the fallback grey.
    const tint = await remote.first().evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(tint).toMatch(/^rgba\(\d+, \d+, \d+, 0\.22\)$/);
    expect(tint).not.toBe('rgba(119, 119, 119, 0.22)');
    await bo.locator('mark.hl').filter({ hasText: TAGGED }).first().scrollIntoViewIfNeeded();
    await caret.scrollIntoViewIfNeeded();
    await saveScreenshot(bo, 'sync-presence-b');
    await saveScreenshot(ana, 'sync-presence-a');
    const team = await saveScreenshot(bo, 'sync-presence-team');
    if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') await copyFile(team, new URL('../../docs/screenshots/team.png', import.meta.url).pathname);
  });

  it('keeps B’s text and margin still when A annotates above B’s viewport', async () => {
    await joinedTeammates();
    // A note B will look at, far down the article.
    const article = (await import('./sync-support.ts')).syncArticle();
    const lowerPhrase = article.text.slice(Math.floor(article.text.length * 0.6)).match(/[A-Za-z]{6,} [a-z]{4,} [a-z]{4,}/)?.[0];
    if (lowerPhrase === undefined) throw new Error('no phrase found in the lower part of the article');
    // A highlights it and writes a note by hand.
    await highlightPhrase(ana, lowerPhrase);
    await writeNote(ana, lowerPhrase, 'Lower note, in B’s view.');
    const lowerId = await highlightIdOf(ana, lowerPhrase);
    const lowerMark = bo.locator('mark.hl').filter({ hasText: lowerPhrase }).first();
    await lowerMark.waitFor({ timeout: 10_000 });
    await lowerMark.scrollIntoViewIfNeeded();
    await bo.evaluate(() => document.querySelector('[data-testid="reader-scroll"]')?.scrollBy(0, 80));
    const card = bo.locator(`[data-margin-item="${lowerId}"]`);
    await card.waitFor();
    const where = async () => ({
      scrollTop: await bo.evaluate(() => document.querySelector('[data-testid="reader-scroll"]')?.scrollTop ?? -1),
      text: await textRect(bo, lowerPhrase),
      card: await card.boundingBox(),
    });
    const before = await settled(bo, where);
    expect(before.scrollTop).toBeGreaterThan(1000);

    // A, in her own reader, highlights a phrase far above B's viewport and writes a note on it.
    await highlightPhrase(ana, ABOVE);
    await writeNote(ana, ABOVE, 'A note far above B’s viewport.');
    await expect.poll(async () => Object.values(await highlightTexts(bo)), { timeout: 10_000 }).toContain(ABOVE);
    // A's highlight is painted at B; what it moves, it moves within the next frames.
    const after = await settled(bo, where);
    // What the reader sees must not move. (scrollTop itself may change: the browser's scroll
    // anchoring compensates for layout changes above the viewport — that is what keeps the
    // text still — so it is the text and card positions that are asserted.)
    expect(Math.abs(after.text.y - before.text.y)).toBeLessThanOrEqual(1);
    expect(Math.abs((after.card?.y ?? 0) - (before.card?.y ?? 0))).toBeLessThanOrEqual(1);
  });

  it('walks the indicator through offline with unsent changes and back to synced without user action', async () => {
    await joinedTeammates();
    await sync.stop();
    await waitForPhase(ana, 'offline');
    await waitForPhase(bo, 'offline');
    expect((await indicator(ana)).label).toBe('Offline');
    expect((await indicator(ana)).tooltip).toMatch(/Not connected: (server unreachable|server shutting down) since \d\d:\d\d:\d\d/);
    await saveScreenshot(ana, 'sync-indicator-offline');
    // By hand, offline: a highlight and a typed note are two things done, however many
    // updates the keystrokes made.
    await highlightPhrase(ana, 'energy security');
    await ana.getByTestId('add-note').click();
    await expect.poll(() => ana.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-text');
    await ana.keyboard.type('Check the 2023 figures.');
    await expect.poll(async () => (await indicator(ana)).label).toBe('Offline · 2 unsent');
    // Read while retrying too: the indicator may have moved on to "Connecting…", which says the same.
    await expect.poll(async () => (await indicator(ana)).tooltip).toContain('2 changes (highlights, codes, notes) not yet on the server.');
    await saveScreenshot(ana, 'sync-indicator-unsynced');
    await sync.restart();
    await waitForPhase(ana, 'synced', 30_000);
    await waitForPhase(bo, 'synced', 30_000);
    await expect.poll(async () => Object.values(await highlightTexts(bo)), { timeout: 10_000 }).toContain('energy security');
    expect(await syncPhase(bo)).toBe('synced');
  });
});
