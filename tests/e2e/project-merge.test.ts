/**
 * End to end: merging project files from projects that started apart, by hand. Ana and
 * Babak each start Marginalia fresh (two browser contexts), code different passages and
 * each create a code of the same name ("Energy" / "energy"). Ana saves her project; Babak
 * merges it: the confirmation says what comes in (counts, from whom) and lists the
 * same-name code with joining on; Cancel (or Escape) changes nothing; Merge brings it in. Babak saves;
 * Ana merges his file. Both end with the same canonical snapshot (read through the page
 * test hook), no duplicate highlight or code, and merging again says nothing new comes in.
 * The library cards count each article's highlights and notes, yours and the team's.
 * Damaged, truncated, foreign and newer-version files are refused with the reason and the
 * open project's snapshot does not change.
 * Screenshots: tests/e2e/screenshots/project-merge-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { chooseFileToMerge, closePanel, dismissNotice, mergeProjectFileBytes, openPanel, saveProjectFile } from './annotate-support.ts';
import { docUpdateCount } from './page-events.ts';
import { pageSnapshot, startTeammate, tagByHand, writeNote } from './sync-support.ts';

const ANA_PHRASE = 'geopolitical dynamics';
const BABAK_PHRASE = 'mutual distrust';

/** Chromium and the served renderer; no page may log an error. */
const app = useApp();

/** The merge confirmation on screen. */
function confirmation(page: Page) {
  return page.locator('dialog[data-testid="file-question"][open]');
}

/** The live codebook rows' names, as the Codebook panel shows them. */
async function codebookNames(page: Page): Promise<string[]> {
  await openPanel(page, 'Codebook');
  const names = await page.locator('.codebook__row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-tag-name') ?? ''));
  await closePanel(page);
  return names;
}

