/**
 * End to end: the projects on one machine, by hand. Through the switcher in the top bar a
 * person renames the open project, creates another (it opens, empty), switches between
 * them (each keeps its own highlights), removes one to the trash, restores it, deletes it
 * for good, and everything survives a reload. A teammate's project file opened as a
 * project becomes a project of its own; opening it again offers to merge instead. A
 * project's row counts notes and replies apart.
 * Screenshot: tests/e2e/screenshots/projects-switcher.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { dismissNotice, highlightPhrase, saveProjectFile } from './annotate-support.ts';
import { markOf, readerUrl, startTeammate } from './sync-support.ts';

const FIRST = 'pivotal role';
const SECOND = 'mutual distrust';

const app = useApp();

/** The projects dialog on screen. */
function projectsDialog(page: Page) {
  return page.locator('dialog[data-testid="projects-dialog"][open]');
}

/** Clicks the switcher in the top bar and waits for the dialog. */
async function openSwitcher(page: Page): Promise<void> {
  await page.getByTestId('project-switcher').click();
  await projectsDialog(page).waitFor();
}

/** Opens the projects dialog unless it is open. */
async function openSwitcherIfClosed(page: Page): Promise<void> {
  if ((await projectsDialog(page).count()) === 0) await openSwitcher(page);
}

/** The open project's name as the switcher button shows it. */
async function switcherName(page: Page): Promise<string> {
  return (await page.getByTestId('project-switcher').locator('.project-switcher__name').innerText()).trim();
}

/** Clicks `button` and waits for the page to restart on the new project and load it. */
async function restartingClick(page: Page, click: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), click()]);
  await page.locator('.project-menu').waitFor();
}

/** The rows of the dialog: name → facts line. */
async function rows(page: Page, list: 'Projects' | 'Removed projects'): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const items = projectsDialog(page).getByRole('list', { name: list, exact: true }).getByTestId('project-row');
  for (const item of await items.all()) out[(await item.getAttribute('data-project-name')) ?? ''] = (await item.getByTestId('project-facts').innerText()).trim();
  return out;
}

