/**
 * End to end: managing the codebook through its panel. Tags are created, shown with their
 * counts, renamed (the highlight's chip shows the new name), recoloured (the mark's colour
 * follows), moved under a parent (the parent's count includes the child's), merged (the
 * highlights carrying the merged tag now carry the target) and deleted after a dialog that
 * states how many highlights carry the tag. Screenshots: tests/e2e/screenshots/codebook-*.png.
 * Each test starts from an empty profile and first does, through the codebook, the earlier
 * steps it builds on (stages below).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../helpers/browser.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { addTagInCodebook, closePanel, completeFirstRun, openPanel, tagIdOf, tagPhrase } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const SECURITY_PHRASE = 'military cooperation';
const ENERGY_PHRASES = ['energy projects', 'new transit corridors'] as const;

/** Chromium, the served renderer and a fresh page per test; no page may log an error in any test. */
const app = useAppPage();

beforeEach(async () => {
  await openArticle(app.page, app.url, ARTICLE);
  await completeFirstRun(app.page, 'Leyla');
});

function row(name: string) {
  return app.page.locator(`.codebook__row[data-tag-name="${name}"]`);
}

async function countOf(name: string): Promise<string | null> {
  return row(name).locator('[data-testid="tag-count"]').first().textContent();
}

async function markClasses(phrase: string): Promise<string> {
  return (await app.page.locator('mark.hl').filter({ hasText: phrase }).first().getAttribute('class')) ?? '';
}

async function markBackground(phrase: string): Promise<string> {
  return app.page.locator('mark.hl').filter({ hasText: phrase }).first().evaluate((element) => getComputedStyle(element).backgroundColor);
}

/** Chip names on the annotations panel's entry for `phrase`. */
async function chipsOf(phrase: string): Promise<string[]> {
  await openPanel(app.page, 'Annotations');
  const item = app.page.getByTestId('annotation-item').filter({ hasText: phrase });
  // The list is virtualised: its rows follow the panel's measured height, a frame after it opens.
  await item.waitFor();
  const names = await item.locator('.tag-chip').allTextContents();
  await closePanel(app.page);
  return names;
}

/** Opens the codebook's Edit form of `name`, lets `change` fill it, saves, and waits until `done` holds. */
async function editTag(name: string, change: () => Promise<void>, done: () => Promise<boolean>): Promise<void> {
  await row(name).getByRole('button', { name: 'Edit' }).click();
  await change();
  await app.page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(done).toBe(true);
}

/** Stage 1: three tags; Security on one phrase, Energy on two. Ends with the codebook closed. */
async function createAndApplyTags(): Promise<void> {
  await openPanel(app.page, 'Codebook');
  await addTagInCodebook(app.page, 'Security');
  await addTagInCodebook(app.page, 'Energy');
  await addTagInCodebook(app.page, 'Connectivity');
  await closePanel(app.page);
  await tagPhrase(app.page, SECURITY_PHRASE, 'Security');
  for (const phrase of ENERGY_PHRASES) await tagPhrase(app.page, phrase, 'Energy');
}

/** Stage 2: Security renamed to Regional security. Ends with the codebook open. */
async function renameSecurity(): Promise<void> {
  await openPanel(app.page, 'Codebook');
  await editTag('Security', () => app.page.getByTestId('tag-edit-name').fill('Regional security'), async () => (await row('Regional security').count()) === 1);
}

/** Stage 3: Connectivity under Regional security, Energy under Connectivity (codebook open). */
async function nestTags(): Promise<void> {
  const parentOf = (name: string, parent: string) => () => app.page.getByRole('form', { name: `Edit ${name}` }).getByLabel('Parent').selectOption({ label: parent }).then(() => undefined);
  await editTag('Connectivity', parentOf('Connectivity', 'Regional security'), async () => ((await row('Connectivity').getAttribute('class')) ?? '').includes('codebook__row--depth-1'));
  await editTag('Energy', parentOf('Energy', 'Connectivity'), async () => ((await row('Energy').getAttribute('class')) ?? '').includes('codebook__row--depth-2'));
}

/** Stage 4: Energy merged into Connectivity (codebook open). */
async function mergeEnergy(): Promise<void> {
  await row('Energy').getByRole('button', { name: 'Merge' }).click();
  await app.page.getByTestId('merge-into').selectOption({ label: 'Connectivity' });
  await app.page.getByRole('form', { name: 'Merge Energy' }).getByRole('button', { name: 'Merge' }).click();
  await expect.poll(() => row('Energy').count()).toBe(0);
}

