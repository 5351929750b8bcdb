/**
 * `marginalia export`: writes the tagged excerpts of a project in one of the export formats
 * (#shared/export/formats.ts): CSV, Markdown, W3C Web Annotation JSON-LD, a REFI-QDA
 * project (.qdpx) or codebook (.qdc).
 *
 * The project comes from a saved project file (`--from FILE`) or a sync server
 * (`--server URL --project ID --token TOKEN`); the article texts from the documents folder
 * and, for documents added to the project, from the project file, which carries them.
 * Tags and members are named on the command line (case-insensitive; a tag also by its path
 * "Security / Military"). From there the pipeline is the Export dialog's: the excerpt
 * query, then `renderExport`, so both write the same bytes for the same choices. Every
 * failure ends with exit code 1 (2 for usage errors) and one line on stderr, worded from
 * the failure's code (export-messages.ts); the output file is written atomically, so a
 * failed export never leaves a half-written file. Records of the project that no reader
 * can use (a teammate's client wrote a wrong-typed value) are left out of the export and
 * counted in one line on stderr, "N records skipped (reason)", so one bad record never
 * stops the team's export.
 */
import type { Article } from '#shared/documents/article.ts';
import { addedDocumentArticles } from '#shared/export/added-articles.ts';
import { ExportError } from '#shared/export/export-error.ts';
import { buildExportContext, queryExcerpts, type ExcerptFilter } from '#shared/export/excerpts.ts';
import { resolveFilterNames } from '#shared/export/filter-names.ts';
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS, usesExcerpts } from '#shared/export/formats.ts';
import { renderExport } from '#shared/export/render.ts';
import { createSkipLog, describeSkipped, type SkipLog } from '#shared/model/read-guards.ts';
import { readAllBundledArticles } from '../../services/documents-fs.ts';
import { fetchProjectFromServer, loadProjectFileWithTexts } from '../../services/export-project-source.ts';
import { writeExportFile } from '../../services/export-write.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { EXPORT_USAGE, ExportUsageError, parseExportArgs, type ExportArgs } from './export-args.ts';
import { exportProblemLine } from './export-messages.ts';

function fail(io: CliIo, message: string, code = 1): number {
  io.stderr(`marginalia export: ${message}\n`);
  return code;
}

/** "A, B, C or D": the format labels for the command summary. */
function formatList(): string {
  const labels = EXPORT_FORMAT_IDS.map((id) => EXPORT_FORMATS[id].label);
  return `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

/** Runs a parsed export, listing unusable records in `skipped`; resolves to the line printed on success. */
async function runExport(options: ExportArgs, bundled: readonly Article[], skipped: SkipLog): Promise<string> {
  const { project, texts } = options.server
    ? { project: await fetchProjectFromServer({ ...options.server, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) }), texts: new Map<string, string>() }
    : await loadProjectFileWithTexts(options.from as string).then(({ doc, texts }) => ({ project: doc, texts }));
  // A project file carries its added documents' texts: they export like bundled articles.
  const articles = [...bundled, ...addedDocumentArticles(project, texts)];
  const names = resolveFilterNames(project, articles.map((article) => article.meta.id), options);
  const filter: ExcerptFilter = {
    ...(names.tags.length > 0 ? { tags: names.tags, tagMatch: options.allTags ? 'all' : 'any' } : {}),
    ...(names.members.length > 0 ? { members: names.members } : {}),
    ...(names.documents.length > 0 ? { documents: names.documents } : {}),
    ...(options.fromDate !== undefined ? { from: options.fromDate } : {}),
    ...(options.toDate !== undefined ? { to: options.toDate } : {}),
    ...(options.withNote ? { withNote: true } : {}),
  };
  const context = buildExportContext(project, articles, new Date().toISOString(), skipped);
  const excerpts = usesExcerpts(options.format) ? queryExcerpts(project, articles, filter, options.sort, skipped) : [];
  const rendered = await renderExport(options.format, excerpts, { context, rows: options.rows, bom: options.bom, group: options.group });
  await writeExportFile(options.out, rendered.data);
  const unanchored = excerpts.filter((excerpt) => !excerpt.anchored).length;
  const notes = [
    unanchored > 0 ? `${unanchored} unanchored (exported with their stored quote)` : '',
    rendered.removedCharacters > 0 ? `${rendered.removedCharacters} characters XML cannot carry were removed from names or notes` : '',
  ].filter(Boolean);
  const what = usesExcerpts(options.format) ? `${rendered.count} excerpts` : `${rendered.count} codes`;
  return `wrote ${what} to ${options.out}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`;
}

/** Exports the tagged excerpts of a project. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: `export tagged excerpts as ${formatList()}`,
  usage: EXPORT_USAGE,
  async run(args, io) {
    let options: ExportArgs;
    try {
      options = parseExportArgs(args);
    } catch (error) {
      if (error instanceof ExportUsageError) return fail(io, `${error.message} (usage: ${EXPORT_USAGE})`, 2);
      throw error;
    }
    const bundled = await readAllBundledArticles(io.documentsDir);
    if (!bundled.ok) return fail(io, bundled.error);
    const { articles } = bundled;
    const skipped = createSkipLog();
    try {
      const done = await runExport(options, articles, skipped);
      if (skipped.records.length > 0) io.stderr(`marginalia export: ${describeSkipped(skipped.records)}\n`);
      io.stdout(`${done}\n`);
      return 0;
    } catch (error) {
      if (error instanceof ExportError) return fail(io, exportProblemLine(error.problem));
      throw error;
    }
  },
};
