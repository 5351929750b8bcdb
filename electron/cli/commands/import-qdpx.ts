/**
 * `marginalia import-qdpx FILE --out PROJECT_FILE [--into PROJECT_FILE] [--force]`: imports
 * a REFI-QDA project (`.qdpx`, from ATLAS.ti, MAXQDA, NVivo, QualCoder or Marginalia) into a
 * new project file, or into a copy of an existing one (`--into`), with the model's
 * `importQdpx` — the same import the app runs. Sources are matched to the bundled articles
 * by their text; any other text source becomes an added document (plain text), whose text
 * the output file carries (project file format v2), as a file saved from the app does. Every item of the file that could not come over is printed with its
 * reason, after one line of counts.
 *
 * A file that cannot be imported at all (not a zip, a zip bomb, no `.qde`, malformed XML…)
 * ends in one line on stderr and exit code 1, with nothing written; OUT is never
 * overwritten unless `--force`, and is written atomically.
 */
import * as Y from 'yjs';
import { QDPX_LIMITS } from '#shared/export/qdpx-archive.ts';
import { importQdpx, type QdpxImportCounts } from '#shared/export/qdpx-apply.ts';
import { addSourcesAsDocuments } from '#shared/export/qdpx-documents.ts';
import type { QdpxSkipped } from '#shared/export/qdpx-project.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { readAllBundledArticles } from '../../services/documents-fs.ts';
import { readFileLimited, saveFile } from '../../services/files.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { CommandFailure, UsageFailure, fileExists, openProjectFileWithTexts } from './project-input.ts';

const USAGE = 'marginalia import-qdpx FILE --out PROJECT_FILE [--into PROJECT_FILE] [--force]';

type ImportArgs = { readonly file: string; readonly out: string; readonly into: string | undefined; readonly force: boolean };

function parse(args: readonly string[]): ImportArgs {
  const files: string[] = [];
  let out: string | undefined;
  let into: string | undefined;
  let force = false;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--out') out = args[++index];
    else if (arg === '--into') into = args[++index];
    else if (arg === '--force') force = true;
    else if (arg.startsWith('-')) throw new UsageFailure(`unknown option "${arg}"`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageFailure(`one .qdpx file is needed (got ${files.length})`);
  if (out === undefined || out === '') throw new UsageFailure('--out FILE is required');
  if (into === '') throw new UsageFailure('--into needs a project file');
  return { file: files[0] as string, out, into, force };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The line of counts printed after an import. */
export function importedLine(args: ImportArgs, project: string, counts: QdpxImportCounts, skipped: number): string {
  const parts = [
    count(counts.highlights, 'highlight'),
    count(counts.codings, 'coding'),
    `${count(counts.codesCreated, 'new code')} (${counts.codesReused} reused)`,
    `${count(counts.membersCreated, 'new member')} (${counts.membersReused} reused)`,
    count(counts.notes, 'note'),
    count(counts.replies, 'reply', 'replies'),
    count(counts.memos, 'memo'),
    `${count(counts.documentsMatched + counts.documentsAdded, 'source')} placed (${counts.documentsMatched} bundled articles)`,
  ];
  return `imported ${args.file} into ${args.out} (project “${project}”): ${parts.join(', ')}; ${skipped === 0 ? 'nothing skipped' : `${count(skipped, 'item')} skipped:`}\n`;
}

/** One printed line per skipped item. */
export function skippedLine(item: QdpxSkipped): string {
  const name = item.name ? ` “${item.name}”` : '';
  const guid = item.guid ? ` ${item.guid}` : '';
  return `  ${item.kind}${name}${guid}: ${item.reason}\n`;
}

function fail(io: CliIo, message: string, code: number): number {
  io.stderr(`marginalia import-qdpx: ${message}\n`);
  return code;
}

/** Imports a REFI-QDA project into a project file. */
export const importQdpxCommand: CliCommand = {
  name: 'import-qdpx',
  summary: 'import a REFI-QDA project (.qdpx) into a project file, listing everything that could not come over',
  usage: USAGE,
  async run(argv, io) {
    try {
      const args = parse(argv);
      if (!args.force && (await fileExists(args.out))) throw new CommandFailure(`"${args.out}" exists; add --force to overwrite it`);
      const read = await readFileLimited(args.file, QDPX_LIMITS.maxArchiveBytes);
      if (!read.ok) throw new CommandFailure(read.message);
      const loaded = await readAllBundledArticles(io.documentsDir);
      if (!loaded.ok) throw new CommandFailure(loaded.error);
      const articles = loaded.articles.map((article) => ({ id: article.meta.id, text: article.text, hash: article.hash }));
      const opened = args.into === undefined ? { doc: new Y.Doc(), texts: new Map<string, string>() } : await openProjectFileWithTexts(args.into);
      const { doc } = opened;
      try {
        const texts = new Map<string, string>(opened.texts);
        const addSource = addSourcesAsDocuments((converted) => void texts.set(converted.id, converted.source));
        const report = importQdpx(doc, read.value, { articles, addSource });
        if (!report.ok) throw new CommandFailure(`"${args.file}" was not imported: ${report.error}`);
        const saved = await saveFile(args.out, encodeProjectFile(doc, texts));
        if (!saved.ok) throw new CommandFailure(saved.message);
        io.stdout(importedLine(args, report.project, report.counts, report.skipped.length));
        for (const item of report.skipped) io.stdout(skippedLine(item));
        return 0;
      } finally {
        doc.destroy();
      }
    } catch (error) {
      if (error instanceof UsageFailure) return fail(io, `${error.message} (usage: ${USAGE})`, 2);
      if (error instanceof CommandFailure) return fail(io, error.message, 1);
      throw error;
    }
  },
};