describe('projects on one machine', () => {
  it('renames, creates, switches, removes, restores and deletes projects; each keeps its own work, across reloads', async () => {
    const page = await app.newPage('Leyla');
    await startTeammate(page, app.url, 'Leyla');
    await highlightPhrase(page, FIRST);

    // Rename the open project: a field in the dialog, typed and confirmed with Enter.
    await openSwitcher(page);
    await projectsDialog(page).getByRole('button', { name: 'Rename…' }).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Caucasus reading');
    await page.keyboard.press('Enter');
    await expect.poll(() => switcherName(page)).toBe('Caucasus reading');

    // Create another: it opens, empty.
    await projectsDialog(page).getByLabel('New project').click();
    await page.keyboard.type('Pipelines');
    await restartingClick(page, () => projectsDialog(page).getByRole('button', { name: 'Create and open' }).click());
    expect(await switcherName(page)).toBe('Pipelines');
    await page.locator('.reader-document').waitFor();
    await highlightPhrase(page, SECOND);
    expect(Object.values(await page.locator('mark.hl').allInnerTexts())).toEqual([SECOND]);

    // The list shows both with their counts, without opening the other.
    await openSwitcher(page);
    // The open project's counts are read in idle time after a pause in its changes.
    await expect.poll(() => rows(page, 'Projects'), { timeout: 10_000 }).toEqual({ Pipelines: '1 highlight · 0 codes · 0 notes', 'Caucasus reading': '1 highlight · 0 codes · 0 notes' });
    await saveScreenshot(page, 'projects-switcher');
    expect(await projectsDialog(page).getByRole('button', { name: 'Remove Pipelines' }).count()).toBe(0);

    // Switch back: the first project's highlight, not the second's.
    await restartingClick(page, () => projectsDialog(page).getByRole('button', { name: 'Open Caucasus reading' }).click());
    expect(await switcherName(page)).toBe('Caucasus reading');
    await markOf(page, FIRST).waitFor();
    expect(await page.locator('mark.hl').allInnerTexts()).toEqual([FIRST]);

    // Remove to the trash, restore, remove again and delete for good.
    await openSwitcher(page);
    await projectsDialog(page).getByRole('button', { name: 'Remove Pipelines' }).click();
    expect(Object.keys(await rows(page, 'Removed projects'))).toEqual(['Pipelines']);
    expect(Object.keys(await rows(page, 'Projects'))).toEqual(['Caucasus reading']);
    await projectsDialog(page).getByRole('button', { name: 'Restore Pipelines' }).click();
    expect(Object.keys(await rows(page, 'Projects'))).toEqual(['Caucasus reading', 'Pipelines']);
    // Restored with its work: open it and find its highlight.
    await restartingClick(page, () => projectsDialog(page).getByRole('button', { name: 'Open Pipelines' }).click());
    await markOf(page, SECOND).waitFor();
    await openSwitcher(page);
    await restartingClick(page, () => projectsDialog(page).getByRole('button', { name: 'Open Caucasus reading' }).click());
    await openSwitcher(page);
    await projectsDialog(page).getByRole('button', { name: 'Remove Pipelines' }).click();
    await projectsDialog(page).getByRole('button', { name: 'Delete Pipelines for good' }).click();
    await projectsDialog(page).getByRole('button', { name: 'Delete for good' }).click();
    await projectsDialog(page).getByRole('list', { name: 'Removed projects' }).waitFor({ state: 'detached' });

    // After a reload: the same open project, the deleted one gone.
    await page.reload();
    await page.locator('.project-menu').waitFor();
    expect(await switcherName(page)).toBe('Caucasus reading');
    await markOf(page, FIRST).waitFor();
    await openSwitcher(page);
    expect(Object.keys(await rows(page, 'Projects'))).toEqual(['Caucasus reading']);
    expect(await projectsDialog(page).getByRole('list', { name: 'Removed projects' }).count()).toBe(0);
  });

  it('keeps the name a new person sees when their first highlight is made, and saves the file under it', async () => {
    const page = await app.newPage('Leyla');
    await startTeammate(page, app.url, 'Leyla');
    expect(await switcherName(page)).toBe('Personal project');
    await highlightPhrase(page, FIRST);
    // The row's facts are read from the project once it has changed: they count the highlight when the name would have changed too.
    await openSwitcher(page);
    await projectsDialog(page).getByTestId('project-facts').filter({ hasText: '1 highlight' }).waitFor();
    expect(Object.keys(await rows(page, 'Projects'))).toEqual(['Personal project']);
    expect(await switcherName(page)).toBe('Personal project');
    await page.keyboard.press('Escape');
    await projectsDialog(page).waitFor({ state: 'detached' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save project' }).click()]);
    expect(download.suggestedFilename()).toBe('Personal-project.marginalia');
  });

  it('counts a note\'s replies apart from the notes on the project\'s row', async () => {
    const page = await app.newPage('Leyla');
    await startTeammate(page, app.url, 'Leyla');
    await highlightPhrase(page, FIRST);
    await page.getByTestId('add-note').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-text');
    await page.keyboard.type('Who says pivotal?');
    await page.getByTestId('reply-input').fill('The 2023 report.');
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    await page.getByTestId('note-reply').waitFor();
    await openSwitcher(page);
    await expect.poll(() => rows(page, 'Projects')).toEqual({ 'Personal project': '1 highlight · 0 codes · 1 note · 1 reply' });
    await saveScreenshot(page, 'projects-row-replies');
  });

  it('is keyboard operable: Enter opens the switcher, Tab stays inside, Escape closes it and focuses the switcher again', async () => {
    const page = await app.newPage('Leyla', { viewport: { width: 1280, height: 800 } });
    await startTeammate(page, app.url, 'Leyla');
    await saveScreenshot(page, 'projects-top-bar-1280');
    await page.getByTestId('project-switcher').click();
    await projectsDialog(page).waitFor();
    await page.keyboard.press('Escape');
    await projectsDialog(page).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'project-switcher');
    // The switcher has focus: Enter opens the dialog again, as a keyboard user would.
    await page.keyboard.press('Enter');
    await projectsDialog(page).waitFor();
    const insideAfterTabs: boolean[] = [];
    for (let step = 0; step < 8; step += 1) {
      await page.keyboard.press('Tab');
      insideAfterTabs.push(await page.evaluate(() => document.activeElement?.closest('[data-testid="projects-dialog"]') !== null));
    }
    expect(insideAfterTabs).toEqual(Array.from({ length: 8 }, () => true));
    // Typing a name into the new project's field and pressing Enter creates the project.
    await projectsDialog(page).getByLabel('New project').click();
    await page.keyboard.type('Keyboard project');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.locator('.project-menu').waitFor();
    expect(await switcherName(page)).toBe('Keyboard project');
  });

  it('keeps the keyboard in the dialog: Escape in the rename field cancels the rename, and a removed project\'s row leaving does not drop the focus', async () => {
    const page = await app.newPage('Leyla');
    await startTeammate(page, app.url, 'Leyla');
    await openSwitcher(page);
    await projectsDialog(page).getByRole('button', { name: 'Rename…' }).click();
    const field = page.getByTestId('project-rename-input');
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type(' draft');
    await page.keyboard.press('Escape');
    await field.waitFor({ state: 'detached' });
    expect(await projectsDialog(page).count()).toBe(1);
    expect(await switcherName(page)).toBe('Personal project');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Rename…');

    // Two more projects, each opened as it is made; then the first of them removed from the keyboard.
    for (const name of ['Pipelines', 'Corridors']) {
      await openSwitcherIfClosed(page);
      await projectsDialog(page).getByLabel('New project').fill(name);
      await restartingClick(page, () => projectsDialog(page).getByRole('button', { name: 'Create and open' }).click());
    }
    await openSwitcher(page);
    // A name another project has is refused, in the dialog, without opening anything.
    await projectsDialog(page).getByLabel('New project').fill('pipelines');
    await projectsDialog(page).getByRole('button', { name: 'Create and open' }).click();
    await expect.poll(() => projectsDialog(page).getByRole('alert').textContent()).toBe('“pipelines” is already the name of a project on this computer: choose another name.');
    expect(await switcherName(page)).toBe('Corridors');
    await projectsDialog(page).getByRole('button', { name: 'Remove Pipelines' }).focus();
    await page.keyboard.press('Enter');
    await projectsDialog(page).getByRole('list', { name: 'Removed projects' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="projects-dialog"]') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await projectsDialog(page).waitFor({ state: 'detached' });
  });

  it('opens a teammate’s project file as a project of its own; opening it again offers to merge', async () => {
    const ana = await app.newPage('Ana');
    await startTeammate(ana, app.url, 'Ana');
    await highlightPhrase(ana, SECOND);
    await openSwitcher(ana);
    await projectsDialog(ana).getByRole('button', { name: 'Rename…' }).click();
    await ana.keyboard.press('Control+A');
    await ana.keyboard.type('Ana’s corpus');
    await ana.keyboard.press('Enter');
    await expect.poll(() => switcherName(ana)).toBe('Ana’s corpus');
    await ana.keyboard.press('Escape');
    const file = await saveProjectFile(ana);

    const leyla = await app.newPage('Leyla');
    await startTeammate(leyla, app.url, 'Leyla');
    await highlightPhrase(leyla, FIRST);
    await openSwitcher(leyla);
    const [chooser] = await Promise.all([leyla.waitForEvent('filechooser'), projectsDialog(leyla).getByRole('button', { name: 'Open project file…' }).click()]);
    await Promise.all([leyla.waitForEvent('load'), chooser.setFiles({ name: 'ana.marginalia', mimeType: 'application/octet-stream', buffer: file })]);
    await leyla.locator('.project-menu').waitFor();
    expect(await switcherName(leyla)).toBe('Ana’s corpus');
    await leyla.goto(readerUrl(app.url));
    await markOf(leyla, SECOND).waitFor();
    expect(await leyla.locator('mark.hl').allInnerTexts()).toEqual([SECOND]);

    // Leyla's own project is still there, with her highlight.
    await openSwitcher(leyla);
    await expect.poll(() => rows(leyla, 'Projects')).toEqual({ 'Ana’s corpus': '1 highlight · 0 codes · 0 notes', 'Personal project': '1 highlight · 0 codes · 0 notes' });

    // Opening the same file again: the project is here (and open), so the merge is offered.
    const [again] = await Promise.all([leyla.waitForEvent('filechooser'), projectsDialog(leyla).getByRole('button', { name: 'Open project file…' }).click()]);
    await again.setFiles({ name: 'ana.marginalia', mimeType: 'application/octet-stream', buffer: file });
    await leyla.getByTestId('notice').filter({ hasText: 'Nothing new in “ana.marginalia”' }).waitFor();
    await dismissNotice(leyla);

    // From her own project, it offers to merge into Ana's corpus and open it.
    await openSwitcher(leyla);
    await restartingClick(leyla, () => projectsDialog(leyla).getByRole('button', { name: 'Open Personal project' }).click());
    await openSwitcher(leyla);
    const [third] = await Promise.all([leyla.waitForEvent('filechooser'), projectsDialog(leyla).getByRole('button', { name: 'Open project file…' }).click()]);
    await third.setFiles({ name: 'ana.marginalia', mimeType: 'application/octet-stream', buffer: file });
    const question = leyla.locator('dialog[data-testid="file-question"][open]');
    await question.getByRole('heading', { name: '“Ana’s corpus” is already here' }).waitFor();
    await restartingClick(leyla, () => question.getByRole('button', { name: 'Merge and open' }).click());
    expect(await switcherName(leyla)).toBe('Ana’s corpus');
  });
});
