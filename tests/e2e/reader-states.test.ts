/**
 * End to end, by hand: what the screen says stays true at once. A highlight's hover title
 * names a renamed code as soon as the codebook saves it; the selection toolbar leaves when
 * the person starts typing in a panel's text field; and the Contents button is pressed
 * exactly when the contents are on screen (below 1600 px an open panel takes their place).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useAppPage } from '../helpers/app-page.ts';
import { openArticle } from './reader-support.ts';
import { closePanel, completeFirstRun, dragSelect, openPanel, tagPhrase } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const PHRASE = 'mutual distrust';

/** Chromium, the served renderer and a fresh page per test (1440 × 900); no page may log an error. */
const app = useAppPage();

beforeEach(async () => {
  await openArticle(app.page, app.url, ARTICLE);
  await completeFirstRun(app.page, 'Kamran');
});

/** The title the person sees when the pointer rests on the highlight of {@link PHRASE}. */
async function hoverTitle(): Promise<string | null> {
  const mark = app.page.locator('mark.hl').filter({ hasText: PHRASE }).first();
  const box = await mark.boundingBox();
  if (box === null) throw new Error('the highlight is not on screen');
  await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  return app.page.locator('mark.hl:hover').last().getAttribute('title');
}

describe('hover titles', () => {
  it('name a renamed code at once', async () => {
    await tagPhrase(app.page, PHRASE, 'Energy');
    await expect.poll(hoverTitle).toBe('Energy');
    await openPanel(app.page, 'Codebook');
    const row = app.page.locator('.codebook__row[data-tag-name="Energy"]');
    await row.getByRole('button', { name: 'Edit' }).click();
    await app.page.getByTestId('tag-edit-name').fill('Energy transit');
    await app.page.getByRole('button', { name: 'Save', exact: true }).click();
    await app.page.locator('.codebook__row[data-tag-name="Energy transit"]').waitFor();
    await closePanel(app.page);
    await expect.poll(hoverTitle).toBe('Energy transit');
  });
});

describe('the selection toolbar', () => {
  const toolbar = () => app.page.getByTestId('selection-toolbar');

  it('leaves when the person types a new code name in the codebook', async () => {
    await dragSelect(app.page, PHRASE);
    await openPanel(app.page, 'Codebook');
    await app.page.getByTestId('new-tag-name').click();
    await app.page.keyboard.type('Trust');
    await toolbar().waitFor({ state: 'detached' });
    expect(await app.page.getByTestId('new-tag-name').inputValue()).toBe('Trust');
  });

  it('leaves when the person types in the Annotations search', async () => {
    await dragSelect(app.page, PHRASE);
    await openPanel(app.page, 'Annotations');
    await app.page.getByTestId('filter-text').click();
    await app.page.keyboard.type('distrust');
    await toolbar().waitFor({ state: 'detached' });
    expect(await app.page.getByTestId('filter-text').inputValue()).toBe('distrust');
  });
});

describe('the Contents button', () => {
  const contentsButton = () => app.page.locator('.top-bar').getByRole('button', { name: 'Contents', exact: true });
  const contentsShown = () => app.page.locator('#contents-heading').isVisible();
  const pressed = async () => (await contentsButton().getAttribute('aria-pressed')) === 'true';

  it('below 1600 px is not pressed while a panel takes the contents’ place, and brings them back', async () => {
    expect(await contentsShown()).toBe(true);
    expect(await pressed()).toBe(true);
    await openPanel(app.page, 'Codebook');
    await expect.poll(contentsShown).toBe(false);
    await expect.poll(pressed).toBe(false);
    // Pressing it shows the contents again: the panel steps aside for them.
    await contentsButton().click();
    await expect.poll(contentsShown).toBe(true);
    await expect.poll(pressed).toBe(true);
    await app.page.locator('.panel-drawer').waitFor({ state: 'detached' });
    // Pressed again, it hides them.
    await contentsButton().click();
    await expect.poll(contentsShown).toBe(false);
    await expect.poll(pressed).toBe(false);
  });

  it('from 1600 px stays pressed beside an open panel, since the contents stay on screen', async () => {
    await app.page.setViewportSize({ width: 1700, height: 900 });
    await openPanel(app.page, 'Codebook');
    await expect.poll(contentsShown).toBe(true);
    expect(await pressed()).toBe(true);
    await app.page.setViewportSize({ width: 1440, height: 900 });
    await expect.poll(contentsShown).toBe(false);
    await expect.poll(pressed).toBe(false);
  });
});
