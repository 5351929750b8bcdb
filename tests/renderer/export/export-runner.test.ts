/**
 * The chunked export runner must give exactly what the one-call export gives — same
 * excerpts in the same order for every sort, same bytes for every format — while yielding
 * between steps, reporting progress that only grows, stopping when cancelled, and passing
 * the pipeline's typed errors on.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import * as Y from 'yjs';
import { excerptsToCsv } from '#shared/export/csv.ts';
import { buildExportContext, queryExcerpts, type ExcerptFilter, type ExcerptSort } from '#shared/export/excerpts.ts';
import { excerptsToMarkdown } from '#shared/export/markdown.ts';
import { roots } from '#shared/model/layout.ts';
import { codebookToQdc } from '#shared/export/refi-qda.ts';
import { ExportError } from '#shared/export/export-error.ts';
import type { ExportFormatId } from '#shared/export/formats.ts';
import type { ExportFormatOptions } from '#shared/export/render.ts';
import { excerptsToWebAnnotationJson } from '#shared/export/web-annotation.ts';
import type { Article } from '#shared/documents/article.ts';
import { buildReferenceProject } from '../../../bench/export.bench.ts';
import { buildSeededProject, type SeededProject } from '../../helpers/seeded-project.ts';
import { ExportCancelledError, queryExcerptsInChunks, runExport, type ExportJob, type ExportProgress } from '../../../renderer/export/export-runner.ts';

const immediate = () => Promise.resolve();
const SORTS: readonly ExcerptSort[] = ['document', 'tag', 'date'];

let seeded: SeededProject;
let reference: { doc: Y.Doc; articles: readonly Article[] };

beforeAll(async () => {
  seeded = await buildSeededProject();
  const articles = seeded.articles.slice(0, 5);
  reference = { doc: buildReferenceProject(articles, 300), articles };
});

const ids = (list: readonly { id: string }[]) => list.map((excerpt) => excerpt.id);

describe('queryExcerptsInChunks', () => {
  it('equals queryExcerpts for every sort on the seeded project, including an unanchored highlight', async () => {
    for (const sort of SORTS) {
      const chunked = await queryExcerptsInChunks(seeded.doc, seeded.articles, {}, sort, { yieldToUi: immediate });
      const direct = queryExcerpts(seeded.doc, seeded.articles, {}, sort);
      expect(ids(chunked), sort).toEqual(ids(direct));
      expect(chunked).toEqual(direct);
    }
  });

  it('equals queryExcerpts for every sort and several filters on 1,500 dense highlights', async () => {
    const { doc, articles } = reference;
    const context = buildExportContext(doc, articles, '');
    const parent = context.codebook.find((entry) => entry.parentId === null);
    const child = context.codebook.find((entry) => entry.parentId !== null && entry.parentId !== parent?.id);
    const filters: ExcerptFilter[] = [
      {},
      { tags: [parent?.id as never], tagMatch: 'any' },
      { tags: [parent?.id as never, child?.id as never], tagMatch: 'all' },
      { documents: [articles[3]?.meta.id as string, articles[1]?.meta.id as string], withNote: true },
      { members: [context.members[2]?.id as never], from: Date.UTC(2026, 0, 5, 1), to: Date.UTC(2026, 0, 5, 2) },
    ];
    for (const filter of filters) {
      for (const sort of SORTS) {
        const chunked = await queryExcerptsInChunks(doc, articles, filter, sort, { yieldToUi: immediate });
        const direct = queryExcerpts(doc, articles, filter, sort);
        expect(ids(chunked), `${JSON.stringify(filter)} ${sort}`).toEqual(ids(direct));
      }
    }
    // The filters above really select different things (so the equality is not vacuous).
    const counts = await Promise.all(filters.map(async (filter) => (await queryExcerptsInChunks(doc, articles, filter, 'document', { yieldToUi: immediate })).length));
    expect(new Set(counts).size).toBe(filters.length);
    expect(counts[0]).toBe(1500);
  });

  it('keeps highlights on documents that are not loaded, as the one-call query does', async () => {
    const loaded = seeded.articles.slice(0, 5);
    for (const sort of SORTS) {
      const chunked = await queryExcerptsInChunks(seeded.doc, loaded, {}, sort, { yieldToUi: immediate });
      expect(ids(chunked)).toEqual(ids(queryExcerpts(seeded.doc, loaded, {}, sort)));
    }
  });

  it('goes through the highlights in slices, yielding between them, with growing progress', async () => {
    let yields = 0;
    const fractions: number[] = [];
    const sliced = await queryExcerptsInChunks(reference.doc, reference.articles, {}, 'document', {
      yieldToUi: async () => void yields++,
      onProgress: (progress) => fractions.push(progress.fraction),
      sliceMs: 0,
    });
    // 64 highlights per batch when every batch yields.
    expect(yields).toBe(Math.ceil(roots(reference.doc).highlights.size / 64));
    expect(yields).toBeGreaterThan(5);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect(ids(sliced)).toEqual(ids(queryExcerpts(reference.doc, reference.articles, {}, 'document')));
  });

  it('stops between slices when cancelled', async () => {
    const controller = new AbortController();
    let yields = 0;
    const run = queryExcerptsInChunks(reference.doc, reference.articles, {}, 'document', {
      signal: controller.signal,
      sliceMs: 0,
      yieldToUi: async () => {
        yields += 1;
        if (yields === 2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExportCancelledError);
    expect(yields).toBe(2);
  });
});

describe('runExport', () => {
  const job = (format: ExportFormatId, options: ExportFormatOptions = {}, filter: ExcerptFilter = {}, sort: ExcerptSort = 'document'): ExportJob => ({
    doc: seeded.doc, articles: seeded.articles, filter, sort, format, options, exportedAt: seeded.exportedAt,
  });

  it('writes the same CSV as one excerptsToCsv call, in slices, with or without BOM, per excerpt or per tag', async () => {
    const { doc, articles } = reference;
    for (const rows of ['excerpt', 'tag'] as const) {
      for (const bom of [false, true]) {
        const output = await runExport({ doc, articles, filter: {}, sort: 'tag', format: 'csv', options: { rows, bom }, exportedAt: seeded.exportedAt }, { yieldToUi: immediate });
        expect(output.content).toBe(excerptsToCsv(queryExcerpts(doc, articles, {}, 'tag'), { rows, bom }));
        expect(output.count).toBe(1500);
      }
    }
  });

  it('writes the same Markdown, JSON-LD and codebook as the formatters, and a readable .qdpx', async () => {
    const excerpts = queryExcerpts(seeded.doc, seeded.articles, { withNote: true }, 'date');
    const context = buildExportContext(seeded.doc, seeded.articles, seeded.exportedAt);
    const md = await runExport(job('md', { group: 'document' }, { withNote: true }, 'date'), { yieldToUi: immediate });
    expect(md.content).toBe(excerptsToMarkdown(excerpts, context, { group: 'document' }));
    const json = await runExport(job('jsonld', {}, { withNote: true }, 'date'), { yieldToUi: immediate });
    expect(json.content).toBe(excerptsToWebAnnotationJson(excerpts, context));
    const qdc = await runExport(job('qdc', {}, { withNote: true }), { yieldToUi: immediate });
    expect(qdc.content).toBe(codebookToQdc(context).data);
    expect(qdc.count).toBe(context.codebook.length);
    const qdpx = await runExport(job('qdpx'), { yieldToUi: immediate });
    expect(qdpx.content).toBeInstanceOf(Uint8Array);
    const files = unzipSync(qdpx.content as Uint8Array);
    expect(strFromU8(files['project.qde'] as Uint8Array)).toContain('<Project');
  });

  it('reports growing progress that ends at 1', async () => {
    const seen: ExportProgress[] = [];
    await runExport({ ...job('csv', { rows: 'excerpt', bom: false }), doc: reference.doc, articles: reference.articles }, { yieldToUi: immediate, onProgress: (progress) => seen.push(progress) });
    const fractions = seen.map((progress) => progress.fraction);
    expect(fractions.length).toBeGreaterThan(5);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions.at(-1)).toBe(1);
    expect(seen.some((progress) => progress.stage === 'query') && seen.some((progress) => progress.stage === 'format')).toBe(true);
  });

  it('stops with ExportCancelledError when cancelled mid-way, and yields to the real event loop by default', async () => {
    const controller = new AbortController();
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const run = runExport({ ...job('csv', { rows: 'tag', bom: false }), doc: reference.doc, articles: reference.articles }, {
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.fraction > 0.3) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ExportCancelledError);
    expect(timerRan).toBe(true);
  });

  it('rejects with the pipeline\'s ExportError when the format cannot hold the project (a codebook without tags)', async () => {
    const run = runExport({ ...job('qdc'), doc: new Y.Doc() }, { yieldToUi: immediate });
    await expect(run).rejects.toBeInstanceOf(ExportError);
    await expect(run).rejects.toMatchObject({ problem: { code: 'empty-codebook' } });
  });
});
