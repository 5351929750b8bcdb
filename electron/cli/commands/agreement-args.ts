/**
 * The command line of `marginalia agreement`: its usage line and the parser that turns the
 * arguments into {@link AgreementArgs} or an {@link AgreementUsageError} naming the first
 * problem. Where the project comes from is given as for `marginalia export`.
 */

/** Parsed command line of `marginalia agreement`. */
export type AgreementArgs = {
  format: 'json' | 'csv';
  /** Where to write; standard output when omitted. */
  out?: string;
  from?: string;
  server?: { url: string; projectId: string; token: string };
  /** Coders by name or member id; empty = the two who coded most highlights. */
  coders: string[];
  /** Codes by name, path or id; empty = every code a chosen coder applied. */
  tags: string[];
  /** Document ids; empty = all documents. */
  documents: string[];
  timeoutMs?: number;
};

/** The usage line of `marginalia agreement`. */
export const AGREEMENT_USAGE =
  'marginalia agreement --format json|csv (--from FILE | --server URL --project ID --token TOKEN) [--out FILE] ' +
  '[--coders NAME_OR_ID,NAME_OR_ID...] [--tag NAME_OR_ID]... [--document ID]... [--timeout SECONDS]';

/** A command line `marginalia agreement` cannot run; the message names the first problem. */
export class AgreementUsageError extends Error {
  override readonly name = 'AgreementUsageError';
}

/** Parses the arguments after `agreement`; throws {@link AgreementUsageError} naming the first problem. */
export function parseAgreementArgs(args: readonly string[]): AgreementArgs {
  const parsed: Partial<AgreementArgs> & { coders: string[]; tags: string[]; documents: string[] } = { coders: [], tags: [], documents: [] };
  let url: string | undefined;
  let projectId: string | undefined;
  let token: string | undefined;
  const queue = [...args];
  const value = (flag: string): string => {
    const next = queue.shift();
    if (next === undefined || next.startsWith('--')) throw new AgreementUsageError(`${flag} needs a value`);
    return next;
  };
  while (queue.length > 0) {
    const flag = queue.shift() as string;
    switch (flag) {
      case '--format': {
        const format = value(flag);
        if (format !== 'json' && format !== 'csv') throw new AgreementUsageError(`--format must be one of json, csv (got "${format}")`);
        parsed.format = format;
        break;
      }
      case '--out': parsed.out = value(flag); break;
      case '--from': parsed.from = value(flag); break;
      case '--server': url = value(flag); break;
      case '--project': projectId = value(flag); break;
      case '--token': token = value(flag); break;
      case '--coders': parsed.coders.push(...value(flag).split(',').map((name) => name.trim()).filter(Boolean)); break;
      case '--tag': parsed.tags.push(value(flag)); break;
      case '--document': parsed.documents.push(value(flag)); break;
      case '--timeout': {
        const seconds = Number(value(flag));
        if (!(seconds > 0 && seconds <= 600)) throw new AgreementUsageError('--timeout must be a number of seconds between 0 and 600');
        parsed.timeoutMs = seconds * 1000;
        break;
      }
      default: throw new AgreementUsageError(flag.startsWith('-') ? `unknown option "${flag}"` : `unexpected argument "${flag}"`);
    }
  }
  if (!parsed.format) throw new AgreementUsageError('--format is required');
  if (parsed.coders.length === 1) throw new AgreementUsageError('--coders needs at least two coders, separated by commas');
  const serverGiven = url !== undefined || projectId !== undefined || token !== undefined;
  if (parsed.from !== undefined && serverGiven) throw new AgreementUsageError('use either --from or --server, not both');
  if (serverGiven) {
    if (!url || !projectId || !token) throw new AgreementUsageError('--server needs --project and --token as well');
    parsed.server = { url, projectId, token };
  } else if (parsed.from === undefined) throw new AgreementUsageError('say where the project is: --from FILE or --server URL --project ID --token TOKEN');
  return parsed as AgreementArgs;
}
