/**
 * The sync state the top bar shows, as plain data, and its wording.
 *
 * `team-sync.ts` feeds raw facts (socket status, handshake done, unacknowledged changes,
 * refusal reason, last close) into `deriveSyncStatus`; `describeSyncStatus` turns the
 * result into the indicator's label and tooltip. Both are pure so every state and every
 * sentence is unit-tested without a server. Phases follow docs/architecture.md §6: offline,
 * connecting, synced, or "N unsent" (N counts what the person did — highlights, codes,
 * notes — not Yjs updates; the tooltip says it in full) — plus "refused", which must
 * never look like a silent reconnect loop: it carries the server's reason verbatim.
 */
import { REFUSAL_REASONS } from '#shared/sync/protocol.ts';

/** The socket's state as the Hocuspocus websocket reports it. */
export type SocketState = 'connecting' | 'connected' | 'disconnected';

/** What the indicator shows. */
export type SyncPhase = 'not-joined' | 'loading' | 'offline' | 'connecting' | 'synced' | 'unsynced' | 'refused';

/** Raw facts gathered from the provider and its socket. */
export interface SyncFacts {
  /** False until the local IndexedDB copy is loaded (the provider attaches after it). */
  readonly localLoaded: boolean;
  readonly socket: SocketState;
  /** The provider finished its handshake with the server since the last (re)connect. */
  readonly handshakeDone: boolean;
  /** Local changes sent but not yet acknowledged by the server (Yjs updates: the phase's input). */
  readonly unsyncedChanges: number;
  /** What the person did since the server last had everything, in items (highlights, codes, notes). */
  readonly unsentItems: number;
  /** The server's refusal reason, verbatim, while refused; null otherwise. */
  readonly refusal: string | null;
  /** When the doc was last fully acknowledged by the server (ms since epoch), if ever. */
  readonly lastSyncedAt: number | null;
  /** Why the last connection attempt or connection ended, if it did (e.g. "server unreachable"). */
  readonly lastDisconnect: string | null;
  /** When the socket last went from connected to disconnected. */
  readonly disconnectedAt: number | null;
  /** The server the sync moved away from when it last failed over to another, or null. */
  readonly switchedFrom: string | null;
}

/** The derived state. */
export interface SyncStatus extends SyncFacts {
  readonly phase: SyncPhase;
  readonly serverUrl: string | null;
}

/** Facts of a fresh connection that has not loaded yet. */
export const INITIAL_SYNC_FACTS: SyncFacts = {
  localLoaded: false,
  socket: 'disconnected',
  handshakeDone: false,
  unsyncedChanges: 0,
  unsentItems: 0,
  refusal: null,
  lastSyncedAt: null,
  lastDisconnect: null,
  disconnectedAt: null,
  switchedFrom: null,
};

/** The status when no team is joined (the indicator says "Not shared"). */
export const NOT_JOINED_STATUS: SyncStatus = { ...INITIAL_SYNC_FACTS, localLoaded: true, phase: 'not-joined', serverUrl: null };

/** Derives the phase from the facts. */
export function deriveSyncStatus(facts: SyncFacts, serverUrl: string): SyncStatus {
  let phase: SyncPhase;
  if (!facts.localLoaded) phase = 'loading';
  else if (facts.refusal !== null) phase = 'refused';
  else if (facts.socket === 'disconnected') phase = 'offline';
  else if (facts.socket === 'connecting' || !facts.handshakeDone) phase = 'connecting';
  else if (facts.unsyncedChanges > 0) phase = 'unsynced';
  else phase = 'synced';
  return { ...facts, phase, serverUrl };
}

/** Label and tooltip of the indicator. */
export interface SyncDescription {
  readonly label: string;
  readonly tooltip: string;
}

/** Short words for the label: "3 unsent" (or "unsent changes" when the count is unknown, e.g. after a reload). */
function unsent(status: SyncStatus): string {
  return status.unsentItems > 0 ? `${status.unsentItems.toLocaleString('en')} unsent` : 'unsent changes';
}

