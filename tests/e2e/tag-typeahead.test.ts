/**
 * End to end: the tag type-ahead in the reader's selection toolbar is an ARIA combobox.
 * A person drags over a passage, clicks "Tag…" and types: the arrow keys move through the
 * matching codebook tags (aria-activedescendant follows), Enter applies the highlighted tag
 * or an exact match (case-, accent- and Turkish-i-insensitive) and only otherwise creates a
 * tag, Tab completes the name without applying it, Escape closes the list and then the
 * entry, a click on a suggestion applies it, and the submit button always names what Enter
 * will do. Results are read from the screen: the highlight's mark carries the tag's colour
 * class, and the Codebook panel lists exactly the tags the person meant to have. Each test
 * starts from an empty profile and creates the three codebook tags it types against.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../helpers/browser.ts';
import type { Page } from 'playwright-core';
import { useApp } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { addTagInCodebook, closePanel, completeFirstRun, dragSelect, highlightTexts, openPanel, tagIdOf } from './annotate-support.ts';

const ARTICLE = 'azerbaijan-us-russia-dynamics';
const GREAT_POWER = 'Great-power competition';
const GREEN = 'Green corridor';
const REGIONAL = 'Regional integration';

/** Chromium and the served renderer; no page may log an error in any test. */
const app = useApp();
/** This test's page: a fresh browser context (an empty profile) opened in beforeEach. */
let page: Page;
/** This test's codebook tag ids by name, read from the Codebook panel once the tags exist. */
const tagIds = new Map<string, string>();

function idOf(name: string): string {
  const id = tagIds.get(name);
  if (id === undefined) throw new Error(`no id read for the tag ${name}`);
  return id;
}

const combobox = () => page.getByRole('combobox', { name: 'Tag name' });
const option = (name: string) => page.getByRole('option', { name });

/** Drags over `phrase`, clicks "Tag…" and waits until the tag field has the keyboard focus. */
async function openTagEntry(phrase: string): Promise<void> {
  await dragSelect(page, phrase);
  await page.getByRole('button', { name: 'Tag…' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
}

/** Waits until the mark over `phrase` is coloured by the tag named `tagName`. */
async function expectTagged(phrase: string, tagName: string): Promise<void> {
  await expect.poll(async () => Object.values(await highlightTexts(page))).toContain(phrase);
  const mark = page.locator('mark.hl').filter({ hasText: phrase }).first();
  await expect.poll(() => mark.getAttribute('class')).toContain(`hl-t-${idOf(tagName)}`);
}

/** The names the Codebook panel lists, sorted (opens and closes the panel). */
async function codebookNames(): Promise<string[]> {
  await openPanel(page, 'Codebook');
  const names = await page.locator('.codebook__row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-tag-name') ?? ''));
  await closePanel(page);
  return names.sort();
}

/** The id the combobox names as its highlighted option, or null. */
async function activeOptionText(): Promise<string | null> {
  const active = await combobox().getAttribute('aria-activedescendant');
  if (active === null || active === '') return null;
  return page.locator(`[id="${active}"][role="option"]`).textContent();
}

beforeEach(async () => {
  tagIds.clear();
  page = await app.newPage('person');
  await openArticle(page, app.url, ARTICLE);
  await completeFirstRun(page, 'Leyla');
  await openPanel(page, 'Codebook');
  for (const name of [GREAT_POWER, GREEN, REGIONAL]) {
    await addTagInCodebook(page, name);
    tagIds.set(name, await tagIdOf(page, name));
  }
  await closePanel(page);
});

