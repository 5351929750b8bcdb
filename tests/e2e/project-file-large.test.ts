/**
 * End to end: merging a large project file by hand. A person with a project of their own
 * chooses a seeded sample project (thousands of highlights) through "Merge project file…"
 * and the file chooser; a status card says the file is being checked, the confirmation says
 * what comes in, and after Merge a progress bar counts the merge up while the page stays
 * usable: the person opens the Codebook panel meanwhile and it opens while the merge is
 * still on screen. The notice then reports the merge, the panel's code counts take in the
 * merged highlights, and the library cards count every
 * merged highlight. A truncated copy of the same file is refused with its reason and the
 * project does not change.
 * Screenshot: tests/e2e/screenshots/project-file-large-progress.png.
 */
import { describe, expect, it } from 'vitest';
import { defaultDocumentsDir, readBundledDocuments } from '../../electron/services/documents-fs.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { saveScreenshot } from '../helpers/browser.ts';
import { useApp } from '../helpers/app-page.ts';
import { chooseFileToMerge, dismissNotice, mergeProjectFileBytes, openPanel } from './annotate-support.ts';
import { pageSnapshot, startTeammate, tagByHand } from './sync-support.ts';

// Large enough that the merge, applied in 8 ms slices, is still running when the panel is clicked open.
const HIGHLIGHTS = 10_000;
const articles = (await readBundledDocuments(defaultDocumentsDir())).flatMap((result) =>
  result.ok ? [{ id: result.article.meta.id, text: result.article.text, hash: result.article.hash }] : []);

/** Chromium and the served renderer; no page may log an error. */
const app = useApp();

describe('merging a large project file', () => {
  it('shows progress, stays usable while it merges, and brings in every highlight', async () => {
    const { doc } = generateSampleProject(articles, { highlights: HIGHLIGHTS, seed: 7 });
    const file = Buffer.from(encodeProjectFile(doc));
    const page = await app.newPage('Leyla');
    await startTeammate(page, app.url, 'Leyla');
    await tagByHand(page, 'mutual distrust', 'Energy');

    // Records, from the screen, whether the Codebook panel appeared while the merge's progress bar was up.
    await page.evaluate(() => {
      const seen = { panelDuringMerge: false, mergeProgressSeen: false };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        const merging = document.querySelector('[role="progressbar"][aria-label="Merging the file"]') !== null;
        if (merging) seen.mergeProgressSeen = true;
        if (merging && document.querySelector('.panel-drawer') !== null) seen.panelDuringMerge = true;
      }).observe(document.body, { childList: true, subtree: true, attributes: true });
    });

    await chooseFileToMerge(page, 'sample.marginalia', file);
    // A status card says the file is being read (or the question is already up).
    const checking = page.getByTestId('file-progress').filter({ hasText: 'Checking “sample.marginalia”…' });
    const question = page.locator('dialog[data-testid="file-question"][open]');
    await checking.or(question).first().waitFor();
    await question.waitFor({ timeout: 120_000 });
    const summary = await question.getByTestId('merge-summary').innerText();
    // Counts read with thousands separators ("10,000 highlights").
    const incoming = Number(/It brings ([\d,]+) highlights/.exec(summary)?.[1]?.replaceAll(',', ''));
    expect(incoming).toBeGreaterThan(HIGHLIGHTS * 0.9);
    await question.getByRole('button', { name: 'Merge', exact: true }).click();

    // The merge counts up on screen, and the page answers a click meanwhile.
    const progress = page.getByRole('progressbar', { name: 'Merging the file' });
    await progress.waitFor();
    await saveScreenshot(page, 'project-file-large-progress');
    await openPanel(page, 'Codebook');
    await page.getByTestId('notice').filter({ hasText: 'Merged “sample.marginalia” into this project' }).waitFor({ timeout: 120_000 });
    const seen = await page.evaluate(() => (window as unknown as { __seen: { panelDuringMerge: boolean; mergeProgressSeen: boolean } }).__seen);
    expect(seen).toEqual({ panelDuringMerge: true, mergeProgressSeen: true });
    await expect(page.getByTestId('notice').innerText()).resolves.toContain(`${incoming.toLocaleString('en-GB')} highlights`);
    await expect(progress.count()).resolves.toBe(0);
    // The open Codebook panel counts the merged highlights once they are in (read after painting).
    await page.locator('.codebook__tree[data-counts="current"]').waitFor();
    const counts = (await page.getByTestId('tag-count').allTextContents()).map(Number);
    expect(counts.every((count) => Number.isInteger(count))).toBe(true);
    expect(Math.max(...counts)).toBeGreaterThan(HIGHLIGHTS / 20);
    await dismissNotice(page);

    // Every merged highlight is counted on the library cards, the person’s own one counted apart.
    await page.getByRole('link', { name: 'Marginalia' }).first().click();
    const cards = page.getByTestId('article-counts');
    await cards.first().waitFor();
    const texts = await cards.allInnerTexts();
    const team = texts.map((text) => Number(/Highlights\s+(\d+) yours\s*·\s*(\d+) team/.exec(text.replace(/\s+/g, ' '))?.[2] ?? 0));
    expect(team.reduce((sum, count) => sum + count, 0)).toBe(incoming);

    // A truncated copy of the same file is refused with its reason; nothing changes.
    const before = await pageSnapshot(page);
    await mergeProjectFileBytes(page, 'cut.marginalia', file.subarray(0, file.length - 100));
    const refusal = page.getByTestId('notice').filter({ hasText: 'cut.marginalia' });
    await expect(refusal.getAttribute('role')).resolves.toBe('alert');
    await expect(refusal.innerText()).resolves.toMatch(/“cut\.marginalia” was not merged: .*truncated.*Your project is unchanged/);
    expect(await pageSnapshot(page)).toBe(before);
  });
});
