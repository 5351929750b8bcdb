/**
 * The one way excerpts become an export file. The command line and the Export dialog both
 * call {@link renderExport} with a format id from formats.ts, the queried excerpts and the
 * project context, so the same project, filters and format give the same bytes wherever
 * the export is started.
 *
 * Long renderings run in steps: CSV is written in slices of excerpts (the header once,
 * then each slice's rows — byte for byte what one `excerptsToCsv` call writes), and
 * between steps `onStep` is awaited. The dialog uses it to yield to the UI, report
 * progress and cancel (by throwing); the command line passes nothing. The other formats
 * are single calls, well inside the time budget at 10,000 excerpts.
 */
import { csvColumns, excerptsToCsv } from './csv.ts';
import type { Excerpt, ExportContext } from './excerpt.ts';
import type { ExportFormatId } from './formats.ts';
import { excerptsToMarkdown } from './markdown.ts';
import { codebookToQdc, excerptsToQdpx } from './refi-qda.ts';
import { excerptsToWebAnnotationJson } from './web-annotation.ts';

/** Options of the formats that have any; each format ignores the others'. */
export type ExportFormatOptions = {
  /** CSV: one row per excerpt (default) or per excerpt × tag. */
  readonly rows?: 'excerpt' | 'tag';
  /** CSV: start with a UTF-8 byte order mark so Excel reads accents correctly. */
  readonly bom?: boolean;
  /** Markdown: group excerpts under their tags (default) or their documents. */
  readonly group?: 'tag' | 'document';
};

/** What {@link renderExport} needs beside the format and the excerpts. */
export type RenderOptions = ExportFormatOptions & {
  /** The project-wide facts (codebook, members, document texts, export time). */
  readonly context: ExportContext;
  /** Awaited between steps with the fraction done (0..1]; throwing from it stops the rendering. */
  readonly onStep?: (fraction: number) => void | Promise<void>;
};

/** A rendered export file. */
export type RenderedExport = {
  readonly data: string | Uint8Array;
  /** Excerpts written (codes, for the codebook). */
  readonly count: number;
  /** Characters XML could not carry and were left out (REFI-QDA only). */
  readonly removedCharacters: number;
};

/** Excerpts per CSV slice. */
export const CSV_SLICE = 1000;

async function csvInSlices(excerpts: readonly Excerpt[], options: RenderOptions): Promise<string> {
  const rows = options.rows ?? 'excerpt';
  const header = `${csvColumns(rows).join(',')}\r\n`;
  const parts: string[] = [options.bom ? '\uFEFF' : '', header];
  for (let start = 0; start < excerpts.length; start += CSV_SLICE) {
    parts.push(excerptsToCsv(excerpts.slice(start, start + CSV_SLICE), { rows }).slice(header.length));
    await options.onStep?.(Math.min(1, (start + CSV_SLICE) / excerpts.length));
  }
  return parts.join('');
}

async function render(format: ExportFormatId, excerpts: readonly Excerpt[], options: RenderOptions): Promise<RenderedExport> {
  const { context } = options;
  switch (format) {
    case 'csv':
      return { data: await csvInSlices(excerpts, options), count: excerpts.length, removedCharacters: 0 };
    case 'md':
      return { data: excerptsToMarkdown(excerpts, context, { group: options.group ?? 'tag' }), count: excerpts.length, removedCharacters: 0 };
    case 'jsonld':
      return { data: excerptsToWebAnnotationJson(excerpts, context), count: excerpts.length, removedCharacters: 0 };
    case 'qdpx': {
      const qdpx = excerptsToQdpx(excerpts, context);
      return { data: qdpx.data, count: excerpts.length, removedCharacters: qdpx.removedCharacters };
    }
    case 'qdc': {
      const qdc = codebookToQdc(context);
      return { data: qdc.data, count: context.codebook.length, removedCharacters: qdc.removedCharacters };
    }
  }
}

/**
 * Renders `excerpts` (already filtered and sorted) as a `format` file. The codebook format
 * ignores the excerpts and writes the whole codebook. Rejects with an `ExportError`
 * ('empty-codebook', 'missing-document-text') when the format cannot hold the project, or
 * with whatever `onStep` throws.
 */
export async function renderExport(format: ExportFormatId, excerpts: readonly Excerpt[], options: RenderOptions): Promise<RenderedExport> {
  const rendered = await render(format, excerpts, options);
  await options.onStep?.(1);
  return rendered;
}
