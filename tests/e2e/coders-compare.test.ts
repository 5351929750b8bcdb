/**
 * End to end: independent ("blind") coding by two teammates on a real sync server. Both
 * choose "Only mine" in the status bar and code the same article by hand (mouse drags,
 * typed keys); each sees only their own highlights on screen while the other's arrive in
 * the project (read through the test hook, which only reads). Lifting the filter shows
 * everyone's again. Then Ana opens Compare: the article shows Ana-only, Bo-only and
 * both segments on screen with the right text; she steps to a disagreement (button and key),
 * resolves it with one click, and Bo sees the result arrive; Escape restores the normal view.
 * Screenshots: tests/e2e/screenshots/coders-*.png.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { startInProcessServer, type InProcessSyncServer } from '../helpers/sync-server.ts';
import { highlightTexts } from './annotate-support.ts';
import { textRect } from './reader-support.ts';
import { joinWithInvite, pageSnapshot, startTeammate, tagByHand, waitForPhase } from './sync-support.ts';

/** Ana's spans and Bo's: overlapping in the middle, one of each alone. */
const ANA_ALONE = 'geopolitical dynamics';
const ANA_OVERLAP = 'played a pivotal role';
const BO_OVERLAP = 'pivotal role in post-war';
const BO_ALONE = 'military cooperation';
const CODE = 'Security';

/** axe-core's source, evaluated in the page. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const app = useApp({ expectedErrors: /WebSocket connection to 'ws:\/\/127\.0\.0\.1/ });
let sync: InProcessSyncServer;
let ana: Page;
let bo: Page;

beforeAll(async () => {
  sync = await startInProcessServer();
});
afterAll(async () => {
  await sync?.dispose();
});

type SnapshotHighlight = { id: string; quote: { exact: string }; deleted: unknown; tags: Array<{ tag: { name: string }; by?: string }> };

/** Quotes of the live highlights in the page's project that carry `code`. */
async function codedQuotes(page: Page, code = CODE): Promise<string[]> {
  const snapshot = JSON.parse(await pageSnapshot(page)) as { highlights: SnapshotHighlight[] };
  return snapshot.highlights
    .filter((highlight) => highlight.deleted === null && highlight.tags.some((applied) => applied.tag.name === code))
    .map((highlight) => highlight.quote.exact)
    .sort();
}

/** The texts of the highlights painted on screen, sorted. */
async function paintedTexts(page: Page): Promise<string[]> {
  return Object.values(await highlightTexts(page)).sort();
}

/** Opens the status bar's view menu with a click and chooses `label` with a click. */
async function showByClick(page: Page, label: string): Promise<void> {
  await page.getByTestId('view-filter').click();
  await page.getByRole('menuitemradio', { name: label }).click();
  await page.getByRole('menu', { name: 'Show highlights of' }).waitFor({ state: 'detached' });
}

/** The text painted for each kind of comparison segment on screen, in text order (a segment's pieces joined). */
async function comparedOnScreen(page: Page): Promise<{ a: string[]; b: string[]; both: string[] }> {
  return page.evaluate(() => {
    const segments = new Map<number, { kind: 'a' | 'b' | 'both'; text: string }>();
    for (const element of document.querySelectorAll('.reader-document [data-compare-kind]')) {
      const index = Number(element.getAttribute('data-segment'));
      const entry = segments.get(index) ?? { kind: element.getAttribute('data-compare-kind') as 'a' | 'b' | 'both', text: '' };
      entry.text += element.textContent ?? '';
      segments.set(index, entry);
    }
    const out: Record<'a' | 'b' | 'both', string[]> = { a: [], b: [], both: [] };
    for (const [, entry] of [...segments].sort((x, y) => x[0] - y[0])) out[entry.kind].push(entry.text);
    return out;
  });
}

/**
 * axe-core's serious and critical violations in the parts of the page these views own (the
 * status bar with its menu, the side panel, the reader), as they are now; axe is evaluated
 * in the page (the CSP refuses an injected script).
 */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run(context: object, options: object): Promise<{ violations: Result[] }> } }).axe;
    const include = ['.status-bar', '.view-filter__menu', '.panel-drawer', '.main-pane'].filter((selector) => document.querySelector(selector) !== null);
    const { violations } = await axe.run({ include: include.map((selector) => [selector]) }, { resultTypes: ['violations'] });
    return violations.filter((entry) => entry.impact === 'serious' || entry.impact === 'critical').map((entry) => `${entry.id}: ${JSON.stringify(entry.nodes[0]?.target)}`);
  });
}

/** Whether the current disagreement lies wholly inside the reader's visible area. */
async function currentInView(page: Page): Promise<boolean> {
  const box = await page.locator('.compare--current').first().boundingBox();
  const reader = await page.getByTestId('reader-scroll').boundingBox();
  return box !== null && reader !== null && box.y >= reader.y && box.y + box.height <= reader.y + reader.height;
}

