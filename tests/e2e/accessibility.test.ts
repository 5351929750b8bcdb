/**
 * End to end: an axe-core scan of every screen and dialog — first run, library, reader,
 * a highlight's popover, a highlight with its margin note, find, each panel, the memos tab, the export
 * dialog, the team dialog, the project switcher (with a project in its trash) and the merge
 * confirmation — reached
 * by hand (clicks and keys), reports no serious or critical violation. The test prints what
 * it scanned, and each failure names the rule, the screen and the offending elements.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { chooseFileToMerge, closePanel, completeFirstRun, dismissNotice, highlightPhrase, openPanel, saveProjectFile } from './annotate-support.ts';
import { tagByHand } from './sync-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
/** axe-core's source, evaluated in the page (an injected <script> would break the app's CSP). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Chromium, the served renderer and a fresh page per test; no page may log an error. */
const app = useAppPage();
const scanned: string[] = [];

type AxeResult = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** Runs axe on the page as it is now; returns the serious and critical violations, described. */
async function scan(page: Page, screen: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeResult[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((entry) => ({ id: entry.id, impact: entry.impact, help: entry.help, nodes: entry.nodes.map((node) => ({ target: node.target })) }));
  });
  scanned.push(screen);
  return violations
    .filter((entry) => entry.impact === 'serious' || entry.impact === 'critical')
    .map((entry) => `${screen}: ${entry.id} (${entry.impact}) ${entry.help} — ${entry.nodes.slice(0, 5).map((node) => JSON.stringify(node.target)).join(', ')}`);
}

async function startReading(page: Page): Promise<void> {
  await openArticle(page, app.url, ARTICLE);
  await completeFirstRun(page, 'Leyla');
}

