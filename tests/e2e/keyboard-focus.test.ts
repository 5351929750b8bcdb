/**
 * End to end: keyboard focus for the side panels and the dialogs, by hand (real clicks and
 * key presses). Opening a panel from its top-bar button (a click, or Tab then Enter) moves
 * focus into the panel, and Escape closes it and gives focus back to the button that
 * opened it. The Export and Team dialogs keep Tab inside: Tab from the last control goes
 * to the first, Shift+Tab from the first to the last; Escape closes them and gives focus
 * back to the control that opened them. The first-run welcome box is not modal (reading
 * needs no name), so Tab moves on from it to the page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppPage } from '../helpers/app-page.ts';
import { completeFirstRun } from './annotate-support.ts';
import { loadBundledArticles, openArticle } from './reader-support.ts';

const ARTICLE = loadBundledArticles()[0]?.meta.id as string;
const app = useAppPage();

/**
 * Where focus is, in words a person would use: the region holding it (a panel, a dialog,
 * the first-run card, else "page") and the control (its label, test id or text).
 */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (element === null || element === document.body) return 'nothing';
    const region = element.closest('.panel-drawer, dialog, .first-run');
    const where = region === null ? 'page' : region.classList.contains('panel-drawer') ? 'panel' : region.classList.contains('first-run') ? 'first-run' : (region.getAttribute('data-testid') ?? 'dialog');
    const input = element instanceof HTMLInputElement ? element : null;
    const what =
      input?.type === 'radio' ? `radio ${input.closest('label')?.textContent?.trim() ?? input.value}`
        : element.getAttribute('data-testid') ?? element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.tagName;
    return `${where}: ${what}`;
  });
}

/** Waits until focus is at `expected` (see {@link focused}). */
async function focusIs(page: Page, expected: string | RegExp): Promise<void> {
  if (typeof expected === 'string') await expect.poll(() => focused(page), { timeout: 5000 }).toBe(expected);
  else await expect.poll(() => focused(page), { timeout: 5000 }).toMatch(expected);
}

/** The text of the Export dialog's last enabled button in document order (read only). */
function lastEnabledButton(page: Page): Promise<string> {
  return page.getByTestId('export-dialog').locator('button:not(:disabled)').last().innerText().then((text) => text.trim());
}

/** Resolves once the Export dialog shows its count of matching excerpts. */
function countShown(page: Page): Promise<void> {
  return page.getByTestId('export-count').filter({ hasText: / match\.$/ }).waitFor();
}

async function reader(page: Page): Promise<void> {
  await openArticle(page, app.url, ARTICLE);
  await completeFirstRun(page, 'Keys');
}

describe('side panels take focus and give it back', () => {
  it('a click on Codebook focuses the panel; Escape closes it and refocuses the button', async () => {
    const { page } = app;
    await reader(page);
    await page.locator('.project-menu').getByRole('button', { name: 'Codebook', exact: true }).click();
    await page.locator('.panel-drawer').waitFor();
    await focusIs(page, /^panel: /);
    await page.keyboard.press('Escape');
    await page.locator('.panel-drawer').waitFor({ state: 'detached' });
    await focusIs(page, 'page: Codebook');
  });

  it('Tab then Enter on each panel button opens it with focus inside; Escape returns to the button', async () => {
    const { page } = app;
    await reader(page);
    await page.locator('.project-menu').getByRole('button', { name: 'Codebook', exact: true }).click();
    await focusIs(page, /^panel: /);
    await page.keyboard.press('Escape');
    await focusIs(page, 'page: Codebook');
    for (const label of ['Annotations', 'Trash', 'Unanchored']) {
      await page.keyboard.press('Tab');
      await focusIs(page, `page: ${label}`);
      await page.keyboard.press('Enter');
      await page.locator('.panel-drawer').waitFor();
      await focusIs(page, /^panel: /);
      await page.keyboard.press('Escape');
      await page.locator('.panel-drawer').waitFor({ state: 'detached' });
      await focusIs(page, `page: ${label}`);
    }
  });
});

describe('dialogs keep Tab inside', () => {
  it('Export: Shift+Tab from the first control goes to the last, Tab from the last to the first; Escape refocuses Export…', async () => {
    const { page } = app;
    await reader(page);
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByTestId('export-dialog').waitFor();
    await focusIs(page, /^export-dialog: /);
    // The first control is the header's × (the format field, focused on opening, is next).
    await page.keyboard.press('Shift+Tab');
    await focusIs(page, 'export-dialog: Close');
    await page.keyboard.press('Shift+Tab');
    await focusIs(page, 'export-dialog: Export CSV…');
    // Nothing matches in an empty project: when the count arrives the button says so, and the
    // keyboard user on it keeps their place.
    await countShown(page);
    await expect(page.getByRole('button', { name: 'Export CSV…' }).isDisabled()).resolves.toBe(true);
    await focusIs(page, `export-dialog: ${await lastEnabledButton(page)}`);
    await page.keyboard.press('Tab');
    await focusIs(page, 'export-dialog: Close');
    await page.keyboard.press('Escape');
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
    await focusIs(page, 'page: Export…');
  });

  it('Team: Tab wraps both ways; Escape closes it and refocuses the sync indicator', async () => {
    const { page } = app;
    await reader(page);
    await page.getByTestId('sync-indicator').click();
    await page.getByRole('dialog', { name: 'Team' }).waitFor();
    await focusIs(page, 'team-dialog: radio Paste an invite');
    await page.keyboard.press('Shift+Tab');
    await focusIs(page, 'team-dialog: team-join');
    await page.keyboard.press('Tab');
    await focusIs(page, 'team-dialog: radio Paste an invite');
    await page.keyboard.press('Escape');
    await page.getByTestId('team-dialog').waitFor({ state: 'hidden' });
    await focusIs(page, 'page: sync-indicator');
  });

  it('first run: the welcome box does not trap Tab (reading needs no name): Tab from Start reading moves on to the page', async () => {
    const { page } = app;
    await openArticle(page, app.url, ARTICLE);
    await page.getByTestId('first-run-name').click();
    await page.keyboard.type('Keys');
    await page.keyboard.press('Tab');
    await focusIs(page, 'first-run: radio Crimson');
    await page.keyboard.press('Tab');
    await focusIs(page, 'first-run: Start reading');
    await page.keyboard.press('Tab');
    expect((await focused(page)).startsWith('first-run:')).toBe(false);
  });
});
