/**
 * `marginalia merge A B --out C [--force] [--keep-codes-apart]`: merges project file B into
 * project file A offline and writes the result to C — the app's merge exactly (A is opened
 * as the app opens a project, B merged with the model's `mergeProjectFile`), so C keeps A's
 * identity, gets everything of B (the texts of both files' added documents included), and
 * has B's codes joined with A's same-name codes unless `--keep-codes-apart`.
 *
 * Both inputs are size-checked before they are read and checked completely before anything
 * is written; C is never overwritten unless `--force`, and is written atomically (a failure
 * leaves no half-written file). Every failure is one line on stderr and a non-zero exit.
 */
import { encodeProjectFile, mergeProjectFile, type IncomingSummary, type SameNameCodes } from '#shared/model/project-file.ts';
import { getProjectMeta } from '#shared/model/project.ts';
import { saveFile } from '../../services/files.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { CommandFailure, UsageFailure, fileExists, openProjectFileWithTexts, readProjectBytes } from './project-input.ts';

const USAGE = 'marginalia merge A B --out C [--force] [--keep-codes-apart]';

type MergeArgs = { readonly into: string; readonly from: string; readonly out: string; readonly force: boolean; readonly joinCodes: boolean };

function parse(args: readonly string[]): MergeArgs {
  const files: string[] = [];
  let out: string | undefined;
  let force = false;
  let joinCodes = true;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    if (arg === '--out') out = args[++index];
    else if (arg === '--force') force = true;
    else if (arg === '--keep-codes-apart') joinCodes = false;
    else if (arg.startsWith('-')) throw new UsageFailure(`unknown option "${arg}"`);
    else files.push(arg);
  }
  if (files.length !== 2) throw new UsageFailure(`two project files are needed, A and B (got ${files.length})`);
  if (out === undefined || out === '') throw new UsageFailure('--out FILE is required');
  return { into: files[0] as string, from: files[1] as string, out, force, joinCodes };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The one line printed after a merge. */
export function mergedLine(args: MergeArgs, name: string, summary: IncomingSummary, joined: readonly SameNameCodes[]): string {
  const brought = `${plural(summary.highlights, 'new highlight', 'new highlights')}, ${plural(summary.codes, 'new code', 'new codes')}, ${plural(summary.notes, 'new note or reply', 'new notes and replies')}`;
  const people = summary.people.length > 0 ? ` by ${summary.people.map((person) => person.name || person.id).join(', ')}` : '';
  const codes = joined.length > 0 ? `; joined ${joined.map((pair) => `“${pair.incoming.name}” with “${pair.existing.name}”`).join(', ')}` : '';
  return `merged ${args.from} into ${args.into}: ${brought}${people}${codes}; wrote ${args.out} (project “${name}”)\n`;
}

function fail(io: CliIo, message: string, code: number): number {
  io.stderr(`marginalia merge: ${message}\n`);
  return code;
}

/** Merges one project file into another, offline. */
export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: 'merge project file B into project file A offline and write C (C keeps A’s project; same-name codes joined)',
  usage: USAGE,
  async run(argv, io) {
    try {
      const args = parse(argv);
      if (!args.force && (await fileExists(args.out))) throw new CommandFailure(`"${args.out}" exists; add --force to overwrite it`);
      const { doc, texts } = await openProjectFileWithTexts(args.into);
      try {
        const result = mergeProjectFile(doc, await readProjectBytes(args.from), { mergeSameNameCodes: args.joinCodes });
        if (!result.ok) throw new CommandFailure(`"${args.from}" was not merged: ${result.error}`);
        // C carries the texts of both files' added documents (one text per id: the same text).
        const saved = await saveFile(args.out, encodeProjectFile(doc, new Map([...texts, ...result.texts])));
        if (!saved.ok) throw new CommandFailure(saved.message);
        io.stdout(mergedLine(args, getProjectMeta(doc).name, result.summary, result.joinedCodes));
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
