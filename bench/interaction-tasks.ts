/**
 * The interactions the `interaction` suite repeats in each project (the 10k sample and its
 * empty baseline with the same codebook), as a person does them with mouse and keyboard:
 * opening an article from its library card; opening and closing each panel and dialog;
 * typing in every filter and in the tag type-ahead; creating a highlight by a drag, coding
 * it by number key and in the popover, undoing with Ctrl+Z. Each window is handed to
 * `record` under the interaction's name.
 */
import type { Page } from 'playwright-core';
import { docUpdates, settle } from './interaction-probe.ts';
import { ANNOTATIONS_LISTED, ARTICLE, OTHER, clickCard, dragAcross, keystrokeWindows, measure, openFromLibrary, painted, phraseRect, toLibrary, type Measured } from './interaction-steps.ts';

/** Receives one measured window of the named interaction. */
export type Recorder = (name: string, sample: Measured) => void;

/** Library card click → the article with its visible highlights painted; alternates two articles. */
export async function cardClicks(page: Page, dense: boolean, runs: number, record: Recorder): Promise<void> {
  for (let run = 0; run < runs; run += 1) {
    const id = run % 2 === 0 ? ARTICLE : OTHER;
    record('open article from its card', await measure(page, [{ act: () => clickCard(page, id), done: painted(id, dense) }]));
    await settle(page);
    await toLibrary(page);
  }
}

/** The panels and dialogs of the top bar: the button, what shows it open, and how it closes. */
const SURFACES = [
  { name: 'Codebook', open: '[data-testid="panel-codebook"]' },
  { name: 'Annotations', open: ANNOTATIONS_LISTED },
  { name: 'Trash', open: '[data-testid="panel-trash"]' },
  { name: 'Unanchored', open: '[data-testid="panel-unanchored"]' },
  { name: 'Analysis', open: '[data-testid="panel-analysis"]' },
] as const;

/** Opens and closes each panel, the projects dialog and the export dialog `runs` times (reader open). */
export async function panelToggles(page: Page, runs: number, record: Recorder): Promise<void> {
  const menu = page.locator('.project-menu');
  for (let run = 0; run < runs; run += 1) {
    for (const surface of SURFACES) {
      record(`open/close ${surface.name} panel`, await measure(page, [
        { act: () => menu.getByRole('button', { name: surface.name, exact: true }).click(), done: { present: surface.open } },
        { act: () => page.getByRole('button', { name: 'Close panel' }).click(), done: { absent: '.panel-drawer' } },
      ]));
    }
    const projects = 'dialog[data-testid="projects-dialog"][open]';
    record('open/close projects dialog', await measure(page, [
      { act: () => page.getByTestId('project-switcher').click(), done: { present: projects } },
      { act: () => page.locator(projects).locator('button', { hasText: /^Close$/ }).click(), done: { absent: projects } },
    ]));
    const exporting = 'dialog[data-testid="export-dialog"][open]';
    record('open/close export dialog', await measure(page, [
      { act: () => menu.getByRole('button', { name: 'Export…' }).click(), done: { present: `${exporting} [data-testid="export-count"]` } },
      { act: () => page.locator(exporting).locator('button', { hasText: /^Close$/ }).click(), done: { absent: exporting } },
    ]));
  }
}

/** What is typed into each filter, one window per key. */
const FILTER_TEXT = 'policy';

