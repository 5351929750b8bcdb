/**
 * renderExport, the one rendering step of every export: each format gives exactly what its
 * formatter gives (so the goldens hold for the command line and the dialog alike), CSV in
 * slices equals one call, steps report growing fractions ending at 1 and a throwing step
 * stops the rendering, and formats that cannot hold the project fail with a typed error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Article } from '#shared/documents/article.ts';
import { excerptsToCsv } from '#shared/export/csv.ts';
import type { Excerpt, ExportContext } from '#shared/export/excerpt.ts';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import { ExportError } from '#shared/export/export-error.ts';
import { excerptsToMarkdown } from '#shared/export/markdown.ts';
import { codebookToQdc, excerptsToQdpx } from '#shared/export/refi-qda.ts';
import { CSV_SLICE, renderExport } from '#shared/export/render.ts';
import { excerptsToWebAnnotationJson } from '#shared/export/web-annotation.ts';
import { buildReferenceProject } from '../../../bench/export.bench.ts';
import { buildSeededProject, type SeededProject } from '../../helpers/seeded-project.ts';

let seeded: SeededProject;
let excerpts: Excerpt[];
let context: ExportContext;
let dense: { excerpts: Excerpt[]; context: ExportContext; articles: readonly Article[] };

beforeAll(async () => {
  seeded = await buildSeededProject();
  excerpts = queryExcerpts(seeded.doc, seeded.articles, {}, 'tag');
  context = buildExportContext(seeded.doc, seeded.articles, seeded.exportedAt);
  const articles = seeded.articles.slice(0, 5);
  const doc = buildReferenceProject(articles, 300);
  dense = { excerpts: queryExcerpts(doc, articles), context: buildExportContext(doc, articles, seeded.exportedAt), articles };
});

describe('renderExport', () => {
  it('writes what each formatter writes, with the format options passed on', async () => {
    expect((await renderExport('csv', excerpts, { context })).data).toBe(excerptsToCsv(excerpts, { rows: 'excerpt' }));
    expect((await renderExport('csv', excerpts, { context, rows: 'tag', bom: true })).data).toBe(excerptsToCsv(excerpts, { rows: 'tag', bom: true }));
    expect((await renderExport('md', excerpts, { context })).data).toBe(excerptsToMarkdown(excerpts, context, { group: 'tag' }));
    expect((await renderExport('md', excerpts, { context, group: 'document' })).data).toBe(excerptsToMarkdown(excerpts, context, { group: 'document' }));
    expect((await renderExport('jsonld', excerpts, { context })).data).toBe(excerptsToWebAnnotationJson(excerpts, context));
    expect((await renderExport('qdpx', excerpts, { context })).data).toEqual(excerptsToQdpx(excerpts, context).data);
    expect((await renderExport('qdc', [], { context })).data).toBe(codebookToQdc(context).data);
  });

  it('counts excerpts written, or codes for the codebook (which ignores the excerpts)', async () => {
    expect((await renderExport('md', excerpts, { context })).count).toBe(excerpts.length);
    const codebook = await renderExport('qdc', excerpts.slice(0, 2), { context });
    expect(codebook.count).toBe(context.codebook.length);
    expect(codebook.data).toBe(codebookToQdc(context).data);
  });

  it('writes CSV in slices identical to one call, awaiting each step with growing fractions that end at 1', async () => {
    expect(dense.excerpts.length).toBeGreaterThan(CSV_SLICE);
    const fractions: number[] = [];
    const rendered = await renderExport('csv', dense.excerpts, { context: dense.context, rows: 'tag', onStep: async (fraction) => void fractions.push(fraction) });
    expect(rendered.data).toBe(excerptsToCsv(dense.excerpts, { rows: 'tag' }));
    expect(fractions.length).toBeGreaterThanOrEqual(Math.ceil(dense.excerpts.length / CSV_SLICE));
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions.at(-1)).toBe(1);
  });

  it('stops at the step that throws and rejects with what it threw', async () => {
    const stop = new Error('stop here');
    let steps = 0;
    const rendering = renderExport('csv', dense.excerpts, {
      context: dense.context,
      onStep: () => {
        steps++;
        throw stop;
      },
    });
    await expect(rendering).rejects.toBe(stop);
    expect(steps).toBe(1);
  });

  it('fails with a typed error when the format cannot hold the project', async () => {
    const empty = buildExportContext(new Y.Doc(), [], seeded.exportedAt);
    await expect(renderExport('qdc', [], { context: empty })).rejects.toMatchObject({ problem: { code: 'empty-codebook' } });
    const withoutHardText = buildExportContext(seeded.doc, dense.articles, seeded.exportedAt);
    const rejection = renderExport('qdpx', excerpts, { context: withoutHardText });
    await expect(rejection).rejects.toBeInstanceOf(ExportError);
    await expect(rejection).rejects.toMatchObject({ code: 'missing-document-text', problem: { documentId: 'hard-text-sample' } });
  });
});
