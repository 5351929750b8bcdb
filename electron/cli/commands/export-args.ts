/**
 * The command line of `marginalia export`: its usage line and the parser that turns the
 * arguments into {@link ExportArgs} or a {@link ExportUsageError} naming the first problem.
 * Format names come from the shared list of export formats (#shared/export/formats.ts),
 * the same one the Export dialog offers. Dates are whole UTC days (`YYYY-MM-DD`) or ISO
 * 8601 times.
 */
import type { ExcerptSort } from '#shared/export/excerpts.ts';
import { EXPORT_FORMAT_IDS, type ExportFormatId } from '#shared/export/formats.ts';

/** Parsed command line of `marginalia export`. */
export type ExportArgs = {
  format: ExportFormatId;
  out: string;
  from?: string;
  server?: { url: string; projectId: string; token: string };
  tags: string[];
  allTags: boolean;
  members: string[];
  documents: string[];
  fromDate?: number;
  toDate?: number;
  withNote: boolean;
  sort: ExcerptSort;
  group: 'tag' | 'document';
  rows: 'excerpt' | 'tag';
  bom: boolean;
  timeoutMs?: number;
};

/** The usage line of `marginalia export`. */
export const EXPORT_USAGE =
  `marginalia export --format ${EXPORT_FORMAT_IDS.join('|')} (--from FILE | --server URL --project ID --token TOKEN) --out FILE ` +
  '[--tag NAME]... [--all-tags] [--member NAME]... [--document ID]... [--from-date YYYY-MM-DD] [--to-date YYYY-MM-DD] ' +
  '[--with-note] [--sort document|tag|date] [--group tag|document] [--rows excerpt|tag] [--bom] [--timeout SECONDS]';

/** A command line `marginalia export` cannot run; the message names the first problem. */
export class ExportUsageError extends Error {
  override readonly name = 'ExportUsageError';
}

function parseDate(value: string, endOfDay: boolean): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
  const ms = Date.parse(match && !match[4] ? `${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z` : value);
  if (!match || !Number.isFinite(ms)) throw new ExportUsageError(`"${value}" is not a date (use YYYY-MM-DD or an ISO 8601 time)`);
  return ms;
}

/** Parses the arguments after `export`; throws {@link ExportUsageError} naming the first problem. */
export function parseExportArgs(args: readonly string[]): ExportArgs {
  const parsed: Partial<ExportArgs> & { tags: string[]; members: string[]; documents: string[] } = {
    tags: [], members: [], documents: [], allTags: false, withNote: false, bom: false, sort: 'document', group: 'tag', rows: 'excerpt',
  };
  let url: string | undefined;
  let projectId: string | undefined;
  let token: string | undefined;
  const queue = [...args];
  const value = (flag: string): string => {
    const next = queue.shift();
    if (next === undefined || next.startsWith('--')) throw new ExportUsageError(`${flag} needs a value`);
    return next;
  };
  const oneOf = <T extends string>(flag: string, allowed: readonly T[]): T => {
    const given = value(flag);
    if (!(allowed as readonly string[]).includes(given)) throw new ExportUsageError(`${flag} must be one of ${allowed.join(', ')} (got "${given}")`);
    return given as T;
  };
  while (queue.length > 0) {
    const flag = queue.shift() as string;
    switch (flag) {
      case '--format': parsed.format = oneOf(flag, EXPORT_FORMAT_IDS); break;
      case '--out': parsed.out = value(flag); break;
      case '--from': parsed.from = value(flag); break;
      case '--server': url = value(flag); break;
      case '--project': projectId = value(flag); break;
      case '--token': token = value(flag); break;
      case '--tag': parsed.tags.push(value(flag)); break;
      case '--all-tags': parsed.allTags = true; break;
      case '--member': parsed.members.push(value(flag)); break;
      case '--document': parsed.documents.push(value(flag)); break;
      case '--from-date': parsed.fromDate = parseDate(value(flag), false); break;
      case '--to-date': parsed.toDate = parseDate(value(flag), true); break;
      case '--with-note': parsed.withNote = true; break;
      case '--sort': parsed.sort = oneOf(flag, ['document', 'tag', 'date'] as const); break;
      case '--group': parsed.group = oneOf(flag, ['tag', 'document'] as const); break;
      case '--rows': parsed.rows = oneOf(flag, ['excerpt', 'tag'] as const); break;
      case '--bom': parsed.bom = true; break;
      case '--timeout': {
        const seconds = Number(value(flag));
        if (!(seconds > 0 && seconds <= 600)) throw new ExportUsageError('--timeout must be a number of seconds between 0 and 600');
        parsed.timeoutMs = seconds * 1000;
        break;
      }
      default: throw new ExportUsageError(flag.startsWith('-') ? `unknown option "${flag}"` : `unexpected argument "${flag}"`);
    }
  }
  if (!parsed.format) throw new ExportUsageError('--format is required');
  if (!parsed.out) throw new ExportUsageError('--out is required');
  const serverGiven = url !== undefined || projectId !== undefined || token !== undefined;
  if (parsed.from !== undefined && serverGiven) throw new ExportUsageError('use either --from or --server, not both');
  if (serverGiven) {
    if (!url || !projectId || !token) throw new ExportUsageError('--server needs --project and --token as well');
    parsed.server = { url, projectId, token };
  } else if (parsed.from === undefined) throw new ExportUsageError('say where the project is: --from FILE or --server URL --project ID --token TOKEN');
  if (parsed.fromDate !== undefined && parsed.toDate !== undefined && parsed.fromDate > parsed.toDate) throw new ExportUsageError('--from-date is after --to-date');
  return parsed as ExportArgs;
}
