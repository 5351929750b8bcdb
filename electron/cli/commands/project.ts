/**
 * `marginalia project info --from FILE [--json]`: a saved project at a glance — name, id,
 * members, live counts and the last change — read with the model's `describeProject`, the
 * same reading the app's project list shows. `--json` prints one JSON object instead of
 * lines, for scripts.
 */
import { describeProject, type ProjectDescription } from '#shared/model/project-summary.ts';
import type { CliCommand, CliIo } from '../command.ts';
import { CommandFailure, UsageFailure, openProjectFile } from './project-input.ts';

const USAGE = 'marginalia project info --from FILE [--json]';

function parse(args: readonly string[]): { from: string; json: boolean } {
  const [action, ...rest] = args;
  if (action !== 'info') throw new UsageFailure(action === undefined ? 'which project command? (info)' : `unknown project command "${action}" (known: info)`);
  let from: string | undefined;
  let json = false;
  for (let index = 0; index < rest.length; index += 1) {
    const arg = rest[index];
    if (arg === '--from') from = rest[++index];
    else if (arg === '--json') json = true;
    else throw new UsageFailure(`unexpected argument "${arg}"`);
  }
  if (from === undefined || from === '') throw new UsageFailure('--from FILE is required');
  return { from, json };
}

/** The description as lines for a person. */
export function describeAsText(description: ProjectDescription): string {
  const { counts } = description;
  const members = description.members.map((member) => member.name || member.id);
  return [
    `name: ${description.name || '(unnamed)'}`,
    `id: ${description.id ?? '(none)'}`,
    `members: ${members.length > 0 ? `${members.join(', ')} (${members.length})` : 'none'}`,
    `highlights: ${counts.highlights}`,
    `codes: ${counts.codes}`,
    `notes: ${counts.notes}`,
    `replies: ${counts.replies}`,
    `last change: ${description.lastChangeAt === undefined ? 'never' : new Date(description.lastChangeAt).toISOString()}`,
  ].join('\n') + '\n';
}

/** The description as one JSON object (times as ISO 8601). */
export function describeAsJson(description: ProjectDescription): string {
  return `${JSON.stringify({
    id: description.id ?? null,
    name: description.name,
    members: description.members.map((member) => ({ id: member.id, name: member.name, colour: member.colour, joinedAt: new Date(member.joinedAt).toISOString() })),
    counts: description.counts,
    lastChange: description.lastChangeAt === undefined ? null : new Date(description.lastChangeAt).toISOString(),
  }, null, 2)}\n`;
}

function fail(io: CliIo, message: string, code: number): number {
  io.stderr(`marginalia project: ${message}\n`);
  return code;
}

/** Describes a saved project. */
export const projectCommand: CliCommand = {
  name: 'project',
  summary: 'describe a saved project file: name, id, members, counts, last change (--json for scripts)',
  usage: USAGE,
  async run(args, io) {
    try {
      const { from, json } = parse(args);
      const doc = await openProjectFile(from);
      const description = describeProject(doc);
      doc.destroy();
      io.stdout(json ? describeAsJson(description) : describeAsText(description));
      return 0;
    } catch (error) {
      if (error instanceof UsageFailure) return fail(io, `${error.message} (usage: ${USAGE})`, 2);
      if (error instanceof CommandFailure) return fail(io, error.message, 1);
      throw error;
    }
  },
};
