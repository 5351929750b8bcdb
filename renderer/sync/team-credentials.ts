/**
 * Team credentials: which sync server, project and token this copy of the app uses, kept
 * in localStorage (docs/architecture.md §6: a teammate pastes the invite once).
 *
 * Two ways in, one validation: a pasted invite link (`parseInvite`) or three fields typed
 * by hand (`validateTeamFields`), both ending as the same `Invite`. Validation returns one
 * clear sentence per field so the Team dialog can show it next to that field. Storage is
 * injectable (`KeyValueStore`) so Node tests run without a DOM; a stored value that no
 * longer validates is treated as absent (never half-used).
 */
import type { ProjectId } from '#shared/model/ids.ts';
import { parseAccessToken } from '#shared/sync/access-token.ts';
import { checkServerUrl, parseInvite, type Invite } from '#shared/sync/invite.ts';
import { isProjectId } from '#shared/sync/rooms.ts';
import type { KeyValueStore } from '../store/identity.ts';

/** localStorage key of the team credentials (versioned). */
export const TEAM_CREDENTIALS_KEY = 'marginalia.team.v1';

/** What the app keeps to reconnect to its team project. */
export interface TeamCredentials extends Invite {
  /** When the person joined (ms since epoch). */
  readonly joinedAt: number;
}

/** Storage that can also forget a key. */
export interface RemovableStore extends KeyValueStore {
  removeItem(key: string): void;
}

/** The three hand-typed fields of the Team dialog. */
export interface TeamFields {
  readonly serverUrl: string;
  readonly projectId: string;
  readonly token: string;
}

/** Per-field problems (absent field = fine). */
export type TeamFieldErrors = Partial<Record<keyof TeamFields, string>>;

/** Result of validating hand-typed fields. */
export type TeamFieldsResult =
  | { readonly ok: true; readonly invite: Invite }
  | { readonly ok: false; readonly errors: TeamFieldErrors };

/** Validates hand-typed server, project and token; trims surrounding whitespace. */
export function validateTeamFields(fields: TeamFields): TeamFieldsResult {
  const serverUrl = fields.serverUrl.trim();
  const projectId = fields.projectId.trim();
  const token = fields.token.trim();
  const errors: { -readonly [K in keyof TeamFields]?: string } = {};
  if (serverUrl === '') errors.serverUrl = 'Enter the server address (ws://… or wss://…).';
  else {
    const problem = checkServerUrl(serverUrl);
    if (problem !== null) errors.serverUrl = `${capitalise(problem)}.`;
  }
  if (projectId === '') errors.projectId = 'Enter the project id from the invite.';
  else if (!isProjectId(projectId)) errors.projectId = 'This is not a project id (22 letters, digits, - or _).';
  if (token === '') errors.token = 'Enter the access token.';
  else if (parseAccessToken(token) === null) errors.token = 'This is not an access token (it starts with mgt1.).';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, invite: { serverUrl, projectId: projectId as ProjectId, token } };
}

/** Parses a pasted invite link into an `Invite` or one sentence for the person. */
export function validateInviteText(text: string): { readonly ok: true; readonly invite: Invite } | { readonly ok: false; readonly error: string } {
  const parsed = parseInvite(text);
  return parsed.ok ? parsed : { ok: false, error: `${capitalise(parsed.error)}.` };
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The stored credentials, or null when not joined (or the stored value is unusable). */
export function loadTeamCredentials(store: KeyValueStore): TeamCredentials | null {
  const raw = store.getItem(TEAM_CREDENTIALS_KEY);
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const record = value as Record<string, unknown>;
    const fields = validateTeamFields({
      serverUrl: typeof record.serverUrl === 'string' ? record.serverUrl : '',
      projectId: typeof record.projectId === 'string' ? record.projectId : '',
      token: typeof record.token === 'string' ? record.token : '',
    });
    if (!fields.ok) return null;
    const serverUrls = Array.isArray(record.serverUrls) ? record.serverUrls.filter((url): url is string => typeof url === 'string' && checkServerUrl(url) === null) : [];
    return {
      ...fields.invite,
      ...(serverUrls.length > 1 && serverUrls[0] === fields.invite.serverUrl ? { serverUrls } : {}),
      joinedAt: typeof record.joinedAt === 'number' ? record.joinedAt : 0,
    };
  } catch {
    return null;
  }
}

/** Stores the credentials of a validated invite; returns what was stored. */
export function saveTeamCredentials(store: KeyValueStore, invite: Invite, now = Date.now()): TeamCredentials {
  const credentials: TeamCredentials = {
    serverUrl: invite.serverUrl,
    ...(invite.serverUrls !== undefined && invite.serverUrls.length > 1 ? { serverUrls: invite.serverUrls } : {}),
    projectId: invite.projectId,
    token: invite.token,
    joinedAt: now,
  };
  store.setItem(TEAM_CREDENTIALS_KEY, JSON.stringify(credentials));
  return credentials;
}

/** Forgets the credentials (leaving the team). Local project data is untouched. */
export function forgetTeamCredentials(store: RemovableStore): void {
  store.removeItem(TEAM_CREDENTIALS_KEY);
}
