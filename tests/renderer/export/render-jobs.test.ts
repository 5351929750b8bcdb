/**
 * Rendering away from the page: through the export worker's handler the formats written
 * in one call give exactly the bytes of the text (or zip) the one-call formatters give,
 * the excerpts travel in several short messages with a yield between them, and a
 * rendering failure comes back as the same ExportError.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import { ExportError } from '#shared/export/export-error.ts';
import { renderExport } from '#shared/export/render.ts';
import type { ExportFormatId } from '#shared/export/formats.ts';
import type { Article } from '#shared/documents/article.ts';
import { buildReferenceProject } from '../../../bench/export.bench.ts';
import { buildSeededProject, type SeededProject } from '../../helpers/seeded-project.ts';
import { runExport } from '../../../renderer/export/export-runner.ts';
import { EXCERPTS_PER_MESSAGE, inThreadRenderTransport, readRenderReply, type RenderRequest, type RenderTransport } from '../../../renderer/export/render-jobs.ts';

const immediate = () => Promise.resolve();
let seeded: SeededProject;
let reference: { doc: Y.Doc; articles: readonly Article[] };

beforeAll(async () => {
  seeded = await buildSeededProject();
  const articles = seeded.articles.slice(0, 5);
  reference = { doc: buildReferenceProject(articles, 200), articles };
});

/** The in-thread transport, recording what was asked. */
function recording(): { transport: RenderTransport; asked: RenderRequest[] } {
  const inner = inThreadRenderTransport();
  const asked: RenderRequest[] = [];
  return { asked, transport: (request) => (asked.push(request), inner(request)) };
}

describe('rendering through the export worker handler', () => {
  it('gives the UTF-8 bytes of the same Markdown and JSON-LD, and the same .qdpx and .qdc, as rendering on the page', async () => {
    const { doc, articles } = reference;
    for (const format of ['md', 'jsonld', 'qdpx', 'qdc'] as const satisfies readonly ExportFormatId[]) {
      const job = { doc, articles, filter: {}, sort: 'tag' as const, format, options: { group: 'document' as const }, exportedAt: seeded.exportedAt };
      const { transport, asked } = recording();
      const away = await runExport(job, { yieldToUi: immediate, renderer: transport });
      const here = await renderExport(format, format === 'qdc' ? [] : queryExcerpts(doc, articles, {}, 'tag'), { group: 'document', context: buildExportContext(doc, articles, seeded.exportedAt) });
      const expected = typeof here.data === 'string' ? new TextEncoder().encode(here.data) : here.data;
      expect(away.content, format).toEqual(expected);
      expect(away.count).toBe(here.count);
      expect(asked.at(-1)?.kind).toBe('render');
      if (format !== 'qdc') expect(asked.filter((request) => request.kind === 'excerpts')).toHaveLength(Math.ceil(1000 / EXCERPTS_PER_MESSAGE));
    }
  });

  it('yields between the slices of excerpts it sends, with growing progress', async () => {
    let yields = 0;
    const fractions: number[] = [];
    const job = { doc: reference.doc, articles: reference.articles, filter: {}, sort: 'document' as const, format: 'jsonld' as const, options: {}, exportedAt: seeded.exportedAt };
    await runExport(job, { yieldToUi: async () => void yields++, renderer: recording().transport, onProgress: (progress) => fractions.push(progress.fraction) });
    expect(yields).toBeGreaterThanOrEqual(Math.ceil(1000 / EXCERPTS_PER_MESSAGE));
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions.at(-1)).toBe(1);
  });

  it('raises the rendering ExportError on the page (a codebook without tags)', async () => {
    const job = { doc: new Y.Doc(), articles: [], filter: {}, sort: 'document' as const, format: 'qdc' as const, options: {}, exportedAt: seeded.exportedAt };
    const run = runExport(job, { yieldToUi: immediate, renderer: recording().transport });
    await expect(run).rejects.toBeInstanceOf(ExportError);
    await expect(run).rejects.toMatchObject({ problem: { code: 'empty-codebook' } });
  });

  it('accepts only well-formed replies from the worker', () => {
    expect(readRenderReply({ kind: 'rendered', job: 1, data: new Uint8Array([1]), count: 1, removedCharacters: 0 })).not.toBeNull();
    expect(readRenderReply({ kind: 'failed', job: 2, problem: null, message: 'x' })).not.toBeNull();
    expect(readRenderReply({ kind: 'rendered', job: 1, data: 'text', count: 1, removedCharacters: 0 })).toBeNull();
    expect(readRenderReply({ kind: 'rendered', job: 'one' })).toBeNull();
    expect(readRenderReply(null)).toBeNull();
  });
});
