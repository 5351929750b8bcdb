/**
 * End to end, by hand: number keys assigned in the codebook, and the codebook's forms.
 * New tags take the keys 1, 2, 3… in the order they are made (not by name) and adding a
 * tag moves no key; the key picker under a row's key cap gives a tag another key, by
 * keyboard or mouse, and that key then applies the tag in the article; the new-tag form's
 * Parent goes back to top level after each tag; deleting asks in the tag's own row, where
 * Escape keeps the tag. Each test starts from an empty profile with the article open.
 * Screenshots: tests/e2e/screenshots/codebook-keys-*.png.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { closePanel, completeFirstRun, dragSelect, mergeProjectFileBytes, openPanel, saveProjectFile, tagIdOf } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const PHRASE = 'mutual distrust';

/** Chromium, the served renderer and a fresh page per test; no page may log an error in any test. */
const app = useAppPage();

beforeEach(async () => {
  await openArticle(app.page, app.url, ARTICLE);
  await completeFirstRun(app.page, 'Samir');
  await openPanel(app.page, 'Codebook');
});

function row(name: string, page: Page = app.page) {
  return page.locator(`.codebook__row[data-tag-name="${name}"]`);
}

/** Types a new tag's name into the codebook's form and presses Add tag (the codebook is open). */
async function typeNewTag(name: string, page: Page = app.page): Promise<void> {
  await page.getByTestId('new-tag-name').click();
  await page.keyboard.type(name);
  await page.getByRole('button', { name: 'Add tag' }).click();
  await row(name, page).waitFor();
}

/** The key cap each codebook row shows, by tag name ("" for a row without a number). */
async function keyCaps(page: Page = app.page): Promise<Record<string, string>> {
  return page.locator('.codebook__row').evaluateAll((rows) =>
    Object.fromEntries(rows.map((element) => [element.getAttribute('data-tag-name'), element.querySelector('.codebook__line .codebook__key')?.textContent ?? ''])),
  );
}

/** What has the keyboard focus: its accessible label or text, and the tag row it sits in. */
async function focused(): Promise<{ label: string; row: string | null; inConfirm: boolean }> {
  return app.page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      label: element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '',
      row: element?.closest('.codebook__row')?.getAttribute('data-tag-name') ?? null,
      inConfirm: Boolean(element?.closest('[data-testid="confirm-delete"]')),
    };
  });
}

function mark() {
  return app.page.locator('mark.hl').filter({ hasText: PHRASE }).first();
}

describe('number keys in the codebook', () => {
  it('new tags take keys in the order they are made, and adding one moves no key', async () => {
    for (const name of ['Zeta', 'Alpha', 'Mid']) await typeNewTag(name);
    await expect.poll(() => keyCaps()).toEqual({ Alpha: '2', Mid: '3', Zeta: '1' });
    await typeNewTag('Beta');
    await expect.poll(() => keyCaps()).toEqual({ Alpha: '2', Beta: '4', Mid: '3', Zeta: '1' });
    await saveScreenshot(app.page, 'codebook-keys-creation');
  });

  it('the key picker gives Alpha key 9 by keyboard and Beta key 1 by mouse; 9 in the article applies Alpha', async () => {
    for (const name of ['Zeta', 'Alpha', 'Mid', 'Beta']) await typeNewTag(name);
    const alpha = await tagIdOf(app.page, 'Alpha');
    // Keyboard: the cap opens the picker on the current key; End goes to 9, Enter chooses it.
    await app.page.getByRole('button', { name: /^Number key for Alpha/ }).click();
    const picker = app.page.getByRole('group', { name: 'Number key for Alpha' });
    await picker.waitFor();
    await expect.poll(focused).toMatchObject({ label: 'Key 2', row: 'Alpha' });
    await saveScreenshot(app.page, 'codebook-keys-picker');
    await app.page.keyboard.press('End');
    await expect.poll(focused).toMatchObject({ label: 'Key 9', row: 'Alpha' });
    await app.page.keyboard.press('Enter');
    await picker.waitFor({ state: 'detached' });
    await expect.poll(() => keyCaps()).toEqual({ Alpha: '9', Beta: '4', Mid: '3', Zeta: '1' });
    await expect.poll(focused).toMatchObject({ label: 'Number key for Alpha: key 9' });
    // Mouse: key 1 is Zeta's; choosing it for Beta leaves Zeta without a key.
    await app.page.getByRole('button', { name: /^Number key for Beta/ }).click();
    await app.page.getByRole('group', { name: 'Number key for Beta' }).getByRole('button', { name: 'Key 1, now Zeta’s' }).click();
    await expect.poll(() => keyCaps()).toEqual({ Alpha: '9', Beta: '1', Mid: '3', Zeta: '' });
    await saveScreenshot(app.page, 'codebook-keys-assigned');
    await closePanel(app.page);

    await dragSelect(app.page, PHRASE);
    await app.page.keyboard.press('9');
    await expect.poll(() => mark().getAttribute('class')).toContain(`hl-t-${alpha}`);
    await openPanel(app.page, 'Annotations');
    const item = app.page.getByTestId('annotation-item').filter({ hasText: PHRASE });
    await expect.poll(() => item.locator('.tag-chip').allTextContents()).toEqual(['Alpha']);
    await saveScreenshot(app.page, 'codebook-keys-applied');
  });

  it('two people choose key 9 for different tags: after they merge, the earlier choice keeps it and the other row says so', async () => {
    const samir = app.page;
    for (const name of ['Zeta', 'Alpha']) await typeNewTag(name, samir);
    const babak = await app.newPage('Babak');
    await openArticle(babak, app.url, ARTICLE);
    await completeFirstRun(babak, 'Babak');
    await mergeProjectFileBytes(babak, 'samir.marginalia', await saveProjectFile(samir));
    await openPanel(babak, 'Codebook');
    await expect.poll(() => keyCaps(babak)).toEqual({ Alpha: '2', Zeta: '1' });

    // Each chooses 9, Samir first, for a different tag.
    const choose = async (page: Page, name: string, key: string): Promise<void> => {
      await page.getByRole('button', { name: new RegExp(`^Number key for ${name}`) }).click();
      await page.getByRole('group', { name: `Number key for ${name}` }).getByRole('button', { name: key, exact: true }).click();
      await expect.poll(() => keyCaps(page).then((caps) => caps[name])).toBe(key.replace('Key ', ''));
    };
    await choose(samir, 'Alpha', 'Key 9');
    await choose(babak, 'Zeta', 'Key 9');

    await mergeProjectFileBytes(samir, 'babak.marginalia', await saveProjectFile(babak));
    await mergeProjectFileBytes(babak, 'samir-again.marginalia', await saveProjectFile(samir));
    for (const page of [samir, babak]) {
      await expect.poll(() => keyCaps(page)).toEqual({ Alpha: '9', Zeta: '' });
      await expect(row('Zeta', page).getByTestId('key-conflict').textContent()).resolves.toBe(
        'Key 9 is Alpha’s: it was chosen for Alpha first. Choose another key for this tag.',
      );
      await expect(row('Alpha', page).getByTestId('key-conflict').count()).resolves.toBe(0);
    }
    await saveScreenshot(babak, 'codebook-keys-conflict');
  });
});