describe('accessibility (axe-core: no serious or critical violations)', () => {
  it('first run and the library', async () => {
    await app.page.goto(app.url);
    await app.page.getByTestId('first-run-name').waitFor();
    const found = await scan(app.page, 'first run');
    // Colour swatches are named as people name colours.
    const amber = app.page.getByRole('radio', { name: 'Amber' });
    await app.page.locator('label', { has: amber }).click();
    expect(await amber.isChecked()).toBe(true);
    await completeFirstRun(app.page, 'Leyla');
    await app.page.locator('.library, [data-testid="library"]').first().waitFor();
    found.push(...(await scan(app.page, 'library')));
    expect(found, found.join('\n')).toEqual([]);
  });

  it('the reader, a highlight with its note, and find', async () => {
    await startReading(app.page);
    // The article is a read-only document, not an editable text box.
    await app.page.getByRole('document', { name: 'Article text' }).waitFor();
    expect(await app.page.getByRole('textbox', { name: 'Article text' }).count()).toBe(0);
    const found = await scan(app.page, 'reader');
    await highlightPhrase(app.page, 'mutual distrust');
    await app.page.locator('mark.hl').filter({ hasText: 'mutual distrust' }).first().click();
    await app.page.getByRole('dialog', { name: /^Highlight/ }).waitFor();
    found.push(...(await scan(app.page, 'highlight popover')));
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('dialog', { name: /^Highlight/ }).waitFor({ state: 'detached' });
    await app.page.getByTestId('add-note').click();
    await app.page.keyboard.type('A note.');
    found.push(...(await scan(app.page, 'highlight with note')));
    await app.page.keyboard.press('Control+f');
    await app.page.getByRole('searchbox').waitFor();
    found.push(...(await scan(app.page, 'find bar')));
    expect(found, found.join('\n')).toEqual([]);
  });

  it('each panel', async () => {
    await startReading(app.page);
    await highlightPhrase(app.page, 'mutual distrust');
    const found: string[] = [];
    for (const panel of ['Codebook', 'Annotations', 'Trash', 'Unanchored'] as const) {
      await openPanel(app.page, panel);
      found.push(...(await scan(app.page, `${panel} panel`)));
      await closePanel(app.page);
    }
    expect(found, found.join('\n')).toEqual([]);
  });

  it('the memos tab: the list, a memo with its preview and link picker', async () => {
    await startReading(app.page);
    await highlightPhrase(app.page, 'mutual distrust');
    await app.page.locator('.project-menu').getByRole('button', { name: 'Analysis', exact: true }).click();
    await app.page.getByRole('tab', { name: 'Memos' }).click();
    await app.page.getByRole('button', { name: 'Write the project memo' }).waitFor();
    const found = await scan(app.page, 'memos list');
    await app.page.getByRole('button', { name: 'Write the project memo' }).click();
    await app.page.getByTestId('memo-text').click();
    await app.page.keyboard.type('# Findings\n- *one*\n- two');
    await app.page.getByRole('button', { name: 'Pick a highlight…' }).click();
    await app.page.getByTestId('memo-picker-item').first().click();
    await app.page.getByTestId('memo-link').waitFor();
    await app.page.getByRole('button', { name: 'Pick a highlight…' }).click();
    await app.page.getByTestId('memo-picker-item').first().waitFor();
    found.push(...(await scan(app.page, 'memo with preview and link picker')));
    expect(found, found.join('\n')).toEqual([]);
  });

  it('the export and team dialogs', async () => {
    await startReading(app.page);
    await app.page.getByRole('button', { name: 'Export…' }).click();
    await app.page.getByTestId('export-dialog').waitFor();
    const found = await scan(app.page, 'export dialog');
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('export-dialog').waitFor({ state: 'hidden' });
    await app.page.getByTestId('sync-indicator').click();
    await app.page.getByRole('dialog', { name: 'Team' }).waitFor();
    found.push(...(await scan(app.page, 'team dialog')));
    expect(found, found.join('\n')).toEqual([]);
  });

  it('the project switcher and the merge confirmation', async () => {
    // A teammate's file with a same-name code, so the confirmation shows everything it can.
    const teammate = await app.newPage('Teammate');
    await openArticle(teammate, app.url, ARTICLE);
    await completeFirstRun(teammate, 'Tural');
    await tagByHand(teammate, 'mutual distrust', 'Energy');
    const file = await saveProjectFile(teammate);

    await startReading(app.page);
    await tagByHand(app.page, 'pivotal role', 'energy');
    // A second project, then back, and the second removed: the switcher lists both parts.
    await app.page.getByTestId('project-switcher').click();
    const projects = app.page.locator('dialog[data-testid="projects-dialog"][open]');
    await projects.getByLabel('New project').fill('Pipelines');
    await Promise.all([app.page.waitForEvent('load'), projects.getByRole('button', { name: 'Create and open' }).click()]);
    await app.page.getByTestId('project-switcher').click();
    await Promise.all([app.page.waitForEvent('load'), projects.getByRole('button', { name: 'Open Personal project' }).click()]);
    await app.page.getByTestId('project-switcher').click();
    await projects.getByRole('button', { name: 'Remove Pipelines' }).click();
    await projects.getByRole('list', { name: 'Removed projects' }).waitFor();
    const found = await scan(app.page, 'project switcher');
    await app.page.keyboard.press('Escape');
    await projects.waitFor({ state: 'detached' });

    await chooseFileToMerge(app.page, 'tural.marginalia', file);
    const question = app.page.locator('dialog[data-testid="file-question"][open]');
    await question.getByTestId('same-name-codes').waitFor();
    found.push(...(await scan(app.page, 'merge confirmation')));
    await question.getByRole('button', { name: 'Merge', exact: true }).click();
    await app.page.getByTestId('notice').filter({ hasText: 'tural.marginalia' }).waitFor();
    await dismissNotice(app.page);
    expect(found, found.join('\n')).toEqual([]);
    console.log(`axe scanned: ${scanned.join(', ')}`);
  });
});
