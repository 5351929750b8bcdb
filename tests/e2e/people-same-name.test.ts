/**
 * End to end, by hand: two teammates with the same name. A project file from two people
 * both called "Alex" is merged through the UI; wherever the app names people — the status
 * bar's "Showing" menu, its marker, the Annotations panel's person filter, Agreement's coders — the second one
 * reads "Alex (2)", and choosing them by that name shows exactly their highlights.
 * Screenshot: tests/e2e/screenshots/people-same-name-menu.png.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Article } from '#shared/documents/article.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { listMembers, setMember } from '#shared/model/project.ts';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { buildCodedProject } from '../helpers/coded-project.ts';
import { fixedId } from '../helpers/seeded-project.ts';
import { completeFirstRun, dismissNotice, mergeProjectFileBytes } from './annotate-support.ts';
import { loadBundledArticles, openArticle } from './reader-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const app = useApp();
let articles: Article[] = [];

/** The two Alexes' project file, and the quote each of them highlighted, in the order the app numbers them. */
function twoAlexes(): { file: Buffer; quotes: [string, string] } {
  const article = articles.find((candidate) => candidate.meta.id === ARTICLE) as Article;
  const { doc, members } = buildCodedProject(articles, ['Alex', 'Other Alex'], ['Security'], [
    { by: 'Alex', document: ARTICLE, start: 0, end: 40, code: 'Security' },
    { by: 'Other Alex', document: ARTICLE, start: 300, end: 340, code: 'Security' },
  ]);
  // The second person renames themselves "Alex" too (as on their own computer).
  const other = members.get('Other Alex') as MemberId;
  setMember(doc, { member: other, now: () => Date.UTC(2026, 5, 2), newId: () => fixedId(9000) }, { name: 'Alex', colour: '#00798c' });
  const order = listMembers(doc).map((member) => member.id);
  const quoteOf = (id: MemberId): string => (id === other ? article.text.slice(300, 340) : article.text.slice(0, 40));
  return { file: Buffer.from(encodeProjectFile(doc)), quotes: [quoteOf(order[0] as MemberId), quoteOf(order[1] as MemberId)] };
}

/** The text of every highlight painted in the reader, joined per highlight. */
async function paintedQuotes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const byId = new Map<string, string>();
    for (const mark of document.querySelectorAll<HTMLElement>('.reader-document mark.hl')) {
      for (const id of (mark.dataset.highlightIds ?? '').split(' ').filter(Boolean)) byId.set(id, (byId.get(id) ?? '') + (mark.textContent ?? ''));
    }
    return [...byId.values()].sort();
  });
}

beforeAll(() => {
  articles = loadBundledArticles();
});

describe('two teammates with the same name', () => {
  it('are told apart as "Alex" and "Alex (2)" in the Showing menu, the person filter and Agreement', async () => {
    const page = await app.newPage('Samira', { viewport: { width: 1440, height: 900 } });
    await page.goto(`${app.url}#/`);
    await completeFirstRun(page, 'Samira');
    const { file, quotes } = twoAlexes();
    await mergeProjectFileBytes(page, 'alexes.marginalia', file);
    await dismissNotice(page);
    await openArticle(page, app.url, ARTICLE);
    await expect.poll(() => paintedQuotes(page)).toEqual([...quotes].sort());

    // The status bar's menu names both, told apart.
    await page.getByTestId('view-filter').click();
    const menu = page.getByRole('menu', { name: 'Show highlights of' });
    await menu.waitFor();
    await expect(menu.getByRole('menuitemradio').allTextContents()).resolves.toEqual(['Everyone', 'Only mine', 'Alex', 'Alex (2)']);
    await saveScreenshot(page, 'people-same-name-menu');

    // Choosing "Alex (2)" shows that person's highlight only, and the marker says whose.
    await menu.getByRole('menuitemradio', { name: 'Alex (2)', exact: true }).click();
    await expect.poll(() => paintedQuotes(page)).toEqual([quotes[1]]);
    await expect(page.getByTestId('view-filter').textContent()).resolves.toMatch(/^Showing: Alex \(2\)/);
    await expect(page.getByTestId('view-filter-marker').textContent()).resolves.toBe('Showing only Alex (2)’s highlights — 1 of the team’s hidden here');

    // The Annotations panel's person filter names them the same way.
    await page.locator('.project-menu').getByRole('button', { name: 'Annotations', exact: true }).click();
    const panel = page.getByTestId('panel-annotations');
    await panel.waitFor();
    const people = await panel.locator('select').filter({ has: page.locator('option', { hasText: 'Alex (2)' }) }).locator('option').allTextContents();
    expect(people.filter((name) => name.startsWith('Alex'))).toEqual(['Alex', 'Alex (2)']);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // Analysis → Agreement names the two coders apart too (each with how much they coded).
    await page.locator('.project-menu').getByRole('button', { name: 'Analysis', exact: true }).click();
    await page.getByRole('tab', { name: 'Agreement' }).click();
    const coders = page.getByTestId('agreement-coder-a').locator('option');
    await expect.poll(async () => (await coders.allTextContents()).filter((name) => name.startsWith('Alex'))).toEqual(['Alex (1)', 'Alex (2) (1)']);
  });
});
