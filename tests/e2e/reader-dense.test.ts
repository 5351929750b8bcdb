/**
 * End to end: a densely coded article (a teammate's seeded project merged through "Merge
 * project file…", several hundred overlapping highlights on the article) is painted
 * progressively — what is on screen first, the rest in idle slices — and in the end every
 * highlight of the article is painted, each over exactly its own text; a highlight the
 * person creates there with the mouse and a number key is painted over exactly the text
 * they selected, and no other highlight's painting changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { listAllHighlights } from '#shared/model/highlight-reads.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { useAppPage } from '../helpers/app-page.ts';
import { loadBundledArticles, openArticle } from './reader-support.ts';
import { completeFirstRun, dragSelectAcrossMarks, highlightTexts, mergeProjectFileBytes } from './annotate-support.ts';

const ARTICLE = 'russia-azerbaijan-disputes';
const OTHER = 'azerbaijan-back-to-normalcy';

/** Chromium, the served renderer and a fresh page per test; no page may log an error. */
const app = useAppPage();
let projectFile: Buffer;
/** The article's live highlights in the file: id → the text it covers. */
const expected = new Map<string, string>();

beforeAll(() => {
  const articles = loadBundledArticles();
  const { doc } = generateSampleProject(articles.map((article) => ({ id: article.meta.id, text: article.text, hash: article.hash })), { highlights: 2500, notes: 200, seed: 5 });
  projectFile = Buffer.from(encodeProjectFile(doc));
  for (const highlight of listAllHighlights(doc)) {
    if (highlight.deleted === null && highlight.documentId === ARTICLE) expected.set(highlight.id, highlight.quote.exact);
  }
  doc.destroy();
});

function squeeze(text: string | undefined): string | undefined {
  return text?.replace(/\s+/g, '');
}

/** Opens `id` from the route and records whether its reader ever said it was still painting. */
async function openWatchingPaint(id: string): Promise<void> {
  await app.page.evaluate((id) => {
    const seen = { painting: false };
    (window as unknown as { __paintSeen: typeof seen }).__paintSeen = seen;
    const observer = new MutationObserver(() => {
      const reader = document.querySelector(`.reader[data-document-id="${id}"] .reader-document`);
      if (reader?.getAttribute('data-highlights') === 'painting') seen.painting = true;
      if (reader?.getAttribute('data-highlights') === 'painted') observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-highlights'] });
    window.location.hash = `#/read/${id}`;
  }, id);
}

describe('a densely coded article', () => {
  it('paints what is on screen first and, in the end, every highlight over exactly its text', async () => {
    const { page } = app;
    expect(expected.size).toBeGreaterThan(300); // above the plugin's progressive threshold
    await openArticle(page, app.url, OTHER);
    await completeFirstRun(page, 'Leyla');
    await mergeProjectFileBytes(page, 'team.marginalia', projectFile);
    await openWatchingPaint(ARTICLE);
    await page.locator(`.reader[data-document-id="${ARTICLE}"] mark.hl`).first().waitFor();
    await page.locator(`.reader[data-document-id="${ARTICLE}"] .reader-document[data-highlights="painted"]`).waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { __paintSeen: { painting: boolean } }).__paintSeen.painting)).toBe(true);

    const painted = await highlightTexts(page);
    expect(Object.keys(painted).length).toBe(expected.size);
    // Marks hold no paragraph breaks: compared without white space.
    for (const [id, text] of expected) expect(squeeze(painted[id]), id).toBe(squeeze(text));
  });

  it('paints a new highlight over exactly the selected text, leaving every other highlight as it was', async () => {
    const { page } = app;
    await openArticle(page, app.url, OTHER);
    await completeFirstRun(page, 'Leyla');
    await mergeProjectFileBytes(page, 'team.marginalia', projectFile);
    await page.evaluate((id) => void (window.location.hash = `#/read/${id}`), ARTICLE);
    await page.locator(`.reader[data-document-id="${ARTICLE}"] .reader-document[data-highlights="painted"]`).waitFor({ timeout: 60_000 });
    const before = await highlightTexts(page);

    const phrase = 'past cooperation';
    await dragSelectAcrossMarks(page, phrase);
    await page.keyboard.press('1');
    await expect.poll(async () => Object.keys(await highlightTexts(page)).length).toBe(Object.keys(before).length + 1);
    const after = await highlightTexts(page);
    const created = Object.keys(after).filter((id) => !(id in before));
    expect(created).toHaveLength(1);
    expect(after[created[0] as string]).toBe(phrase);
    for (const [id, text] of Object.entries(before)) expect(after[id], id).toBe(text);
  });
});
