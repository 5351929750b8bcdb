/**
 * End to end: a project file holding records no reader can use — a highlight whose anchor
 * was overwritten and a member record set to null, as a hostile or broken client could
 * write them — merges into a fresh browser context like any other. The library, the reader
 * and the Annotations panel keep working with the rest, and the panel and the Export dialog
 * say in one quiet line what they had to leave out. No page may log an error.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HIGHLIGHT, roots } from '#shared/model/layout.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { generateSampleProject } from '#shared/sample/sample-project.ts';
import { useApp } from '../helpers/app-page.ts';
import { bundledArticles } from '../helpers/bundled-documents.ts';
import { annotationCount, completeFirstRun, dismissNotice, mergeProjectFileBytes, openPanel } from './annotate-support.ts';

const app = useApp();

/** A small sample project with one highlight's anchor and one member record broken. */
function damagedProjectFile(): { bytes: Buffer; readable: number } {
  const articles = bundledArticles().map((article) => ({ id: article.meta.id, text: article.text, hash: article.hash }));
  const { doc } = generateSampleProject(articles, { highlights: 6, tags: 3, notes: 2, people: 2, seed: 5 });
  const [broken] = [...roots(doc).highlights.values()];
  const [member] = [...roots(doc).members.keys()];
  doc.transact(() => {
    broken?.set(HIGHLIGHT.anchor, { d: 7, p: 'everywhere' });
    roots(doc).members.set(member as never, null as never);
  });
  const bytes = Buffer.from(encodeProjectFile(doc));
  const live = [...roots(doc).highlights.values()].length - 1;
  doc.destroy();
  return { bytes, readable: live };
}

describe('a damaged project file', () => {
  it('merges, lists every readable highlight and says what it skipped', async () => {
    const { bytes, readable } = damagedProjectFile();
    const page = await app.newPage('Samira');
    await page.goto(`${app.url}#/`);
    await completeFirstRun(page, 'Samira');
    await mergeProjectFileBytes(page, 'damaged.marginalia', bytes);
    await dismissNotice(page);
    await openPanel(page, 'Annotations');
    await page.getByTestId('annotations-skipped').waitFor();
    expect(await annotationCount(page)).toBe(readable);
    expect(await page.getByTestId('annotations-skipped').textContent()).toBe('1 record skipped (highlight: no readable anchor)');
    await page.getByTestId('annotation-item').first().click();
    await page.locator('mark.hl').first().waitFor();
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByTestId('export-skipped').waitFor();
    expect(await page.getByTestId('export-count').textContent()).toBe(`${readable} excerpts match.`);
    expect(await page.getByTestId('export-skipped').textContent()).toBe(
      '2 records skipped (member: not a member record; highlight: no readable anchor)',
    );
  });
});