/** Opens the Analysis panel's Compare tab with clicks and chooses `code` in it. */
async function openCompare(page: Page, code: string): Promise<void> {
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByTestId('compare-code').selectOption({ label: code });
  await page.getByTestId('compare-legend').waitFor();
}

describe('independent coding', () => {
  it('each teammate sees only their own highlights while both sets sync; Compare shows and resolves their differences', async () => {
    const invite = sync.createProject('blind coding');
    ana = await app.newPage('Ana');
    bo = await app.newPage('Bo');
    await startTeammate(ana, app.url, 'Ana Aliyeva');
    await startTeammate(bo, app.url, 'Bo Petrosyan');
    await joinWithInvite(ana, invite.link);
    await joinWithInvite(bo, invite.link);
    await waitForPhase(ana, 'synced');
    await waitForPhase(bo, 'synced');

    // The control says what is shown; Ana chooses with the mouse, Bo with the keyboard.
    await expect(ana.getByTestId('view-filter').textContent()).resolves.toMatch(/^Showing: everyone/);
    await showByClick(ana, 'Only mine');
    await bo.getByTestId('view-filter').click();
    await bo.getByRole('menuitemradio', { name: 'Everyone' }).waitFor();
    await bo.keyboard.press('ArrowDown');
    await bo.keyboard.press('Enter');
    await expect.poll(() => bo.getByTestId('view-filter').textContent()).toMatch(/^Showing: only mine/);
    await expect(bo.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('view-filter');

    // Ana codes first (the code is created then), Bo applies the same code by name.
    await tagByHand(ana, ANA_OVERLAP, CODE);
    await tagByHand(ana, ANA_ALONE, CODE);
    await expect.poll(() => codedQuotes(bo), { timeout: 10_000 }).toEqual([ANA_ALONE, ANA_OVERLAP].sort());
    await tagByHand(bo, BO_OVERLAP, CODE);
    await tagByHand(bo, BO_ALONE, CODE);

    // Everything is in both projects …
    const all = [ANA_ALONE, ANA_OVERLAP, BO_OVERLAP, BO_ALONE].sort();
    await expect.poll(() => codedQuotes(ana), { timeout: 10_000 }).toEqual(all);
    await expect.poll(() => codedQuotes(bo), { timeout: 10_000 }).toEqual(all);
    // … but each screen paints only its person's highlights, and says the rest are hidden.
    expect(await paintedTexts(ana)).toEqual([ANA_ALONE, ANA_OVERLAP].sort());
    expect(await paintedTexts(bo)).toEqual([BO_OVERLAP, BO_ALONE].sort());
    await expect.poll(() => ana.getByTestId('view-filter-marker').textContent()).toBe('Showing only your highlights — 2 of the team’s hidden here');
    await expect.poll(() => bo.getByTestId('view-filter-marker').textContent()).toBe('Showing only your highlights — 2 of the team’s hidden here');
    await saveScreenshot(ana, 'coders-only-mine-ana');
    // The Annotations panel lists Ana's two and says the view filter hides the other two.
    await ana.getByRole('button', { name: 'Annotations', exact: true }).click();
    await expect.poll(() => ana.getByTestId('annotation-count').textContent()).toBe('2 highlights');
    await expect(ana.getByTestId('annotations-hidden').textContent()).resolves.toBe('2 more hidden by “Showing: only mine” (status bar)');
    await ana.keyboard.press('Escape');
    await ana.getByTestId('panel-annotations').waitFor({ state: 'detached' });
    // The menu open, looked at and scanned by axe.
    await ana.getByTestId('view-filter').click();
    await ana.getByRole('menu', { name: 'Show highlights of' }).waitFor();
    await expect(ana.getByRole('menuitemradio', { checked: true }).textContent()).resolves.toBe('Only mine');
    await saveScreenshot(ana, 'coders-view-filter-menu');
    expect(await seriousViolations(ana)).toEqual([]);
    await ana.keyboard.press('Escape');
    await ana.getByRole('menu', { name: 'Show highlights of' }).waitFor({ state: 'detached' });
    await expect(ana.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('view-filter');
    await saveScreenshot(bo, 'coders-only-mine-bo');

    // Bo's view of Ana's highlights only; then everyone's again, nothing lost.
    await showByClick(bo, 'Ana Aliyeva');
    await expect.poll(() => paintedTexts(bo)).toEqual([ANA_ALONE, ANA_OVERLAP].sort());
    await expect(bo.getByTestId('view-filter-marker').textContent()).resolves.toBe('Showing only Ana Aliyeva’s highlights — 2 of the team’s hidden here');
    await showByClick(bo, 'Everyone');
    await expect.poll(async () => (await paintedTexts(bo)).length).toBe(4);
    await expect(bo.getByTestId('view-filter-marker').count()).resolves.toBe(0);

    // Remembered per project on this machine: a reload keeps Ana's "Only mine".
    await ana.reload();
    await ana.locator('.reader-document').waitFor();
    await expect.poll(() => ana.getByTestId('view-filter').textContent()).toMatch(/^Showing: only mine/);
    await expect.poll(() => paintedTexts(ana), { timeout: 10_000 }).toEqual([ANA_ALONE, ANA_OVERLAP].sort());

    // Ana compares herself with Bo on the code.
    await openCompare(ana, CODE);
    await expect(ana.getByTestId('compare-a').locator('option:checked').textContent()).resolves.toBe('Ana Aliyeva');
    await expect(ana.getByTestId('compare-b').locator('option:checked').textContent()).resolves.toBe('Bo Petrosyan');
    await expect.poll(() => comparedOnScreen(ana)).toEqual({
      a: [ANA_ALONE, 'played a '],
      b: [' in post-war', BO_ALONE],
      both: ['pivotal role'],
    });
    await expect(ana.getByTestId('compare-count').textContent()).resolves.toBe('4 disagreements in this article (N / P step).');
    await saveScreenshot(ana, 'coders-compare-1440');
    expect(await seriousViolations(ana)).toEqual([]);

    // Step: a click on Next, then the N key; each is announced and scrolled to.
    await ana.getByTestId('compare-next').click();
    await expect.poll(() => ana.getByTestId('compare-announce').textContent()).toBe(`Ana Aliyeva only: “${ANA_ALONE}” (1 of 4)`);
    await ana.keyboard.press('n');
    await expect.poll(() => ana.getByTestId('compare-announce').textContent()).toBe('Ana Aliyeva only: “played a ” (2 of 4)');
    await ana.keyboard.press('n');
    await expect.poll(() => ana.getByTestId('compare-announce').textContent()).toBe('Bo Petrosyan only: “ in post-war” (3 of 4)');
    await expect(ana.locator('.compare--current').first().textContent()).resolves.toBe(' in post-war');
    await expect.poll(() => currentInView(ana)).toBe(true);

    // One click resolves it: Ana applies the code there too (in a smaller window).
    await ana.setViewportSize({ width: 1280, height: 800 });
    await ana.getByRole('button', { name: `Apply ${CODE} here` }).click();
    await expect.poll(() => comparedOnScreen(ana)).toEqual({
      a: [ANA_ALONE, 'played a '],
      b: [BO_ALONE],
      both: ['pivotal role in post-war'],
    });
    await expect.poll(() => ana.getByTestId('compare-announce').textContent()).toBe(`Bo Petrosyan only: “${BO_ALONE}” (3 of 3)`);
    // The disagreement that took its place is brought into view.
    await expect.poll(() => currentInView(ana)).toBe(true);
    await saveScreenshot(ana, 'coders-compare-1280');
    // The resolution is an ordinary edit of Ana's: Ctrl+Z takes it back, Shift+Ctrl+Z redoes it.
    await ana.keyboard.press('Control+z');
    await expect.poll(() => comparedOnScreen(ana)).toEqual({ a: [ANA_ALONE, 'played a '], b: [' in post-war', BO_ALONE], both: ['pivotal role'] });
    await ana.keyboard.press('Shift+Control+z');
    await expect.poll(() => comparedOnScreen(ana)).toEqual({ a: [ANA_ALONE, 'played a '], b: [BO_ALONE], both: ['pivotal role in post-war'] });

    // Bo sees it arrive: in his project, and in his own Compare.
    await expect.poll(() => codedQuotes(bo), { timeout: 10_000 }).toContain(' in post-war');
    // Bo shows everyone's highlights again (above): Ana's new one is painted in his reader.
    await expect.poll(() => paintedTexts(bo)).toEqual([ANA_ALONE, ANA_OVERLAP, BO_OVERLAP, BO_ALONE, ' in post-war'].sort());
    await openCompare(bo, CODE);
    await expect.poll(() => comparedOnScreen(bo), { timeout: 10_000 }).toEqual({
      a: [BO_ALONE],
      b: [ANA_ALONE, 'played a '],
      both: ['pivotal role in post-war'],
    });
    await saveScreenshot(bo, 'coders-compare-bo');
    // Bo reads on: a click in the text, N steps from there, Escape there leaves the comparison.
    const plain = await textRect(bo, 'autonomous');
    await bo.mouse.click((plain.startX + plain.endX) / 2, plain.y);
    await bo.keyboard.press('n');
    await expect.poll(() => bo.getByTestId('compare-announce').textContent()).toBe(`Ana Aliyeva only: “${ANA_ALONE}” (1 of 3)`);
    await bo.keyboard.press('Escape');
    await bo.getByTestId('compare-view').waitFor({ state: 'detached' });
    await expect(bo.locator('[data-compare-kind]').count()).resolves.toBe(0);

    // Escape leaves the comparison: nothing of it stays painted, Ana's own highlights are back.
    await ana.keyboard.press('Escape');
    await ana.getByTestId('compare-view').waitFor({ state: 'detached' });
    await expect(ana.locator('[data-compare-kind]').count()).resolves.toBe(0);
    await expect(ana.locator('.reader-document.comparing, .comparing').count()).resolves.toBe(0);
    await expect.poll(() => paintedTexts(ana)).toEqual([ANA_ALONE, ANA_OVERLAP, ' in post-war'].sort());
  });
});