/** What the library card of the open article says about its highlights and notes. */
async function cardCounts(page: Page, documentId: string): Promise<string> {
  await page.getByRole('link', { name: 'Marginalia' }).first().click();
  const card = page.locator(`.library-card[data-document-id="${documentId}"]`);
  await card.getByTestId('article-counts').waitFor();
  return ((await card.getByTestId('article-counts').innerText()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Babak has merged Ana's project (both started apart); returns both pages and Ana's file. */
async function startedApart(): Promise<{ ana: Page; babak: Page; anaFile: Buffer }> {
  const ana = await app.newPage('Ana');
  const babak = await app.newPage('Babak');
  await startTeammate(ana, app.url, 'Ana');
  await startTeammate(babak, app.url, 'Babak');
  await tagByHand(ana, ANA_PHRASE, 'Energy');
  await writeNote(ana, ANA_PHRASE, 'Framing of the whole piece.');
  await tagByHand(babak, BABAK_PHRASE, 'energy');
  return { ana, babak, anaFile: await saveProjectFile(ana) };
}

describe('merging project files from projects that started apart', () => {
  it('asks first, joins same-name codes, converges both ways and says when nothing new comes in', async () => {
    const { ana, babak, anaFile } = await startedApart();

    // Babak chooses Ana's file: the confirmation says what comes in, nothing has changed yet.
    const before = await pageSnapshot(babak);
    const updatesBefore = await docUpdateCount(babak);
    await chooseFileToMerge(babak, 'ana.marginalia', anaFile);
    const dialog = confirmation(babak);
    await dialog.waitFor();
    await expect(dialog.getByTestId('merge-summary').innerText()).resolves.toContain('1 highlight, 1 code and 1 note from Ana');
    await expect(dialog.getByTestId('same-name-codes').innerText()).resolves.toBe('“Energy” in the file and “energy” here');
    await expect(dialog.getByRole('checkbox', { name: 'Join codes with the same name into one code' }).isChecked()).resolves.toBe(true);
    await saveScreenshot(babak, 'project-merge-confirmation');
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await docUpdateCount(babak)).toBe(updatesBefore);
    expect(await pageSnapshot(babak)).toBe(before);

    // Escape cancels too, and gives focus back to the button that asked for the file.
    await chooseFileToMerge(babak, 'ana.marginalia', anaFile);
    await confirmation(babak).waitFor();
    await babak.keyboard.press('Escape');
    await confirmation(babak).waitFor({ state: 'detached' });
    await babak.waitForFunction(() => document.activeElement?.textContent === 'Merge project file…');
    expect(await pageSnapshot(babak)).toBe(before);

    // Merge for real, through the same dialog.
    await chooseFileToMerge(babak, 'ana.marginalia', anaFile);
    await confirmation(babak).getByRole('button', { name: 'Merge', exact: true }).click();
    await babak.getByTestId('notice').filter({ hasText: 'Merged “ana.marginalia” into this project: 1 highlight, 1 code and 1 note.' }).waitFor();
    await dismissNotice(babak);
    await babak.locator('mark.hl').filter({ hasText: ANA_PHRASE }).first().waitFor();
    expect(await codebookNames(babak)).toHaveLength(1);

    // The library card counts Babak's own highlight and Ana's, and Ana's note.
    expect(await cardCounts(babak, 'russia-azerbaijan-disputes')).toBe('Highlights 1 yours · 1 team’s Notes 0 yours · 1 team’s');
    await saveScreenshot(babak, 'project-merge-library-cards');

    // Babak saves; Ana merges his file: it brings his highlight, and his code joins hers.
    const babakFile = await saveProjectFile(babak);
    await chooseFileToMerge(ana, 'babak.marginalia', babakFile);
    // His code is new to her only if the join kept his id (the smaller of the two ids wins).
    await expect(confirmation(ana).getByTestId('merge-summary').innerText()).resolves.toMatch(/1 highlight, (0 codes|1 code) and 0 notes from Babak/);
    await confirmation(ana).getByRole('button', { name: 'Merge', exact: true }).click();
    await ana.getByTestId('notice').filter({ hasText: 'Merged “babak.marginalia”' }).waitFor();
    await dismissNotice(ana);

    // Both hold the same: two highlights, one code, nothing duplicated.
    const anaSnapshot = await pageSnapshot(ana);
    expect(anaSnapshot).toBe(await pageSnapshot(babak));
    const parsed = JSON.parse(anaSnapshot) as { highlights: { quote: { exact: string } }[] };
    expect(parsed.highlights.map((highlight) => highlight.quote.exact).sort()).toEqual([ANA_PHRASE, BABAK_PHRASE].sort());
    expect(await codebookNames(ana)).toHaveLength(1);
    expect(await ana.locator('mark.hl').count()).toBe(2);

    // Merging either file again says nothing new comes in, and changes nothing.
    const settled = await docUpdateCount(ana);
    await chooseFileToMerge(ana, 'babak.marginalia', babakFile);
    await ana.getByTestId('notice').filter({ hasText: 'Nothing new in “babak.marginalia”' }).waitFor();
    expect(await confirmation(ana).count()).toBe(0);
    expect(await docUpdateCount(ana)).toBe(settled);
    expect(await pageSnapshot(ana)).toBe(anaSnapshot);
  });

  it.each([
    ['a damaged file', 'damaged.marginalia', (file: Buffer) => flipByte(file, Math.floor(file.length / 2)), 'the project file is damaged'],
    ['a truncated file', 'truncated.marginalia', (file: Buffer) => file.subarray(0, file.length - 40), 'truncated'],
    ['a foreign file', 'export.json', () => Buffer.from('{"@context":"http://www.w3.org/ns/anno.jsonld"}\n'), 'not a Marginalia project file: it is JSON, such as a Web Annotation export, which is imported instead'],
    ['a file from a newer Marginalia', 'newer.marginalia', (file: Buffer) => withVersion(file, 9), 'unsupported project file version 9'],
  ])('refuses %s with the reason; the open project does not change', async (_label, name, damage, reason) => {
    const babak = await app.newPage('Babak');
    await startTeammate(babak, app.url, 'Babak');
    await tagByHand(babak, BABAK_PHRASE, 'energy');
    const anaFile = await saveProjectFile(babak);
    await dismissNotice(babak);
    const before = await pageSnapshot(babak);
    await mergeProjectFileBytes(babak, name, damage(anaFile));
    const notice = babak.getByTestId('notice').filter({ hasText: name });
    await expect(notice.getAttribute('role')).resolves.toBe('alert');
    const text = await notice.innerText();
    expect(text).toContain(`“${name}” was not merged`);
    expect(text).toContain(reason);
    expect(text).toContain('Your project is unchanged');
    expect(await confirmation(babak).count()).toBe(0);
    expect(await pageSnapshot(babak)).toBe(before);
  });
});

function flipByte(file: Buffer, at: number): Buffer {
  const copy = Buffer.from(file);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

function withVersion(file: Buffer, version: number): Buffer {
  const copy = Buffer.from(file);
  copy[4] = version;
  return copy;
}
