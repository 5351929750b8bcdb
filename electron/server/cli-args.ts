/**
 * Command-line grammar of the sync server (`npm run server -- …`), parsed into a value.
 *
 * Pure: no I/O, so every bad-flag case is unit tested and the CLI only has to print
 * `error` in one line and exit non-zero. Flags take their value as the next argument or
 * after `=`; every command accepts `--data DIR`.
 */
import type { ProjectId } from '#shared/model/ids.ts';
import { isAccessTokenId } from '#shared/sync/access-token.ts';
import { checkServerUrl } from '#shared/sync/invite.ts';
import { DEFAULT_SYNC_HOST, DEFAULT_SYNC_PORT } from '#shared/sync/protocol.ts';
import { isProjectId } from '#shared/sync/rooms.ts';
import type { ServerLimits } from './server-limits.ts';

/** Default data folder, relative to the working directory. */
export const DEFAULT_DATA_DIR = './data';

/** Usage text printed by `help`. */
export const USAGE = `Marginalia team sync server

  serve [--host ${DEFAULT_SYNC_HOST}] [--port ${DEFAULT_SYNC_PORT}] [--data ${DEFAULT_DATA_DIR}] [--durability process-crash|full]
        [--store postgres://… --redis redis://… [--instance NAME]]
                                           one of several instances sharing PostgreSQL and Redis
        [--allow-origins ORIGIN,ORIGIN…]   browser origins allowed besides app://marginalia
                                           (exact, or http://HOST:* for any port)
        limits (defaults and effects: electron/server/README.md, "Limits"):
        [--max-message-bytes N] [--max-document-bytes N] [--max-update-structs N]
        [--max-same-position N] [--max-room-structs N] [--max-total-structs N]
        [--max-unauthenticated N] [--max-unauthenticated-per-address N] [--auth-timeout-ms N]
        [--max-messages-before-auth N] [--connection-rate N] [--connection-burst N]
        [--token-rate N] [--token-burst N] [--token-struct-rate N] [--token-struct-burst N]
        [--revocation-grace-ms N] [--structs-per-turn N]
        [--max-document-text-bytes N] [--token-text-rate N] [--token-text-burst N]
        [--token-text-byte-rate N] [--token-text-byte-burst N] [--max-text-uploads N]
  migrate --store postgres://…                      bring the PostgreSQL schema up to date (also done on start)
  room inspect --project ID                         stored size and structs of a project's room
  project create --name NAME [--server-url URL]     new project id, a first token and its invite
  token create --project ID [--label L] [--server-url URL]
  token list --project ID
  token revoke TOKEN_ID
  help, --help, -h                                  this text

Every command takes --data DIR (default ${DEFAULT_DATA_DIR}); project and token commands take
--store postgres://… instead, for a deployment of several instances. --server-url is the address
teammates use in the invite (default ws://${DEFAULT_SYNC_HOST}:${DEFAULT_SYNC_PORT}).`;

/** A parsed command line. */
export type CliCommand =
  | {
      readonly kind: 'serve';
      readonly dataDir: string;
      readonly host: string;
      readonly port: number;
      readonly maxMessageBytes: number | undefined;
      readonly maxDocumentBytes: number | undefined;
      readonly durability: 'process-crash' | 'full';
      /** Limits given on the command line (the others keep their defaults). */
      readonly limits: Partial<ServerLimits>;
      /** PostgreSQL and Redis of a deployment of several instances, or null for SQLite in `dataDir`. */
      readonly shared: { readonly store: string; readonly redis: string; readonly instance: string | null } | null;
    }
  | { readonly kind: 'migrate'; readonly store: string }
  | { readonly kind: 'room-inspect'; readonly dataDir: string; readonly projectId: ProjectId }
  | { readonly kind: 'project-create'; readonly dataDir: string; readonly name: string; readonly serverUrl: string; readonly store: string | null }
  | {
      readonly kind: 'token-create';
      readonly dataDir: string;
      readonly projectId: ProjectId;
      readonly label: string;
      readonly serverUrl: string;
      readonly store: string | null;
    }
  | { readonly kind: 'token-list'; readonly dataDir: string; readonly projectId: ProjectId; readonly store: string | null }
  | { readonly kind: 'token-revoke'; readonly dataDir: string; readonly tokenId: string; readonly store: string | null }
  | { readonly kind: 'help' };

/** Result of parsing: a command or one line saying what is wrong. */
export type CliParseResult = { readonly ok: true; readonly command: CliCommand } | { readonly ok: false; readonly error: string };