describe('the tag type-ahead in the selection toolbar', () => {
  it('"gr", ArrowDown, Enter applies the existing tag and creates no tag "gr"', async () => {
    await openTagEntry('strategic balancing');
    await page.keyboard.type('gr');
    // Prefix of a word first (alphabetically), then a match inside a word.
    await expect.poll(() => page.getByRole('option').allTextContents()).toEqual([GREAT_POWER, GREEN, REGIONAL]);
    await page.getByRole('button', { name: 'Create “gr”' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(activeOptionText).toBe(GREAT_POWER);
    await page.getByRole('button', { name: `Apply “${GREAT_POWER}”` }).waitFor();
    await saveScreenshot(page, 'tag-typeahead-list');
    await page.keyboard.press('Enter');
    await expectTagged('strategic balancing', GREAT_POWER);
    await expect(codebookNames()).resolves.toEqual([GREAT_POWER, GREEN, REGIONAL].sort());
  });

  it('moves the highlighted option with the arrow keys; Escape closes the list, then the entry', async () => {
    await openTagEntry('pragmatic diplomacy');
    await page.keyboard.type('gr');
    const box = combobox();
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('true');
    const listId = await box.getAttribute('aria-controls');
    expect(listId).toBeTruthy();
    await expect(page.locator(`[id="${listId}"]`).getAttribute('role')).resolves.toBe('listbox');
    await expect(page.locator(`[id="${listId}"] [role="option"]`).count()).resolves.toBe(3);
    expect(await activeOptionText()).toBeNull();

    const steps: Array<[string, string]> = [
      ['ArrowDown', GREAT_POWER], ['ArrowDown', GREEN], ['ArrowDown', REGIONAL],
      ['ArrowDown', GREAT_POWER], ['ArrowUp', REGIONAL], ['ArrowUp', GREEN],
    ];
    for (const [key, expected] of steps) {
      await page.keyboard.press(key);
      await expect.poll(activeOptionText).toBe(expected);
      await expect(option(expected).getAttribute('aria-selected')).resolves.toBe('true');
      await page.getByRole('button', { name: `Apply “${expected}”` }).waitFor();
    }

    await page.keyboard.press('Escape');
    await expect.poll(() => box.getAttribute('aria-expanded')).toBe('false');
    await expect(box.inputValue()).resolves.toBe('gr');
    await expect(page.getByRole('option').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Create “gr”' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Tag…' }).waitFor();
    await expect(box.count()).resolves.toBe(0);
    expect(Object.values(await highlightTexts(page))).not.toContain('pragmatic diplomacy');
  });

  it('applies an existing tag typed in full in another case', async () => {
    await openTagEntry('regional stability');
    await page.keyboard.type('great-POWER competition');
    await page.getByRole('button', { name: `Apply “${GREAT_POWER}”` }).waitFor();
    await page.keyboard.press('Enter');
    await expectTagged('regional stability', GREAT_POWER);
  });

  it('applies an existing tag typed with Turkish dotted capitals and accents', async () => {
    await openTagEntry('security guarantees');
    await page.keyboard.type('REGİONAL İNTÉGRATİON');
    await page.getByRole('button', { name: `Apply “${REGIONAL}”` }).waitFor();
    await page.keyboard.press('Enter');
    await expectTagged('security guarantees', REGIONAL);
    await expect(codebookNames()).resolves.toEqual([GREAT_POWER, GREEN, REGIONAL].sort());
  });

  it('creates a tag for a new name, and says so on the button', async () => {
    await openTagEntry('transport corridors');
    await page.keyboard.type('Energy routes');
    await page.getByRole('button', { name: 'Create “Energy routes”' }).waitFor();
    await page.keyboard.press('Enter');
    // The tag is created before the highlight that carries it: once the mark is there, so is the tag.
    await expect.poll(async () => Object.values(await highlightTexts(page))).toContain('transport corridors');
    await expect(codebookNames()).resolves.toEqual([GREAT_POWER, GREEN, REGIONAL, 'Energy routes'].sort());
    await openPanel(page, 'Codebook');
    tagIds.set('Energy routes', await tagIdOf(page, 'Energy routes'));
    await closePanel(page);
    await expectTagged('transport corridors', 'Energy routes');
  });

  it('gives the keyboard back to the article once a tag is applied: Enter then opens the new highlight\'s popover', async () => {
    await openTagEntry('strategic balancing');
    await page.keyboard.type(GREEN);
    await page.keyboard.press('Enter');
    await expectTagged('strategic balancing', GREEN);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.reader-document') !== null)).toBe(true);
    await page.keyboard.press('Enter');
    const popover = page.getByRole('dialog', { name: /^Highlight/ });
    await popover.waitFor();
    expect(await popover.textContent()).toContain(GREEN);
  });

  it('completes the name with Tab without applying it', async () => {
    await openTagEntry('international legitimacy');
    await page.keyboard.type('compet');
    await page.keyboard.press('Tab');
    const box = combobox();
    await expect.poll(() => box.inputValue()).toBe(GREAT_POWER);
    await page.getByRole('button', { name: `Apply “${GREAT_POWER}”` }).waitFor();
    expect(Object.values(await highlightTexts(page))).not.toContain('international legitimacy');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');

    // With a highlighted suggestion, Tab completes to that one.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('gr');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(activeOptionText).toBe(GREEN);
    await page.keyboard.press('Tab');
    await expect.poll(() => box.inputValue()).toBe(GREEN);
    await page.getByRole('button', { name: `Apply “${GREEN}”` }).waitFor();
    await page.keyboard.press('Enter');
    await expectTagged('international legitimacy', GREEN);
  });

  it('applies a suggestion clicked with the mouse', async () => {
    await openTagEntry('defense dialogue');
    await page.keyboard.type('integ');
    await option(REGIONAL).click();
    await expectTagged('defense dialogue', REGIONAL);
    await expect(codebookNames()).resolves.toEqual([GREAT_POWER, GREEN, REGIONAL].sort());
    await openPanel(page, 'Codebook');
    await page.locator('.codebook__tree[data-counts="current"]').waitFor();
    const count = page.locator(`.codebook__row[data-tag-name="${REGIONAL}"] [data-testid="tag-count"]`).first();
    await expect(count.textContent()).resolves.toBe('1');
    await closePanel(page);
  });
});