/** Each keystroke in the Annotations filter, the codebook's field and the Analysis Search (reader open). */
export async function filterKeystrokes(page: Page, rounds: number, record: Recorder): Promise<void> {
  const menu = page.locator('.project-menu');
  const save = (name: string) => (samples: Measured[]) => samples.forEach((sample) => record(name, sample));
  await menu.getByRole('button', { name: 'Annotations', exact: true }).click();
  await page.getByTestId('filter-text').click();
  for (let round = 0; round < rounds; round += 1) save('keystroke in Annotations filter')(await keystrokeWindows(page, '[data-testid="filter-text"]', FILTER_TEXT));
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await menu.getByRole('button', { name: 'Codebook', exact: true }).click();
  await page.getByTestId('new-tag-name').click();
  for (let round = 0; round < rounds; round += 1) save('keystroke in codebook field')(await keystrokeWindows(page, '[data-testid="new-tag-name"]', FILTER_TEXT));
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.getByRole('button', { name: 'Close panel' }).click();
  await page.keyboard.press('Control+Shift+F');
  await page.waitForFunction(() => document.activeElement?.id === 'corpus-search-field');
  const search = '#corpus-search-field';
  for (let round = 0; round < rounds; round += 1) {
    save('keystroke in Analysis Search')(await keystrokeWindows(page, search, FILTER_TEXT, (value) => ({ present: `.corpus-search[data-query="${value}"]` })));
  }
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.getByRole('button', { name: 'Close panel' }).click();
  await page.locator('.panel-drawer').waitFor({ state: 'detached' });
  await settle(page);
}

/** Each keystroke in the selection toolbar's tag type-ahead, over a fresh drag selection per round. */
export async function typeaheadKeystrokes(page: Page, rounds: number, record: Recorder): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await dragAcross(page, await phraseRect(page, 40 + round));
    await page.getByTestId('selection-toolbar').getByRole('button', { name: 'Tag…' }).click();
    await page.getByTestId('toolbar-tag-input').waitFor();
    for (const sample of await keystrokeWindows(page, '[data-testid="toolbar-tag-input"]', 'secur')) record('keystroke in tag type-ahead', sample);
    // The first Escape closes the suggestion list, the second leaves the field.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByTestId('toolbar-tag-input').waitFor({ state: 'detached' });
    await settle(page);
  }
}

/** Codes tried in the popover, the first the highlight does not carry is used. */
const POPOVER_CODES = ['Trade', 'Media', 'Diaspora', 'Identity', 'Military'];

/**
 * `runs` times (dense article open, no panel): drag to select and press the toolbar's
 * Highlight; press 1 (apply code) and 1 again (remove it); click the new mark, add a code
 * in the popover (typed, Enter) and remove it there (× click); Escape, then Control+Z in the article.
 */
export async function annotateRounds(page: Page, runs: number, record: Recorder): Promise<void> {
  const changed = async (): Promise<{ docUpdatesAbove: number }> => ({ docUpdatesAbove: await docUpdates(page) });
  for (let run = 0; run < runs; run += 1) {
    const rect = await phraseRect(page, run);
    await settle(page);
    record('create highlight (drag, Highlight)', await measure(page, [
      { act: () => dragAcross(page, rect), done: { present: '[data-testid="selection-toolbar"]' } },
      { act: () => page.getByTestId('selection-toolbar').getByRole('button', { name: 'Highlight', exact: true }).click(), done: await changed(), timed: true },
    ]));
    record('apply code by number key', await measure(page, [{ act: () => page.keyboard.press('1'), done: await changed() }]));
    record('remove code by number key', await measure(page, [{ act: () => page.keyboard.press('1'), done: await changed() }]));
    await page.mouse.click((rect.startX + rect.endX) / 2, rect.y);
    const popover = page.getByTestId('highlight-popover');
    await popover.waitFor();
    const carried = await popover.getByTestId('popover-code').allInnerTexts();
    const code = POPOVER_CODES.find((name) => !carried.includes(name)) as string;
    await popover.getByRole('button', { name: 'Add code…' }).click();
    await page.keyboard.type(code);
    await settle(page);
    record('apply code in popover (Enter)', await measure(page, [{ act: () => page.keyboard.press('Enter'), done: await changed() }]));
    record('remove code in popover (× click)', await measure(page, [{ act: () => popover.getByRole('button', { name: `Remove code ${code}` }).click(), done: await changed() }]));
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    await settle(page);
    record('undo (Control+Z in the article)', await measure(page, [{ act: () => page.keyboard.press('Control+z'), done: await changed() }]));
  }
}