/** Numeric limit flags of `serve`: the limit each sets and its accepted range. */
const LIMIT_FLAGS: Record<string, readonly [keyof ServerLimits, number, number]> = {
  'max-update-structs': ['maxUpdateStructs', 1, 10_000_000],
  'max-same-position': ['maxSameOriginSiblings', 1, 100_000],
  'max-room-structs': ['maxRoomStructs', 1, 1_000_000_000],
  'max-total-structs': ['maxTotalStructs', 1, 1_000_000_000],
  'max-unauthenticated': ['maxUnauthenticatedSockets', 1, 1_000_000],
  'max-unauthenticated-per-address': ['maxUnauthenticatedPerAddress', 1, 1_000_000],
  'auth-timeout-ms': ['authTimeoutMs', 100, 600_000],
  'max-messages-before-auth': ['maxUnauthenticatedMessages', 1, 100_000],
  'connection-rate': ['connectionMessagesPerSecond', 1, 1_000_000],
  'connection-burst': ['connectionBurst', 1, 10_000_000],
  'token-rate': ['tokenMessagesPerSecond', 1, 1_000_000],
  'token-burst': ['tokenBurst', 1, 10_000_000],
  'token-struct-rate': ['tokenStructsPerSecond', 1, 100_000_000],
  'token-struct-burst': ['tokenStructBurst', 1, 1_000_000_000],
  'revocation-grace-ms': ['revocationGraceMs', 0, 60_000],
  'structs-per-turn': ['structsPerTurn', 1, 1_000_000],
  'max-document-text-bytes': ['maxDocumentTextBytes', 1, 1_000_000_000],
  'token-text-rate': ['tokenTextRequestsPerSecond', 1, 1_000_000],
  'token-text-burst': ['tokenTextRequestBurst', 1, 10_000_000],
  'token-text-byte-rate': ['tokenTextBytesPerSecond', 1, 100_000_000_000],
  'token-text-byte-burst': ['tokenTextByteBurst', 1, 1_000_000_000_000],
  'max-text-uploads': ['maxTextUploadsInFlight', 1, 10_000],
};

const FLAGS_BY_COMMAND: Record<string, readonly string[]> = {
  serve: ['data', 'host', 'port', 'max-message-bytes', 'max-document-bytes', 'durability', 'allow-origins', 'store', 'redis', 'instance', ...Object.keys(LIMIT_FLAGS)],
  migrate: ['store'],
  'room inspect': ['data', 'project'],
  'project create': ['data', 'name', 'server-url', 'store'],
  'token create': ['data', 'project', 'label', 'server-url', 'store'],
  'token list': ['data', 'project', 'store'],
  'token revoke': ['data', 'store'],
};

/** Flags that ask for the usage text wherever they stand (the command `help` too, first). */
const HELP_FLAGS = new Set(['--help', '-h']);

interface SplitArgs {
  readonly positional: string[];
  readonly flags: Map<string, string>;
}

function splitArgs(args: readonly string[]): SplitArgs | string {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    let value: string | undefined;
    if (equals !== -1) value = arg.slice(equals + 1);
    else {
      value = args[index + 1];
      if (value === undefined || value.startsWith('--')) return `--${name} needs a value`;
      index++;
    }
    if (flags.has(name)) return `--${name} given twice`;
    flags.set(name, value);
  }
  return { positional, flags };
}

function parseCount(flag: string, value: string | undefined, min: number, max: number): number | string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) return `--${flag} must be a whole number, got "${value}"`;
  const number = Number(value);
  if (number < min || number > max) return `--${flag} must be between ${min} and ${max}`;
  return number;
}

