/**
 * Golden exports of the seeded project in every format (tests/baselines/export/). They are
 * compared byte for byte; regenerate them only deliberately with UPDATE_GOLDENS=1 and read
 * the diff. The .qdpx golden is stored unzipped (project.qde + sources) so it stays readable.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { excerptsToCsv } from '#shared/export/csv.ts';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import { excerptsToMarkdown } from '#shared/export/markdown.ts';
import { codebookToQdc, excerptsToQdpx } from '#shared/export/refi-qda.ts';
import { excerptsToWebAnnotationJson } from '#shared/export/web-annotation.ts';
import { buildSeededProject } from '../../helpers/seeded-project.ts';

const GOLDEN_DIR = resolve(import.meta.dirname, '../../baselines/export');
const update = process.env.UPDATE_GOLDENS === '1';

function golden(name: string, actual: string): void {
  const path = join(GOLDEN_DIR, name);
  if (update) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  if (!existsSync(path)) throw new Error(`missing golden ${name}: run with UPDATE_GOLDENS=1 once and review it`);
  expect(actual, `${name} differs from its golden (UPDATE_GOLDENS=1 regenerates it)`).toBe(readFileSync(path, 'utf8'));
}

describe('golden exports of the seeded project', async () => {
  const project = await buildSeededProject();
  const context = buildExportContext(project.doc, project.articles, project.exportedAt);
  const byDocument = queryExcerpts(project.doc, project.articles, {}, 'document');

  it('CSV, one row per excerpt and one row per tag', () => {
    golden('excerpts.csv', excerptsToCsv(byDocument, { rows: 'excerpt' }));
    golden('excerpts-by-tag.csv', excerptsToCsv(queryExcerpts(project.doc, project.articles, {}, 'tag'), { rows: 'tag' }));
  });
  it('Markdown grouped by tag and by document', () => {
    golden('excerpts-by-tag.md', excerptsToMarkdown(byDocument, context, { group: 'tag' }));
    golden('excerpts-by-document.md', excerptsToMarkdown(byDocument, context, { group: 'document' }));
  });
  it('Web Annotation JSON-LD', () => {
    golden('excerpts.jsonld', excerptsToWebAnnotationJson(byDocument, context));
  });
  it('REFI-QDA project (unzipped) and codebook', () => {
    const files = unzipSync(excerptsToQdpx(byDocument, context).data);
    expect(Object.keys(files)).toHaveLength(1 + context.documents.length);
    golden('qdpx/project.qde', strFromU8(files['project.qde'] as Uint8Array));
    for (const [path, bytes] of Object.entries(files)) if (path.startsWith('sources/')) golden(`qdpx/${path}`, strFromU8(bytes));
    golden('codebook.qdc', codebookToQdc(context).data);
  });
});