/** The tooltip's sentence about unsent work. */
function unsentSentence(status: SyncStatus): string {
  if (status.unsentItems === 0) return 'Some changes are not yet on the server.';
  const count = status.unsentItems;
  return `${count.toLocaleString('en')} change${count === 1 ? '' : 's'} (highlights, codes, notes) not yet on the server.`;
}

/** "12:04:31 (3 min ago)" style wording of a past instant. */
export function describeWhen(at: number, now: number): string {
  const clock = new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  let ago: string;
  if (seconds < 5) ago = 'just now';
  else if (seconds < 60) ago = `${seconds} s ago`;
  else if (seconds < 3600) ago = `${Math.round(seconds / 60)} min ago`;
  else if (seconds < 86_400) ago = `${Math.round(seconds / 3600)} h ago`;
  else ago = `${Math.round(seconds / 86_400)} days ago`;
  return `${clock} (${ago})`;
}

function refusalAdvice(reason: string): string {
  if (reason === REFUSAL_REASONS.tokenRevoked) return 'Your access was revoked. Ask a teammate for a new invite and join again in Team settings.';
  if (reason === REFUSAL_REASONS.unknownToken || reason === REFUSAL_REASONS.tokenRequired) return 'The server does not know this token. Check the invite, or ask for a new one.';
  if (reason === REFUSAL_REASONS.wrongProject) return 'This token opens a different project. Ask for an invite to this project.';
  return 'Ask the person who runs the server, or join again in Team settings.';
}

/** Words for the indicator. `now` is injectable for tests. */
export function describeSyncStatus(status: SyncStatus, now = Date.now()): SyncDescription {
  const lines: string[] = [];
  if (status.serverUrl !== null) {
    lines.push(status.switchedFrom === null ? `Server: ${status.serverUrl}` : `Server: ${status.serverUrl} (switched from ${status.switchedFrom}, which stopped answering)`);
  }
  lines.push(status.lastSyncedAt === null ? 'Never synced with the server yet.' : `Last synced ${describeWhen(status.lastSyncedAt, now)}.`);
  let label: string;
  switch (status.phase) {
    case 'not-joined':
      return { label: 'Not shared', tooltip: 'This project lives on this computer only. Join a team in Team settings to sync it.' };
    case 'loading':
      label = 'Opening…';
      lines.unshift('Loading the local copy before connecting.');
      break;
    case 'refused':
      label = `Token refused: ${status.refusal ?? 'unknown reason'}`;
      lines.unshift(`The server refused the access token: ${status.refusal ?? 'unknown reason'}.`, refusalAdvice(status.refusal ?? ''));
      break;
    case 'offline':
      label = status.unsyncedChanges > 0 || status.unsentItems > 0 ? `Offline · ${unsent(status)}` : 'Offline';
      if (label !== 'Offline') lines.unshift(unsentSentence(status));
      lines.unshift(
        `Not connected: ${status.lastDisconnect ?? 'server unreachable'}${status.disconnectedAt === null ? '' : ` since ${describeWhen(status.disconnectedAt, now)}`}. Retrying on its own; your work is kept on this computer.`,
      );
      break;
    case 'connecting':
      label = 'Connecting…';
      // Retrying flips between offline and connecting: unsent work is said in both.
      if (status.unsyncedChanges > 0 || status.unsentItems > 0) lines.unshift(unsentSentence(status));
      if (status.lastDisconnect !== null) lines.unshift(`Reconnecting after: ${status.lastDisconnect}.`);
      break;
    case 'unsynced':
      label = status.unsentItems > 0 ? unsent(status) : 'Sending…';
      lines.unshift('Connected; sending your changes.', unsentSentence(status));
      break;
    case 'synced':
      label = 'Synced';
      lines.unshift('Connected; every change is on the server.');
      break;
  }
  return { label, tooltip: lines.join('\n') };
}