/** Parses the arguments after `cli.ts`. */
export function parseCliArgs(args: readonly string[]): CliParseResult {
  const fail = (error: string): CliParseResult => ({ ok: false, error });
  if (args[0] === 'help' || args.some((arg) => HELP_FLAGS.has(arg))) return { ok: true, command: { kind: 'help' } };
  const split = splitArgs(args);
  if (typeof split === 'string') return fail(split);
  const { positional, flags } = split;
  const [first, second, ...rest] = positional;

  const name = first === undefined ? 'serve' : first === 'serve' || first === 'migrate' ? first : `${first} ${second ?? ''}`.trim();
  const allowed = FLAGS_BY_COMMAND[name];
  if (!allowed) return fail(`unknown command "${positional.join(' ')}" (try "help")`);
  for (const flag of flags.keys()) {
    if (!allowed.includes(flag)) return fail(`${name} does not take --${flag} (try "help")`);
  }
  const extra = name === 'serve' || name === 'migrate' ? positional.slice(first === undefined ? 0 : 1) : name === 'token revoke' ? rest.slice(1) : rest;
  if (extra.length > 0) return fail(`unexpected argument "${extra[0]}" for ${name}`);

  const dataDir = flags.get('data') ?? DEFAULT_DATA_DIR;
  if (dataDir === '') return fail('--data must not be empty');
  const serverUrl = flags.get('server-url') ?? `ws://${DEFAULT_SYNC_HOST}:${DEFAULT_SYNC_PORT}`;
  if (flags.has('server-url')) {
    const problem = checkServerUrl(serverUrl);
    if (problem) return fail(`--server-url: ${problem}`);
  }
  const store = flags.get('store') ?? null;
  if (store !== null && !/^postgres(ql)?:\/\/\S+$/i.test(store)) return fail(`--store must be a postgres:// connection string, got "${store}"`);
  const redis = flags.get('redis') ?? null;
  if (redis !== null && !/^rediss?:\/\/\S+$/i.test(redis)) return fail(`--redis must be a redis:// URL, got "${redis}"`);
  const projectId = (): ProjectId | string => {
    const value = flags.get('project');
    if (value === undefined) return `${name} needs --project ID`;
    return isProjectId(value) ? value : `--project "${value}" is not a project id (22 characters, as printed by "project create")`;
  };

  switch (name) {
    case 'serve': {
      const port = parseCount('port', flags.get('port'), 0, 65535);
      const maxMessageBytes = parseCount('max-message-bytes', flags.get('max-message-bytes'), 1024, 2 ** 31);
      const maxDocumentBytes = parseCount('max-document-bytes', flags.get('max-document-bytes'), 1024, 2 ** 40);
      for (const value of [port, maxMessageBytes, maxDocumentBytes]) if (typeof value === 'string') return fail(value);
      const durability = flags.get('durability') ?? 'process-crash';
      if (durability !== 'process-crash' && durability !== 'full') {
        return fail(`--durability must be "process-crash" or "full", got "${durability}"`);
      }
      const host = flags.get('host') ?? DEFAULT_SYNC_HOST;
      if (host === '') return fail('--host must not be empty');
      const limits: Record<string, unknown> = {};
      for (const [flag, [key, min, max]] of Object.entries(LIMIT_FLAGS)) {
        const value = parseCount(flag, flags.get(flag), min, max);
        if (typeof value === 'string') return fail(value);
        if (value !== undefined) limits[key] = value;
      }
      if (maxMessageBytes !== undefined) limits.maxMessageBytes = maxMessageBytes;
      if (maxDocumentBytes !== undefined) limits.maxDocumentBytes = maxDocumentBytes;
      const origins = flags.get('allow-origins');
      if (origins !== undefined) {
        const list = origins.split(',').map((origin) => origin.trim()).filter((origin) => origin !== '');
        const bad = list.find((origin) => !/^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i.test(origin));
        if (bad !== undefined) return fail(`--allow-origins: "${bad}" is not an origin like https://team.example.org or http://127.0.0.1:*`);
        limits.allowedOrigins = list;
      }
      if ((store === null) !== (redis === null)) return fail('--store and --redis go together (several instances share both)');
      const instance = flags.get('instance') ?? null;
      if (instance !== null && !/^[A-Za-z0-9._-]{1,64}$/.test(instance)) return fail('--instance must be 1-64 letters, digits, ".", "_" or "-"');
      if (instance !== null && store === null) return fail('--instance names one of several instances: give --store and --redis too');
      return {
        ok: true,
        command: {
          kind: 'serve',
          shared: store !== null && redis !== null ? { store, redis, instance } : null,
          dataDir,
          host,
          port: (port as number | undefined) ?? DEFAULT_SYNC_PORT,
          maxMessageBytes: maxMessageBytes as number | undefined,
          maxDocumentBytes: maxDocumentBytes as number | undefined,
          durability,
          limits: limits as Partial<ServerLimits>,
        },
      };
    }
    case 'migrate': {
      if (store === null) return fail('migrate needs --store postgres://…');
      return { ok: true, command: { kind: 'migrate', store } };
    }
    case 'room inspect': {
      const id = projectId();
      if (!isProjectId(id)) return fail(id);
      return { ok: true, command: { kind: 'room-inspect', dataDir, projectId: id } };
    }
    case 'project create': {
      const projectName = flags.get('name')?.trim();
      if (!projectName) return fail('project create needs --name NAME');
      return { ok: true, command: { kind: 'project-create', dataDir, name: projectName, serverUrl, store } };
    }
    case 'token create': {
      const id = projectId();
      if (!isProjectId(id)) return fail(id);
      return { ok: true, command: { kind: 'token-create', dataDir, projectId: id, label: flags.get('label') ?? '', serverUrl, store } };
    }
    case 'token list': {
      const id = projectId();
      if (!isProjectId(id)) return fail(id);
      return { ok: true, command: { kind: 'token-list', dataDir, projectId: id, store } };
    }
    default: {
      const tokenId = rest[0];
      if (tokenId === undefined) return fail('token revoke needs TOKEN_ID (see "token list")');
      if (!isAccessTokenId(tokenId)) return fail(`"${tokenId}" is not a token id (16 hex digits, see "token list")`);
      return { ok: true, command: { kind: 'token-revoke', dataDir, tokenId, store } };
    }
  }
}
