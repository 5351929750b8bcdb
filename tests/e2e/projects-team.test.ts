/**
 * End to end, with a real sync server on 127.0.0.1: the team project stays bound to its
 * own local project. Ana joins a team and highlights a passage; switching to her personal
 * project (through the switcher) stops syncing — the indicator says "Not shared" and her
 * personal project holds none of the team's work — while Bo goes on highlighting; switching
 * back resumes syncing and brings in what Bo did meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from '../helpers/app-page.ts';
import { startInProcessServer, type InProcessSyncServer } from '../helpers/sync-server.ts';
import { highlightPhrase } from './annotate-support.ts';
import { joinWithInvite, markOf, startTeammate, waitForPhase } from './sync-support.ts';

const ANA_PHRASE = 'pivotal role';
const BO_PHRASE = 'mutual distrust';

/** Connection errors are expected while a page leaves the team project; anything else is a bug. */
const app = useApp({ expectedErrors: /WebSocket connection to 'ws:\/\/127\.0\.0\.1/ });
let sync: InProcessSyncServer;

beforeAll(async () => {
  sync = await startInProcessServer();
});
afterAll(async () => {
  await sync?.dispose();
});

/** Opens the switcher and clicks Open in the row of the project of `origin` ("Personal", "Team"); waits for the page to restart on it. */
async function switchTo(page: Page, origin: 'Personal' | 'Team'): Promise<void> {
  await page.getByTestId('project-switcher').click();
  const row = page.locator('dialog[data-testid="projects-dialog"][open] [data-testid="project-row"]').filter({ has: page.locator('.project-row__origin', { hasText: origin }) });
  await Promise.all([page.waitForEvent('load'), row.getByRole('button', { name: /^Open / }).click()]);
  await page.locator('.project-menu').waitFor();
}

describe('the team project among the projects', () => {
  it('stops syncing when switched away from and resumes when switched back', async () => {
    const invite = sync.createProject('Caucasus team');
    const ana = await app.newPage('Ana');
    const bo = await app.newPage('Bo');
    await startTeammate(ana, app.url, 'Ana');
    await startTeammate(bo, app.url, 'Bo');
    await joinWithInvite(ana, invite.link);
    await joinWithInvite(bo, invite.link);
    await waitForPhase(ana, 'synced');
    await waitForPhase(bo, 'synced');
    await highlightPhrase(ana, ANA_PHRASE);
    await markOf(bo, ANA_PHRASE).waitFor();

    // Away from the team project: not shared, and none of the team's work here.
    await switchTo(ana, 'Personal');
    await waitForPhase(ana, 'not-joined');
    await expect(ana.getByTestId('project-switcher').innerText()).resolves.toContain('Personal project');
    await ana.getByRole('link', { name: 'Marginalia' }).first().click();
    await expect(ana.locator('.library-card[data-document-id="russia-azerbaijan-disputes"] [data-testid="article-counts"]').innerText()).resolves.toBe('No highlights or notes yet');
    await ana.goBack();
    await ana.locator('.reader-document').waitFor();

    // Bo goes on working in the team project meanwhile.
    await highlightPhrase(bo, BO_PHRASE);
    await waitForPhase(bo, 'synced');

    // Back to the team project: syncing resumes and Bo's highlight arrives.
    await switchTo(ana, 'Team');
    await waitForPhase(ana, 'synced');
    await markOf(ana, BO_PHRASE).waitFor();
    await markOf(ana, ANA_PHRASE).waitFor();
  });
});
