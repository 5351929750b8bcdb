/**
 * Team invites: one pasteable link carrying everything a teammate needs to join a project.
 *
 *   marginalia://join?server=ws%3A%2F%2F127.0.0.1%3A4455&project=<projectId>&token=<token>
 *
 * A person who runs the server creates a token and shares this link; a teammate pastes it
 * once. A deployment of several instances lists each with its own `server=` parameter
 * (`server=wss://a…&server=wss://b…`): the app connects to the first and moves to the next
 * when one stops answering (docs/architecture.md §6). Links with one server keep working. Parsing is strict and returns a value (never throws) with one clear sentence per
 * problem, because the input comes from a clipboard. Only `ws:` and `wss:` server URLs
 * are accepted, without credentials, query or fragment. Pure: uses only the global URL
 * and URLSearchParams, which every runtime here provides.
 */
import type { ProjectId } from '../model/ids.ts';
import { parseAccessToken } from './access-token.ts';
import { isProjectId } from './rooms.ts';

/** Minimal views of the WHATWG URL globals (browsers, Node, Electron); shared code has no DOM or Node lib. */
declare class URL {
  constructor(input: string);
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly search: string;
  readonly hash: string;
}
declare class URLSearchParams {
  constructor(init?: string | Record<string, string>);
  get(name: string): string | null;
  getAll(name: string): string[];
  toString(): string;
}

/** Most servers one invite may list. */
export const MAX_INVITE_SERVERS = 8;

/** The servers of an invite in order: `serverUrls`, or `serverUrl` alone. */
export function inviteServers(invite: Pick<Invite, 'serverUrl' | 'serverUrls'>): readonly string[] {
  return invite.serverUrls !== undefined && invite.serverUrls.length > 0 ? invite.serverUrls : [invite.serverUrl];
}

/** Scheme and path of invite links. */
export const INVITE_PREFIX = 'marginalia://join';

/** What an invite carries. */
export interface Invite {
  /** Websocket URL of the sync server, e.g. `ws://127.0.0.1:4455` or `wss://sync.example.org`. */
  readonly serverUrl: string;
  /** Every server of the deployment in order of preference, `serverUrl` first; absent for one server. */
  readonly serverUrls?: readonly string[];
  /** The project to join. */
  readonly projectId: ProjectId;
  /** The access token (see access-token.ts). */
  readonly token: string;
}

/** Result of parsing an invite: the invite, or one sentence saying what is wrong. */
export type InviteParseResult =
  | { readonly ok: true; readonly invite: Invite }
  | { readonly ok: false; readonly error: string };

/** Checks a server URL; returns an error sentence or null when it is acceptable. */
export function checkServerUrl(serverUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return `the server address "${serverUrl}" is not a URL`;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    return `the server address must start with ws:// or wss://, not ${url.protocol}//`;
  }
  if (url.username || url.password) return 'the server address must not contain a user name or password';
  if (url.search || url.hash) return 'the server address must not contain a query or fragment';
  if (!url.hostname) return 'the server address has no host';
  return null;
}

/** Builds the invite link. Throws if a part is malformed (a programming error, not user input). */
export function encodeInvite(invite: Invite): string {
  const servers = inviteServers(invite);
  const problem =
    servers.map(checkServerUrl).find((found) => found !== null) ??
    (isProjectId(invite.projectId) ? null : 'the project id is malformed') ??
    (parseAccessToken(invite.token) ? null : 'the token is malformed');
  if (problem) throw new Error(`cannot build invite: ${problem}`);
  const query = new URLSearchParams({ project: invite.projectId, token: invite.token });
  const serverParams = servers.map((server) => new URLSearchParams({ server }).toString()).join('&');
  return `${INVITE_PREFIX}?${serverParams}&${query.toString()}`;
}

/** Parses a pasted invite link (surrounding whitespace is ignored). Never throws. */
export function parseInvite(text: string): InviteParseResult {
  const trimmed = text.trim();
  const fail = (error: string): InviteParseResult => ({ ok: false, error });
  if (trimmed === '') return fail('the invite is empty');
  if (!trimmed.startsWith(`${INVITE_PREFIX}?`)) {
    return fail(`an invite starts with ${INVITE_PREFIX}? — this text does not`);
  }
  const query = new URLSearchParams(trimmed.slice(INVITE_PREFIX.length + 1));
  for (const key of ['server', 'project', 'token'] as const) {
    const values = query.getAll(key);
    if (values.length === 0 || values[0] === '') return fail(`the invite has no ${key}`);
    if (values.length > 1 && key !== 'server') return fail(`the invite has more than one ${key}`);
  }
  const servers = query.getAll('server');
  if (servers.length > MAX_INVITE_SERVERS) return fail(`the invite lists more than ${MAX_INVITE_SERVERS} servers`);
  if (new Set(servers).size !== servers.length) return fail('the invite lists a server twice');
  for (const server of servers.slice(1)) {
    const problem = checkServerUrl(server);
    if (problem) return fail(problem);
  }
  const serverUrl = servers[0] ?? '';
  const projectId = query.get('project') ?? '';
  const token = query.get('token') ?? '';
  const serverProblem = checkServerUrl(serverUrl);
  if (serverProblem) return fail(serverProblem);
  if (!isProjectId(projectId)) return fail('the project id in the invite is malformed (was the link cut short?)');
  if (!parseAccessToken(token)) return fail('the token in the invite is malformed (was the link cut short?)');
  return { ok: true, invite: { serverUrl, ...(servers.length > 1 ? { serverUrls: servers } : {}), projectId, token } };
}
