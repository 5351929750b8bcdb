/**
 * `marginalia cooccurrence`: the code co-occurrence table of a project (docs/architecture.md
 * §10) as CSV or JSON — for each ordered pair of codes, n1, n2, n12 and the c-coefficient —
 * the same table the Analysis panel's Co-occurrence tab shows and saves.
 *
 * The project comes from a saved project file (`--from FILE`) or a sync server
 * (`--server URL --project ID --token TOKEN`), read as `marginalia export` reads it; the
 * segments are the export query's excerpts (placed on the bundled articles' text and a
 * file's added documents'), so the
 * command and the app count the same segments. Output goes to `--out FILE` (written
 * atomically) or standard output. Every failure is one line on stderr: exit 2 for usage,
 * 1 otherwise; records no reader can use are left out and counted on stderr.
 */
import { parseArgs } from 'node:util';
import { cooccurrence } from '#shared/analysis/cooccurrence.ts';
import { cooccurrenceCsv, cooccurrenceJson } from '#shared/analysis/cooccurrence-format.ts';
import { ExportError } from '#shared/export/export-error.ts';
import { buildExportContext, queryExcerpts } from '#shared/export/excerpts.ts';
import { createSkipLog, describeSkipped } from '#shared/model/read-guards.ts';
import { readAllBundledArticles } from '../../services/documents-fs.ts';
import { loadProjectWithArticles } from '../../services/export-project-source.ts';
import { writeExportFile } from '../../services/export-write.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { exportProblemLine } from './export-messages.ts';

const USAGE = 'marginalia cooccurrence (--from FILE | --server URL --project ID --token TOKEN) [--format csv|json] [--out FILE] [--timeout SECONDS]';

/** What the command line asked for. */
interface CooccurrenceArgs {
  readonly from?: string;
  readonly server?: { readonly url: string; readonly projectId: string; readonly token: string; readonly timeoutMs?: number };
  readonly format: 'csv' | 'json';
  readonly out?: string;
}

/** Parses the arguments; throws an Error whose message is the usage problem. */
function parse(args: readonly string[]): CooccurrenceArgs {
  const { values, positionals } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: true,
    options: {
      from: { type: 'string' }, server: { type: 'string' }, project: { type: 'string' }, token: { type: 'string' },
      format: { type: 'string', default: 'csv' }, out: { type: 'string' }, timeout: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
  if (values.format !== 'csv' && values.format !== 'json') throw new Error(`--format must be csv or json (got "${values.format}")`);
  const serverGiven = values.server !== undefined || values.project !== undefined || values.token !== undefined;
  if (values.from !== undefined && serverGiven) throw new Error('use either --from or --server, not both');
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    const seconds = Number(values.timeout);
    if (!(seconds > 0 && seconds <= 600)) throw new Error('--timeout must be a number of seconds between 0 and 600');
    timeoutMs = seconds * 1000;
  }
  const common = { format: values.format, ...(values.out !== undefined ? { out: values.out } : {}) } as const;
  if (serverGiven) {
    const { server: url, project: projectId, token } = values;
    if (url === undefined || projectId === undefined || token === undefined) throw new Error('--server needs --project and --token as well');
    return { ...common, server: { url, projectId, token, ...(timeoutMs !== undefined ? { timeoutMs } : {}) } };
  }
  if (values.from === undefined) throw new Error('say where the project is: --from FILE or --server URL --project ID --token TOKEN');
  return { ...common, from: values.from };
}

function fail(io: CliIo, message: string, code = 1): number {
  io.stderr(`marginalia cooccurrence: ${message}\n`);
  return code;
}

/** Writes the co-occurrence table of a project. */
export const cooccurrenceCommand: CliCommand = {
  name: 'cooccurrence',
  summary: 'the code co-occurrence table (n12 and c-coefficient per pair of codes) as CSV or JSON',
  usage: USAGE,
  async run(args, io) {
    let options: CooccurrenceArgs;
    try {
      options = parse(args);
    } catch (error) {
      return fail(io, `${error instanceof Error ? error.message : String(error)} (usage: ${USAGE})`, 2);
    }
    const bundled = await readAllBundledArticles(io.documentsDir);
    if (!bundled.ok) return fail(io, bundled.error);
    const skipped = createSkipLog();
    try {
      const { project, articles } = await loadProjectWithArticles(options.server ? { server: options.server } : { from: options.from as string }, bundled.articles);
      const codes = buildExportContext(project, articles, '', skipped).codebook;
      const table = cooccurrence(queryExcerpts(project, articles, {}, 'document', skipped), codes);
      const text = options.format === 'json' ? cooccurrenceJson(table) : cooccurrenceCsv(table);
      if (skipped.records.length > 0) io.stderr(`marginalia cooccurrence: ${describeSkipped(skipped.records)}\n`);
      if (options.out === undefined) {
        io.stdout(text);
      } else {
        await writeExportFile(options.out, text);
        io.stdout(`wrote the co-occurrence of ${codes.length} codes to ${options.out}\n`);
      }
      return 0;
    } catch (error) {
      if (error instanceof ExportError) return fail(io, exportProblemLine(error.problem));
      throw error;
    }
  },
};
