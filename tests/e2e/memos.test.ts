/**
 * End to end: memos, by hand. Leyla opens Analysis ▸ Memos, writes the project memo with
 * the keyboard — a heading, a list, emphasis — and sees the preview follow; links the
 * focused highlight into it and, with the article scrolled away, clicks the link to jump
 * back to it; finds the memo with the search field (folded as find is). Two people who
 * each started the project memo keep both texts after a file merge. A code memo opens
 * from its codebook row and a document memo from the reader's sidebar. Two teammates on a
 * real sync server: what Ana writes arrives in Bo's list and preview.
 * Screenshots of the panel go to the system's temporary folder.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from '../helpers/app-page.ts';
import { startInProcessServer, type InProcessSyncServer } from '../helpers/sync-server.ts';
import { addTagInCodebook, chooseFileToMerge, completeFirstRun, highlightPhrase, openPanel, saveProjectFile } from './annotate-support.ts';
import { openArticle } from './reader-support.ts';
import { joinWithInvite, startTeammate, waitForPhase } from './sync-support.ts';

const DISPUTES = { id: 'russia-azerbaijan-disputes', title: 'Disputes Between Russia and Azerbaijan: Examining Roots and Reciprocal Approaches in Light of Recent South Caucasus Developments' };
const LINKED = 'peacekeeping forces';

/** Chromium and the served renderer; connection errors are expected while a teammate's socket closes. */
const app = useApp({ expectedErrors: /WebSocket connection to 'ws:\/\/127\.0\.0\.1/ });
let sync: InProcessSyncServer;

beforeAll(async () => {
  sync = await startInProcessServer();
});
afterAll(async () => {
  await sync?.dispose();
});

async function person(name: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const page = await app.newPage(name, { viewport });
  await openArticle(page, app.url, DISPUTES.id);
  await completeFirstRun(page, name);
  return page;
}

async function openMemos(page: Page): Promise<void> {
  const button = page.locator('.project-menu').getByRole('button', { name: 'Analysis', exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
  await page.getByRole('tab', { name: 'Memos' }).click();
}

function memoText(page: Page) {
  return page.getByTestId('memo-text').first();
}

function preview(page: Page) {
  return page.getByTestId('memo-preview');
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(tmpdir(), `marginalia-${name}.png`) });
}

/** True when the first mark with `phrase` lies inside the reader's visible area. */
async function inViewport(page: Page, phrase: string): Promise<boolean> {
  return page.locator('mark.hl').filter({ hasText: phrase }).first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    const pane = document.querySelector('.main-pane')?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
    return box.top >= pane.top && box.bottom <= Math.min(pane.bottom, window.innerHeight) && box.height > 0;
  });
}

/** True when no part of the panel spills past the window's right edge. */
async function panelFits(page: Page): Promise<boolean> {
  return page.locator('.panel-drawer').evaluate((panel) => {
    const right = window.innerWidth;
    return [...panel.querySelectorAll('*')].every((element) => element.getBoundingClientRect().right <= right + 0.5);
  });
}