describe('the codebook’s forms', () => {
  it('the Parent of the new-tag form goes back to top level after a tag is made', async () => {
    for (const name of ['Zeta', 'Alpha']) await typeNewTag(name);
    await app.page.getByTestId('new-tag-name').click();
    await app.page.keyboard.type('Child');
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('ArrowDown'); // (top level) → Alpha
    const parent = app.page.getByLabel('Parent of the new tag');
    await expect(parent.inputValue()).resolves.toBe(await tagIdOf(app.page, 'Alpha'));
    await app.page.getByRole('button', { name: 'Add tag' }).click();
    await expect.poll(() => row('Child').getAttribute('class')).toContain('codebook__row--depth-1');
    await expect.poll(() => parent.inputValue()).toBe('');
    await expect(parent.locator('option:checked').textContent()).resolves.toBe('(top level)');
    // The next tag is made at the top level.
    await typeNewTag('Sibling');
    await expect(row('Sibling').getAttribute('class')).resolves.toContain('codebook__row--depth-0');
  });

  it('deleting asks in the tag’s row: Escape keeps the tag, Delete removes it', async () => {
    for (const name of ['Zeta', 'Alpha', 'Mid']) await typeNewTag(name);
    const alpha = await tagIdOf(app.page, 'Alpha');
    await closePanel(app.page);
    await dragSelect(app.page, PHRASE);
    await app.page.keyboard.press('2');
    await expect.poll(() => mark().getAttribute('class')).toContain(`hl-t-${alpha}`);
    await openPanel(app.page, 'Codebook');

    await row('Alpha').getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = row('Alpha').getByTestId('confirm-delete');
    await confirm.waitFor();
    await expect(confirm.textContent()).resolves.toContain('applied to 1 highlight.');
    await expect(app.page.getByTestId('confirm-delete').count()).resolves.toBe(1);
    // Drawn inside the row, right under its line.
    const rowBox = await row('Alpha').boundingBox();
    const confirmBox = await confirm.boundingBox();
    const lineBox = await row('Alpha').locator('.codebook__line').boundingBox();
    if (rowBox === null || confirmBox === null || lineBox === null) throw new Error('the row or its confirmation is not on screen');
    expect(confirmBox.y).toBeGreaterThanOrEqual(lineBox.y + lineBox.height - 1);
    expect(confirmBox.y + confirmBox.height).toBeLessThanOrEqual(rowBox.y + rowBox.height + 1);
    await expect.poll(focused).toEqual({ label: 'Delete tag', row: 'Alpha', inConfirm: true });
    await saveScreenshot(app.page, 'codebook-keys-delete-confirm');

    await app.page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await expect(row('Alpha').count()).resolves.toBe(1);
    await expect.poll(focused).toEqual({ label: 'Delete', row: 'Alpha', inConfirm: false });

    // Enter on the row's Delete asks again; the confirmation's Delete tag removes the tag.
    await app.page.keyboard.press('Enter');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Delete tag' }).click();
    await expect.poll(() => row('Alpha').count()).toBe(0);
    await expect.poll(() => keyCaps()).toEqual({ Mid: '3', Zeta: '1' });
    await closePanel(app.page);
    await expect.poll(() => mark().getAttribute('class')).toContain('hl-untagged');
  });
});
