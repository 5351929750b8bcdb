/**
 * Project files and projects through the UI, for the `interaction` suite: a fresh person in
 * a fresh context; merging a project file (Merge project file…, the file chooser, Merge in
 * the question) and opening one as a project of its own (the switcher's Open project file…),
 * timed from the confirming input to "usable"; and switching projects in the switcher.
 *
 * "Usable" means: the app's result is on screen (the merge notice, or the reloaded app's
 * project menu) and then a click on a library card has painted that article with its
 * highlights — so the main thread answered a click and the highlights are there to read.
 */
import type { Browser, Page } from 'playwright-core';
import { addProbe, settle } from './interaction-probe.ts';
import { ARTICLE, clickCard, measure, painted, toLibrary, type Measured } from './interaction-steps.ts';

const MEMBER = JSON.stringify({ id: 'benchmarkmemberAAAAAAA', name: 'Bench', colour: '#30638e' });
const FILE_TIMEOUT = 300_000;

/** A project file to bring in. */
export interface ProjectFile {
  readonly name: string;
  readonly bytes: Buffer;
  /** Whether its articles carry highlights (what "painted" waits for). */
  readonly dense: boolean;
}

/** A fresh person (first run done, the probe installed) on the library screen of a fresh profile. */
export async function freshPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true });
  await context.addInitScript((member) => localStorage.setItem('marginalia.member.v1', member), MEMBER);
  await addProbe(context);
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(`${url}#/`);
  await page.locator('.project-menu').waitFor();
  await page.locator('.library-card').first().waitFor();
  await settle(page);
  return page;
}

/** Merges `file` into the open project (library on screen); the window runs from the click on Merge to usable. */
export async function mergeThroughUi(page: Page, file: ProjectFile): Promise<Measured> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.project-menu').getByRole('button', { name: 'Merge project file…' }).click()]);
  await chooser.setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes });
  const question = page.locator('dialog[data-testid="file-question"][open]');
  await question.waitFor({ timeout: FILE_TIMEOUT });
  await settle(page);
  const measured = await measure(page, [
    { act: () => question.getByRole('button', { name: 'Merge', exact: true }).click(), done: { present: '[data-testid="notice"]' } },
    { act: () => clickCard(page, ARTICLE), done: painted(ARTICLE, file.dense) },
  ]);
  await toLibrary(page);
  return measured;
}

/** Opens `file` as a project of its own (switcher, Open project file…); the window runs from the page receiving the chosen file (its change event) to usable. */
export async function openThroughUi(page: Page, file: ProjectFile): Promise<Measured> {
  await page.getByTestId('project-switcher').click();
  const dialog = page.locator('dialog[data-testid="projects-dialog"][open]');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Open project file…' }).click()]);
  await settle(page);
  const measured = await measure(page, [
    {
      act: async () => {
        await Promise.all([page.waitForEvent('load', { timeout: FILE_TIMEOUT }), chooser.setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes })]);
        await page.locator('.library-card').first().waitFor();
      },
      noInput: true,
    },
    { act: () => clickCard(page, ARTICLE), done: painted(ARTICLE, file.dense) },
  ]);
  await toLibrary(page);
  return measured;
}

/** The open project's name as the switcher shows it. */
export async function projectName(page: Page): Promise<string> {
  return (await page.getByTestId('project-switcher').locator('.project-switcher__name').innerText()).trim();
}

/** Creates an empty project named `name` in the switcher (it opens, the page restarts on it). */
export async function createProject(page: Page, name: string): Promise<void> {
  await page.getByTestId('project-switcher').click();
  const dialog = page.locator('dialog[data-testid="projects-dialog"][open]');
  await dialog.getByTestId('project-new-name').fill(name);
  await Promise.all([page.waitForEvent('load'), dialog.getByRole('button', { name: 'Create and open' }).click()]);
  await page.locator('.library-card').first().waitFor();
  await settle(page);
}

/** Switches to project `name` in the switcher; the window runs from the click on Open to usable (card click painted). */
export async function switchThroughUi(page: Page, name: string, dense: boolean): Promise<Measured> {
  await page.getByTestId('project-switcher').click();
  const open = page.locator('dialog[data-testid="projects-dialog"][open]').getByRole('button', { name: `Open ${name}`, exact: true });
  await open.waitFor();
  await settle(page);
  const measured = await measure(page, [
    {
      act: async () => {
        await Promise.all([page.waitForEvent('load'), open.click()]);
        await page.locator('.library-card').first().waitFor();
      },
    },
    { act: () => clickCard(page, ARTICLE), done: painted(ARTICLE, dense) },
  ]);
  await toLibrary(page);
  return measured;
}
