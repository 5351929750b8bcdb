/**
 * `marginalia agreement`: inter-coder agreement of a project per code and overall —
 * percent agreement, Cohen's κ, Jaccard and Krippendorff's unitizing α over the code
 * points of the chosen documents (docs/architecture.md §10) — as JSON or CSV.
 *
 * The project comes from a file or a sync server exactly as for `marginalia export`, and
 * coders, codes and documents are named the same way (a coder by name or member id, a code
 * by name, path or id); a file's added documents count like bundled articles; a name that matches nothing is one line on stderr and exit code 1.
 * Without `--coders` the two people who coded most highlights are compared, as in the app.
 */
import type { Article } from '#shared/documents/article.ts';
import { computeAgreement, type AgreementReport } from '#shared/analysis/agreement.ts';
import { readCodings } from '#shared/analysis/agreement-codings.ts';
import { agreementToCsv } from '#shared/analysis/agreement-csv.ts';
import { ExportError } from '#shared/export/export-error.ts';
import { resolveFilterNames } from '#shared/export/filter-names.ts';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import { createSkipLog, describeSkipped, type SkipLog } from '#shared/model/read-guards.ts';
import { createViewContext } from '#shared/model/views.ts';
import { readAllBundledArticles } from '../../services/documents-fs.ts';
import { loadProjectWithArticles } from '../../services/export-project-source.ts';
import { writeExportFile } from '../../services/export-write.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { AGREEMENT_USAGE, AgreementUsageError, parseAgreementArgs, type AgreementArgs } from './agreement-args.ts';
import { exportProblemLine } from './export-messages.ts';
import { CommandFailure } from './project-input.ts';

function fail(io: CliIo, message: string, code = 1): number {
  io.stderr(`marginalia agreement: ${message}\n`);
  return code;
}

/** Computes the report the arguments ask for; notes for stderr go to `notes`. */
async function runAgreement(options: AgreementArgs, bundled: readonly Article[], skipped: SkipLog, notes: string[]): Promise<AgreementReport> {
  const server = options.server ? { ...options.server, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) } : undefined;
  const { project, articles } = await loadProjectWithArticles(server ? { server } : { from: options.from as string }, bundled);
  const tagIndex = createViewContext(project).tagIndex;
  const tagIds = options.tags.filter((tag) => tagIndex.tags.has(tag as TagId) && tagIndex.isLive(tag as TagId));
  const coderNames = options.coders;
  const names = resolveFilterNames(project, articles.map((article) => article.meta.id), {
    tags: options.tags.filter((tag) => !tagIds.includes(tag)),
    members: coderNames,
    documents: options.documents,
  });
  const codings = readCodings(project, articles, names.documents.length > 0 ? names.documents : undefined, skipped);
  let coders: MemberId[] = names.members;
  if (coders.length === 0) {
    coders = codings.coders.slice(0, 2).map((coder) => coder.id);
    if (coders.length < 2) throw new CommandFailure('the project has fewer than two people to compare');
  }
  if (new Set(coders).size < coders.length) throw new CommandFailure('--coders names the same person twice');
  if (codings.unplaced > 0) notes.push(`${codings.unplaced} coded highlights no longer anchor in their article and are not counted`);
  const codes = options.tags.length > 0 ? options.tags.map((tag) => (tagIds.includes(tag) ? (tag as TagId) : (names.tags.shift() as TagId))) : undefined;
  return computeAgreement(codings, { coders, ...(codes ? { codes } : {}) });
}

/** Computes inter-coder agreement of a project. */
export const agreementCommand: CliCommand = {
  name: 'agreement',
  summary: "inter-coder agreement per code (percent agreement, Cohen's kappa, Jaccard, Krippendorff's unitizing alpha) as JSON or CSV",
  usage: AGREEMENT_USAGE,
  async run(args, io) {
    let options: AgreementArgs;
    try {
      options = parseAgreementArgs(args);
    } catch (error) {
      if (error instanceof AgreementUsageError) return fail(io, `${error.message} (usage: ${AGREEMENT_USAGE})`, 2);
      throw error;
    }
    const bundled = await readAllBundledArticles(io.documentsDir);
    if (!bundled.ok) return fail(io, bundled.error);
    const { articles } = bundled;
    const skipped = createSkipLog();
    const notes: string[] = [];
    try {
      const report = await runAgreement(options, articles, skipped, notes);
      const text = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : agreementToCsv(report);
      if (skipped.records.length > 0) notes.push(describeSkipped(skipped.records));
      for (const note of notes) io.stderr(`marginalia agreement: ${note}\n`);
      if (options.out === undefined) io.stdout(text);
      else {
        await writeExportFile(options.out, text);
        io.stdout(`wrote agreement of ${report.codes.length} codes between ${report.coders.map((coder) => coder.name || coder.id).join(', ')} to ${options.out}\n`);
      }
      return 0;
    } catch (error) {
      if (error instanceof ExportError) {
        const problem = error.problem;
        if (problem.code === 'unknown-member') return fail(io, `no coder named "${problem.name}" in the project`);
        return fail(io, exportProblemLine(problem));
      }
      if (error instanceof CommandFailure) return fail(io, error.message);
      throw error;
    }
  },
};