describe('the codebook', () => {
  it('creates tags and counts their applications', async () => {
    await createAndApplyTags();
    await openPanel(app.page, 'Codebook');
    await expect.poll(() => countOf('Security')).toBe('1');
    await expect.poll(() => countOf('Energy')).toBe('2');
    await expect.poll(() => countOf('Connectivity')).toBe('0');
    await saveScreenshot(app.page, 'codebook-counts');
  });

  it('renames a tag: the highlight’s chip shows the new name', async () => {
    await createAndApplyTags();
    await openPanel(app.page, 'Codebook');
    const id = await tagIdOf(app.page, 'Security');
    await row('Security').getByRole('button', { name: 'Edit' }).click();
    await app.page.getByTestId('tag-edit-name').fill('Regional security');
    await app.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => row('Regional security').count()).toBe(1);
    await expect(row('Security').count()).resolves.toBe(0);
    await expect(tagIdOf(app.page, 'Regional security')).resolves.toBe(id);
    await closePanel(app.page);
    await expect(chipsOf(SECURITY_PHRASE)).resolves.toEqual(['Regional security']);
    await expect(markClasses(SECURITY_PHRASE)).resolves.toContain(`hl-t-${id}`);
  });

  it('recolours a tag: its highlights take the new colour', async () => {
    await createAndApplyTags();
    await renameSecurity();
    await closePanel(app.page);
    const before = await markBackground(SECURITY_PHRASE);
    await openPanel(app.page, 'Codebook');
    await row('Regional security').getByRole('button', { name: 'Edit' }).click();
    await app.page.getByLabel('Colour').fill('#1d7a3a');
    await app.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => markBackground(SECURITY_PHRASE)).toBe('rgba(29, 122, 58, 0.38)');
    expect(before).not.toBe('rgba(29, 122, 58, 0.38)');
    const swatch = await row('Regional security').locator('.tag-swatch').first().evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(swatch).toBe('rgb(29, 122, 58)');
  });

  it('makes a tag the child of another; the parent counts its children', async () => {
    await createAndApplyTags();
    await renameSecurity();
    await row('Connectivity').getByRole('button', { name: 'Edit' }).click();
    await app.page.getByRole('form', { name: 'Edit Connectivity' }).getByLabel('Parent').selectOption({ label: 'Regional security' });
    await app.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => row('Connectivity').getAttribute('class')).toContain('codebook__row--depth-1');
    await row('Energy').getByRole('button', { name: 'Edit' }).click();
    await app.page.getByRole('form', { name: 'Edit Energy' }).getByLabel('Parent').selectOption({ label: 'Connectivity' });
    await app.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => row('Energy').getAttribute('class')).toContain('codebook__row--depth-2');
    // 1 direct + 2 through Connectivity → Energy.
    await expect.poll(() => countOf('Regional security')).toBe('3');
    await expect.poll(() => countOf('Connectivity')).toBe('2');
    await saveScreenshot(app.page, 'codebook-hierarchy');
  });

  it('merges Energy into Connectivity: its highlights now carry Connectivity', async () => {
    await createAndApplyTags();
    await renameSecurity();
    await nestTags();
    const energy = await tagIdOf(app.page, 'Energy');
    const connectivity = await tagIdOf(app.page, 'Connectivity');
    await row('Energy').getByRole('button', { name: 'Merge' }).click();
    await app.page.getByTestId('merge-into').selectOption({ label: 'Connectivity' });
    await app.page.getByRole('form', { name: 'Merge Energy' }).getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => row('Energy').count()).toBe(0);
    await expect.poll(() => countOf('Connectivity')).toBe('2');
    await closePanel(app.page);
    for (const phrase of ENERGY_PHRASES) {
      await expect.poll(() => markClasses(phrase)).toContain(`hl-t-${connectivity}`);
      await expect(markClasses(phrase)).resolves.not.toContain(`hl-t-${energy}`);
      await expect(chipsOf(phrase)).resolves.toEqual(['Connectivity']);
    }
  });

  it('keeps every row\'s actions and the new tag\'s field inside the panel in a 1100 px window', async () => {
    await app.page.setViewportSize({ width: 1100, height: 750 });
    await openPanel(app.page, 'Codebook');
    await addTagInCodebook(app.page, 'Regional security');
    await addTagInCodebook(app.page, 'Energy transit', 'Regional security');
    const panel = (await app.page.locator('.panel-drawer').boundingBox())!;
    const outside = await app.page.locator('.codebook__row button').evaluateAll((buttons, right) =>
      buttons.filter((button) => button.getBoundingClientRect().right > right + 0.5).map((button) => button.getAttribute('aria-label') ?? button.textContent), panel.x + panel.width);
    expect(outside).toEqual([]);
    expect((await app.page.getByTestId('new-tag-name').boundingBox())!.width).toBeGreaterThanOrEqual(150);
    await saveScreenshot(app.page, 'codebook-1100');
  });

  it('refuses a second tag with a name already in the codebook, in any case or accents, when adding or renaming', async () => {
    await openPanel(app.page, 'Codebook');
    await addTagInCodebook(app.page, 'Security');
    await addTagInCodebook(app.page, 'Energy');
    const field = app.page.getByTestId('new-tag-name');
    await field.fill('  security ');
    await field.press('Enter');
    const refusal = app.page.getByRole('alert').filter({ hasText: 'already' });
    await expect.poll(() => refusal.textContent()).toBe('“Security” is already in the codebook: choose another name.');
    expect(await field.inputValue()).toBe('  security ');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await app.page.locator('.codebook__row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tag-name')))).toEqual(['Energy', 'Security']);
    // Typing clears the refusal; a new name is added.
    await field.fill('Securitization');
    await refusal.waitFor({ state: 'detached' });
    await field.press('Enter');
    await row('Securitization').waitFor();

    await row('Energy').getByRole('button', { name: 'Edit' }).click();
    await app.page.getByTestId('tag-edit-name').fill('SECURITY');
    await app.page.getByRole('button', { name: 'Save', exact: true }).click();
    const editRefusal = app.page.getByRole('form', { name: 'Edit Energy' }).getByRole('alert');
    await expect.poll(() => editRefusal.textContent()).toBe('“Security” is already in the codebook: choose another name.');
    expect(await row('Energy').count()).toBe(1);
    // A tag's own name in another case is a rename, not a clash.
    await app.page.getByTestId('tag-edit-name').fill('energy');
    await app.page.getByRole('button', { name: 'Save', exact: true }).click();
    await row('energy').waitFor();
  });

  it('keeps the keyboard in the panel: Save gives focus back to Edit, Escape in the editor cancels only the edit, and once a row leaves Escape still closes the panel', async () => {
    const focused = () => app.page.evaluate(() => {
      const active = document.activeElement;
      if (active === null || active === document.body) return 'nothing focused';
      return `${active.textContent ?? ''} in ${active.closest('.codebook__row')?.getAttribute('data-tag-name') ?? active.closest('.panel-drawer')?.getAttribute('aria-label') ?? active.tagName}`;
    });
    await openPanel(app.page, 'Codebook');
    await addTagInCodebook(app.page, 'Security');
    await row('Security').getByRole('button', { name: 'Edit' }).click();
    await app.page.getByTestId('tag-edit-name').fill('Regional security');
    await app.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(focused).toBe('Edit in Regional security');

    // Enter on Edit opens the editor again; a change typed there and Escape: the edit is dropped, the panel stays.
    await app.page.keyboard.press('Enter');
    await app.page.getByTestId('tag-edit-name').click();
    await app.page.keyboard.type(' X');
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('form', { name: 'Edit Regional security' }).waitFor({ state: 'detached' });
    expect(await app.page.locator('.panel-drawer').count()).toBe(1);
    expect(await row('Regional security').count()).toBe(1);
    await expect.poll(focused).toBe('Edit in Regional security');

    // Deleting the tag takes its row, and the focused button with it: the keyboard stays in the panel.
    await row('Regional security').getByRole('button', { name: 'Delete' }).click();
    await app.page.getByRole('button', { name: 'Delete tag' }).click();
    await expect.poll(() => row('Regional security').count()).toBe(0);
    await expect.poll(focused).toBe('Codebook in Codebook');
    await app.page.keyboard.press('Escape');
    await app.page.locator('.panel-drawer').waitFor({ state: 'detached' });
  });

  it('deletes a tag after stating how many highlights carry it', async () => {
    await createAndApplyTags();
    await renameSecurity();
    await nestTags();
    await mergeEnergy();
    await closePanel(app.page);
    await openPanel(app.page, 'Codebook');
    const connectivity = await tagIdOf(app.page, 'Connectivity');
    await row('Connectivity').getByRole('button', { name: 'Delete' }).click();
    const dialog = app.page.getByTestId('confirm-delete');
    await expect(dialog.textContent()).resolves.toContain('applied to 2 highlights');
    await saveScreenshot(app.page, 'codebook-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete tag' }).click();
    await expect.poll(() => row('Connectivity').count()).toBe(0);
    await expect.poll(() => countOf('Regional security')).toBe('1');
    await closePanel(app.page);
    for (const phrase of ENERGY_PHRASES) {
      await expect.poll(() => markClasses(phrase)).not.toContain(`hl-t-${connectivity}`);
      await expect(markClasses(phrase)).resolves.toContain('hl-untagged');
    }
    await openPanel(app.page, 'Trash');
    await expect(app.page.getByTestId('trash-tag').textContent()).resolves.toContain('Connectivity');
    await closePanel(app.page);
  });
});
