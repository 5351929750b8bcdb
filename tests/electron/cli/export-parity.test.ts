/**
 * One pipeline: `marginalia export` and the Export dialog's runner write byte-identical
 * files for the same project, filters and format. The command line runs in-process on the
 * seeded project file; the dialog side merges the same file into a fresh doc (as "Merge
 * project file…" does), maps a dialog state through the dialog's own functions
 * (excerptQuery, formatOptions) and runs runExport with the export time the command line
 * recorded in its file (read back from it; CSV and the codebook carry none).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundledDocuments } from '../../../electron/services/documents-fs.ts';
import type { Article } from '#shared/documents/article.ts';
import { EXPORT_FORMATS, type ExportFormatId } from '#shared/export/formats.ts';
import { mergeProjectFile } from '#shared/model/project-file.ts';
import { DEFAULT_EXPORT_STATE, excerptQuery, formatOptions, type ExportDialogState } from '../../../renderer/export/export-options.ts';
import { runExport } from '../../../renderer/export/export-runner.ts';
import { createExportFixture, type ExportFixture } from './export-fixture.ts';

let fixture: ExportFixture;
let articles: Article[];
let dialogDoc: Y.Doc;

beforeAll(async () => {
  fixture = await createExportFixture();
  articles = (await readBundledDocuments(fixture.documentsDir)).flatMap((result) => (result.ok ? [result.article] : []));
  expect(articles.map((article) => article.meta.id)).toContain('hard-text-sample');
  dialogDoc = new Y.Doc();
  expect(mergeProjectFile(dialogDoc, readFileSync(fixture.projectFile)).ok).toBe(true);
});

afterAll(() => rmSync(fixture.work, { recursive: true, force: true }));

/** The export time a file records, if its format records one. */
function exportedAtOf(format: ExportFormatId, bytes: Buffer): string {
  const recorded =
    format === 'md'
      ? /; exported (\S+)\.$/m.exec(bytes.toString('utf8'))?.[1]
      : format === 'jsonld'
        ? (JSON.parse(bytes.toString('utf8')) as { created?: string }).created
        : format === 'qdpx'
          ? /creationDateTime="([^"]+)"/.exec(strFromU8(unzipSync(new Uint8Array(bytes))['project.qde'] as Uint8Array))?.[1]
          : '';
  if (recorded === undefined) throw new Error(`no export time found in the ${format} file`);
  return recorded;
}

type Case = { readonly name: string; readonly flags: readonly string[]; readonly state: () => Partial<ExportDialogState> };

const CASES: readonly Case[] = [
  { name: 'everything as CSV', flags: ['--format', 'csv'], state: () => ({ format: 'csv' }) },
  {
    name: 'two tags (any), per-tag CSV rows with a BOM, by tag',
    flags: ['--format', 'csv', '--tag', 'Security', '--tag', 'Economy', '--rows', 'tag', '--bom', '--sort', 'tag'],
    state: () => ({ format: 'csv', tags: [fixture.project.tags.security, fixture.project.tags.economy], csvRows: 'tag', csvExcel: true, sort: 'tag' }),
  },
  {
    name: 'noted excerpts as Markdown by document, by date',
    flags: ['--format', 'md', '--with-note', '--group', 'document', '--sort', 'date'],
    state: () => ({ format: 'md', withNote: true, markdownGroup: 'document', sort: 'date' }),
  },
  { name: 'everything as Markdown by tag', flags: ['--format', 'md'], state: () => ({ format: 'md' }) },
  {
    name: "one member's excerpts in two documents as JSON-LD",
    flags: ['--format', 'jsonld', '--member', 'Ana Əliyeva', '--document', 'hard-text-sample', '--document', 'azerbaijan-us-russia-dynamics'],
    state: () => ({ format: 'jsonld', members: [fixture.project.members.ana], documents: ['hard-text-sample', 'azerbaijan-us-russia-dynamics'] }),
  },
  {
    name: 'excerpts carrying both tags as a REFI-QDA project',
    flags: ['--format', 'qdpx', '--tag', 'Security', '--tag', 'Energy', '--all-tags'],
    state: () => ({ format: 'qdpx', tags: [fixture.project.tags.security, fixture.project.tags.energy], tagMatch: 'all' }),
  },
  { name: 'everything as a REFI-QDA project', flags: ['--format', 'qdpx'], state: () => ({ format: 'qdpx' }) },
  { name: 'the codebook', flags: ['--format', 'qdc'], state: () => ({ format: 'qdc' }) },
];

describe('the command line and the Export dialog write the same bytes', () => {
  it.each(CASES)('$name', async ({ flags, state: changes }) => {
    const state: ExportDialogState = { ...DEFAULT_EXPORT_STATE, ...changes() };
    const out = join(fixture.work, `parity.${EXPORT_FORMATS[state.format].extension}`);
    const cli = await fixture.run(['export', '--from', fixture.projectFile, '--out', out, ...flags]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const written = readFileSync(out);

    const query = excerptQuery(state);
    if (!query.ok) throw new Error(query.error);
    const exportedAt = exportedAtOf(state.format, written);
    const dialog = await runExport(
      { doc: dialogDoc, articles, filter: query.filter, sort: query.sort, format: state.format, options: formatOptions(state), exportedAt },
      { yieldToUi: () => Promise.resolve() },
    );
    const content = typeof dialog.content === 'string' ? Buffer.from(dialog.content, 'utf8') : Buffer.from(dialog.content);
    expect(content.equals(written)).toBe(true);
    expect(cli.stdout).toMatch(new RegExp(`^wrote ${dialog.count} (excerpts|codes) to `));
  });

  it('covers filters that really select different excerpts (the equality above is not vacuous)', async () => {
    const counts = new Set<number>();
    for (const { state: changes } of CASES.filter((entry) => entry.state().format !== 'qdc')) {
      const query = excerptQuery({ ...DEFAULT_EXPORT_STATE, ...changes() });
      if (!query.ok) throw new Error(query.error);
      const output = await runExport(
        { doc: dialogDoc, articles, filter: query.filter, sort: query.sort, format: 'csv', options: {}, exportedAt: '' },
        { yieldToUi: () => Promise.resolve() },
      );
      counts.add(output.count);
    }
    expect(counts.size).toBeGreaterThanOrEqual(4);
  });
});