describe('memos', () => {
  it('writes the project memo by hand, links a highlight, jumps to it and finds the memo', async () => {
    const leyla = await person('Leyla');
    await highlightPhrase(leyla, LINKED);
    const mark = leyla.locator('mark.hl').filter({ hasText: LINKED }).first();
    await mark.click();
    await expect.poll(() => mark.getAttribute('class')).toContain('hl-focused');
    await leyla.keyboard.press('Escape');

    await openMemos(leyla);
    await expect(leyla.getByText('No memos yet.', { exact: false }).isVisible()).resolves.toBe(true);
    await leyla.getByRole('button', { name: 'Write the project memo' }).click();
    await leyla.getByRole('heading', { name: 'Project memo' }).waitFor();
    await memoText(leyla).click();
    await leyla.keyboard.type('# Findings\n- Moscow keeps *peacekeeping* in view\n- Baku hedges\n\nSee ');

    await preview(leyla).getByRole('heading', { name: 'Findings' }).waitFor();
    await expect(preview(leyla).locator('li').allTextContents()).resolves.toEqual(['Moscow keeps peacekeeping in view', 'Baku hedges']);
    await expect(preview(leyla).locator('em').textContent()).resolves.toBe('peacekeeping');
    await expect(leyla.getByTestId('memo-meta').textContent()).resolves.toMatch(/^Started by Leyla, .* last edited by Leyla, /);

    await leyla.getByRole('button', { name: `Link “${LINKED}”` }).click();
    await preview(leyla).getByTestId('memo-link').waitFor();
    await leyla.keyboard.type(' for the mandate.');
    await expect.poll(() => memoText(leyla).inputValue()).toMatch(/\nSee \[peacekeeping forces\]\(highlight:[A-Za-z0-9_-]{22}\) for the mandate\.$/);
    // The preview follows the text a moment later: wait for it to show the last keystroke.
    await expect.poll(() => preview(leyla).locator('p').last().textContent()).toBe('See “peacekeeping forces” for the mandate.');
    await expect(panelFits(leyla)).resolves.toBe(true);
    await screenshot(leyla, 'memo-project-1440');

    // Scroll the article away from the highlight, then follow the link back to it.
    await leyla.locator('.reader-document').hover();
    for (let step = 0; step < 20 && (await inViewport(leyla, LINKED)); step++) await leyla.mouse.wheel(0, 600);
    await expect(inViewport(leyla, LINKED)).resolves.toBe(false);
    await preview(leyla).getByTestId('memo-link').click();
    await expect.poll(() => inViewport(leyla, LINKED)).toBe(true);
    await expect.poll(() => mark.getAttribute('class')).toContain('hl-focused');

    await leyla.getByRole('button', { name: '← All memos' }).click();
    await leyla.getByTestId('memo-search').click();
    await leyla.keyboard.type('BAKU');
    await expect(leyla.getByTestId('memo-item').allTextContents()).resolves.toEqual([expect.stringMatching(/^Project memoLeyla, .*Findings - Moscow keeps peacekeeping/)]);
    await leyla.keyboard.type(' zzz');
    await leyla.getByText('No memo contains “BAKU zzz”.').waitFor();
    await expect(leyla.getByTestId('memo-item').count()).resolves.toBe(0);
  });

  it('opens a code memo from its codebook row and a document memo from the reader; links a picked highlight; undoes', async () => {
    const leyla = await person('Leyla', { width: 1280, height: 800 });
    await highlightPhrase(leyla, LINKED);
    await openPanel(leyla, 'Codebook');
    await addTagInCodebook(leyla, 'Energy');
    await leyla.locator('.codebook__row[data-tag-name="Energy"]').getByRole('button', { name: 'Edit' }).click();
    const editor = leyla.getByRole('form', { name: 'Edit Energy' });
    await editor.getByLabel('Description').click();
    await leyla.keyboard.type('Oil, gas and transit.');
    await editor.getByRole('button', { name: 'Save' }).click();
    await leyla.getByRole('button', { name: 'Memo on Energy' }).click();
    await leyla.getByRole('heading', { name: 'Code memo: Energy' }).waitFor();
    // The codebook's description stands at the start of the code memo.
    await expect(leyla.locator('.memo-editor__description').textContent()).resolves.toBe('Description (codebook): Oil, gas and transit.');
    await memoText(leyla).click();
    await leyla.keyboard.type('Pipelines and **transit**.');
    await preview(leyla).locator('strong').filter({ hasText: 'transit' }).waitFor();
    await leyla.getByRole('button', { name: 'Pick a highlight…' }).click();
    await leyla.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'memo-picker-search');
    await leyla.keyboard.type('PEACEKEEPING');
    await leyla.getByTestId('memo-picker-item').filter({ hasText: LINKED }).click();
    await expect.poll(() => memoText(leyla).inputValue()).toMatch(/^Pipelines and \*\*transit\*\*\.\[peacekeeping forces\]\(highlight:[A-Za-z0-9_-]{22}\)$/);
    await preview(leyla).getByTestId('memo-link').filter({ hasText: LINKED }).waitFor();
    await expect(panelFits(leyla)).resolves.toBe(true);
    await screenshot(leyla, 'memo-code-1280');

    await leyla.getByRole('button', { name: 'Close panel' }).click();
    await screenshot(leyla, 'memo-sidebar-1280');
    await leyla.getByRole('button', { name: 'Document memo' }).click();
    await leyla.getByRole('heading', { name: `Document memo: ${DISPUTES.title}` }).waitFor();
    await memoText(leyla).click();
    await leyla.keyboard.type('1. Borders\n2. Gas');
    await expect.poll(() => preview(leyla).locator('ol li').allTextContents()).toEqual(['Borders', 'Gas']);
    // Undo in the memo undoes the person's own typing; here that started the memo, so it is gone again.
    await leyla.keyboard.press('Control+z');
    await expect.poll(() => memoText(leyla).inputValue()).toBe('');
    await leyla.getByText('Nothing written yet.').waitFor();
    await leyla.keyboard.type('1. Borders\n2. Gas');
    await expect.poll(() => preview(leyla).locator('ol li').allTextContents()).toEqual(['Borders', 'Gas']);
    await leyla.getByRole('button', { name: '← All memos' }).click();
    await expect.poll(() => leyla.locator('.memo-list__title').allTextContents()).toEqual([`Document memo: ${DISPUTES.title}`, 'Code memo: Energy']);
    await screenshot(leyla, 'memo-list-1280');
  });

  it('two people who each started the project memo keep both texts after a file merge', async () => {
    const ana = await person('Ana');
    await openMemos(ana);
    await ana.getByRole('button', { name: 'Write the project memo' }).click();
    await memoText(ana).click();
    await ana.keyboard.type('Ana: borders first.');
    await preview(ana).getByText('Ana: borders first.').waitFor();
    const file = await saveProjectFile(ana);

    const bo = await person('Bo');
    await openMemos(bo);
    await bo.getByRole('button', { name: 'Write the project memo' }).click();
    await memoText(bo).click();
    await bo.keyboard.type('Bo: gas first.');
    await preview(bo).getByText('Bo: gas first.').waitFor();
    await chooseFileToMerge(bo, 'ana.marginalia', file);
    const question = bo.locator('dialog[data-testid="file-question"][open]');
    await expect(question.textContent()).resolves.toContain('1 memo');
    await question.getByRole('button', { name: 'Merge', exact: true }).click();

    // Oldest first: Ana's memo leads, Bo's follows under it.
    await bo.getByText(/^Also started by Bo, /).waitFor();
    await expect(bo.getByTestId('memo-text').evaluateAll((fields) => fields.map((field) => (field as HTMLTextAreaElement).value).sort())).resolves.toEqual(['Ana: borders first.', 'Bo: gas first.']);
    await expect(preview(bo).locator('p').allTextContents()).resolves.toEqual(expect.arrayContaining(['Ana: borders first.', 'Bo: gas first.']));
    await screenshot(bo, 'memo-two-starts-1440');
  });

  it('a teammate on the sync server sees the memo arrive', async () => {
    const invite = sync.createProject('memos e2e');
    const ana = await app.newPage('Ana', { viewport: { width: 1440, height: 900 } });
    const bo = await app.newPage('Bo', { viewport: { width: 1440, height: 900 } });
    await startTeammate(ana, app.url, 'Ana');
    await startTeammate(bo, app.url, 'Bo');
    await joinWithInvite(ana, invite.link);
    await joinWithInvite(bo, invite.link);
    await waitForPhase(ana, 'synced');
    await waitForPhase(bo, 'synced');

    await openMemos(bo);
    await openMemos(ana);
    await ana.getByRole('button', { name: 'Write the project memo' }).click();
    await memoText(ana).click();
    await ana.keyboard.type('## Shared reading\n- the 2020 ceasefire');

    const item = bo.getByTestId('memo-item');
    await item.filter({ hasText: 'Shared reading' }).waitFor({ timeout: 20_000 });
    // The text arrives keystroke by keystroke: wait for all of it.
    await expect.poll(() => item.textContent(), { timeout: 20_000 }).toMatch(/^Project memoAna, .*Shared reading - the 2020 ceasefire$/);
    await item.click();
    await preview(bo).getByRole('heading', { name: 'Shared reading' }).waitFor();
    await expect(preview(bo).locator('li').allTextContents()).resolves.toEqual(['the 2020 ceasefire']);
    await screenshot(bo, 'memo-team-1440');
  });
});
