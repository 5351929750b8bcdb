/**
 * End to end: the sync server as a child process (`node electron/server/cli.ts serve`).
 * - kill -9 mid-session, restart on the same port and data folder: everything the client
 *   saw acknowledged is there, and clients resync on their own (indicator back to synced).
 * - Refused tokens are shown with the server's reason, not retried silently: a wrong
 *   token, a token of another project, and a token revoked while connected; then the
 *   person leaves the team and is back on the personal project ("Not shared").
 * Screenshot: tests/e2e/screenshots/sync-indicator-refused.png.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { encodeInvite } from '#shared/sync/invite.ts';
import { launchChromium, saveScreenshot, serveRenderer, type LaunchedBrowser } from '../helpers/browser.ts';
import { createProjectWithCli, REPO_ROOT, startChildServer, temporaryDataDir, type ChildSyncServer } from '../helpers/sync-server.ts';
import { indicator, tagByHand, joinWithInvite, pageSnapshot, readerUrl, startTeammate, waitForPhase, type HookWindow } from './sync-support.ts';

const run = promisify(execFile);

let browser: LaunchedBrowser;
let web: { url: string; close(): Promise<void> };
const data = temporaryDataDir();
let server: ChildSyncServer;
const contexts: BrowserContext[] = [];

async function teammate(name: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await startTeammate(page, web.url, name);
  return page;
}

beforeAll(async () => {
  server = await startChildServer({ dataDir: data.dir });
  browser = await launchChromium();
  web = await serveRenderer();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await web?.close();
  await browser?.close();
  await server?.kill('SIGKILL');
  data.remove();
});

describe('server crash and refused tokens (child-process server)', () => {
  it('keeps acknowledged work through kill -9 and resyncs on its own after a restart on the same port', async () => {
    const invite = await createProjectWithCli(data.dir, server.url, 'crash test');
    const ana = await teammate('Ana');
    const bo = await teammate('Bo');
    await joinWithInvite(ana, invite.link);
    await joinWithInvite(bo, invite.link);
    await waitForPhase(ana, 'synced');
    await waitForPhase(bo, 'synced');
    // By hand: select the phrase and tag it with a new code through the toolbar's Tag… type-ahead.
    await tagByHand(ana, 'peacekeeping forces', 'Acknowledged');
    // Acknowledged = the indicator is back to synced with nothing pending.
    await expect.poll(() => ana.evaluate(() => (window as unknown as HookWindow).__marginaliaTest.sync.unsynced())).toBe(0);
    await waitForPhase(ana, 'synced');
    const acknowledged = await pageSnapshot(ana);
    await server.kill('SIGKILL');
    await waitForPhase(ana, 'offline');
    await waitForPhase(bo, 'offline');

    server = await startChildServer({ dataDir: data.dir, port: server.port });
    await waitForPhase(ana, 'synced', 30_000);
    await waitForPhase(bo, 'synced', 30_000);
    await expect.poll(() => pageSnapshot(bo), { timeout: 10_000 }).toBe(acknowledged);

    // A teammate who joins only now gets the acknowledged work from the restarted server.
    const late = await teammate('Late');
    await joinWithInvite(late, invite.link);
    await waitForPhase(late, 'synced', 30_000);
    await expect.poll(() => pageSnapshot(late), { timeout: 10_000 }).toBe(acknowledged);
  });

  it('shows "Token refused" with the server’s reason for a wrong, a foreign and a revoked token', async () => {
    const mine = await createProjectWithCli(data.dir, server.url, 'refusals');
    const other = await createProjectWithCli(data.dir, server.url, 'another project');
    const page = await teammate('Cem');

    const wrong = encodeInvite({ serverUrl: server.url, projectId: mine.projectId, token: `mgt1.${'0'.repeat(16)}.${'x'.repeat(43)}` });
    await joinWithInvite(page, wrong);
    await waitForPhase(page, 'refused');
    expect((await indicator(page)).label).toBe(`Token refused: ${REFUSAL_REASONS.unknownToken}`);
    expect((await indicator(page)).tooltip).toContain('does not know this token');

    const foreign = encodeInvite({ serverUrl: server.url, projectId: mine.projectId, token: other.token });
    await joinWithInvite(page, foreign);
    await waitForPhase(page, 'refused');
    expect((await indicator(page)).label).toBe(`Token refused: ${REFUSAL_REASONS.wrongProject}`);

    await joinWithInvite(page, mine.link);
    await waitForPhase(page, 'synced');
    await run(process.execPath, ['electron/server/cli.ts', 'token', 'revoke', mine.tokenId, '--data', data.dir], { cwd: REPO_ROOT });
    await waitForPhase(page, 'refused', 15_000);
    const shown = await indicator(page);
    expect(shown.label).toBe(`Token refused: ${REFUSAL_REASONS.tokenRevoked}`);
    expect(shown.tooltip).toContain('Ask a teammate for a new invite');
    await saveScreenshot(page, 'sync-indicator-refused');
    // It stays refused after a reload (no silent retry loop that hides the reason).
    await page.goto(readerUrl(web.url));
    await waitForPhase(page, 'refused', 15_000);
    expect((await indicator(page)).label).toBe(`Token refused: ${REFUSAL_REASONS.tokenRevoked}`);

    // Leaving forgets the credentials and reopens the personal project.
    await page.getByTestId('sync-indicator').click();
    await Promise.all([page.waitForEvent('load'), page.getByTestId('team-leave').click()]);
    await page.locator('[data-testid="sync-indicator"][data-phase="not-joined"]').waitFor();
    expect((await indicator(page)).label).toBe('Not shared');
    expect(await page.evaluate(() => localStorage.getItem('marginalia.team.v1'))).toBeNull();
  });
});
