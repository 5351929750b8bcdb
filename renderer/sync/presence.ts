/**
 * Presence through Yjs awareness: who is online, in which colour, reading which article,
 * with which selection — as plain, versioned data.
 *
 * Each client publishes one `PresenceState` under the awareness field `presence`.
 * Selections travel as canonical-text offsets (never ProseMirror positions, which are a
 * rendering detail) and are converted back with `article.textMap.offsetToPos` by the
 * remote-selections plugin. Remote states are untrusted input: `readPresence` validates
 * every field and drops what does not fit, so a teammate on another version can never
 * break the reader. Pure: knows the awareness only through the small `AwarenessLike` view.
 */
import type { MemberId } from '#shared/model/ids.ts';

/** Awareness field under which the presence state lives. */
export const PRESENCE_FIELD = 'presence';

/** Version of the presence shape. */
export const PRESENCE_VERSION = 1;

/** A selection in an article, in canonical-text offsets (half-open). */
export interface PresenceSelection {
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
}

/** What one client tells the others. */
export interface PresenceState {
  readonly v: number;
  readonly member: { readonly id: MemberId; readonly name: string; readonly colour: string };
  /** The article open in the reader, or null (library, settings). */
  readonly documentId: string | null;
  /** The current non-empty selection, or null. */
  readonly selection: PresenceSelection | null;
}

/** A teammate (or another window of ours) seen through awareness. */
export interface Peer extends PresenceState {
  /** Awareness client id (one per Y.Doc instance). */
  readonly clientId: number;
}

/** The part of y-protocols' Awareness used here. */
export interface AwarenessLike {
  readonly clientID: number;
  getStates(): Map<number, Record<string, unknown>>;
  getLocalState(): Record<string, unknown> | null;
  setLocalStateField(field: string, value: unknown): void;
  on(event: 'change', listener: (...args: unknown[]) => void): void;
  off(event: 'change', listener: (...args: unknown[]) => void): void;
}

const COLOUR_PATTERN = /^#[0-9a-fA-F]{6}$/;
const MAX_NAME = 80;
const MAX_DOCUMENT_ID = 200;

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100_000_000;
}

/** Validates one awareness state's presence field; null when absent or malformed. */
export function readPresence(state: Record<string, unknown> | undefined): PresenceState | null {
  const value = state?.[PRESENCE_FIELD];
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (record.v !== PRESENCE_VERSION) return null;
  const member = record.member as Record<string, unknown> | null | undefined;
  if (typeof member !== 'object' || member === null) return null;
  if (typeof member.id !== 'string' || member.id === '' || typeof member.name !== 'string' || typeof member.colour !== 'string') return null;
  if (!COLOUR_PATTERN.test(member.colour)) return null;
  const documentId = typeof record.documentId === 'string' && record.documentId.length <= MAX_DOCUMENT_ID ? record.documentId : null;
  let selection: PresenceSelection | null = null;
  const raw = record.selection as Record<string, unknown> | null | undefined;
  if (typeof raw === 'object' && raw !== null && typeof raw.documentId === 'string' && isOffset(raw.start) && isOffset(raw.end) && raw.end > raw.start) {
    selection = { documentId: raw.documentId, start: raw.start, end: raw.end };
  }
  return {
    v: PRESENCE_VERSION,
    member: { id: member.id as MemberId, name: member.name.slice(0, MAX_NAME), colour: member.colour },
    documentId,
    selection,
  };
}

/** Every other client with a valid presence, ordered by name then client id. */
export function listPeers(awareness: AwarenessLike): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const presence = readPresence(state);
    if (presence !== null) peers.push({ ...presence, clientId });
  }
  return peers.sort((a, b) => a.member.name.localeCompare(b.member.name) || a.clientId - b.clientId);
}

/** Publishes (or updates) the local presence; fields left out keep their current value. */
export function publishPresence(awareness: AwarenessLike, change: Partial<Omit<PresenceState, 'v'>> & Pick<PresenceState, 'member'>): void {
  const current = readPresence(awareness.getLocalState() ?? undefined);
  const next: PresenceState = {
    v: PRESENCE_VERSION,
    member: change.member,
    documentId: change.documentId !== undefined ? change.documentId : (current?.documentId ?? null),
    selection: change.selection !== undefined ? change.selection : (current?.selection ?? null),
  };
  if (current !== null && samePresence(current, next)) return;
  awareness.setLocalStateField(PRESENCE_FIELD, next);
}

function samePresence(a: PresenceState, b: PresenceState): boolean {
  return (
    a.member.id === b.member.id &&
    a.member.name === b.member.name &&
    a.member.colour === b.member.colour &&
    a.documentId === b.documentId &&
    a.selection?.documentId === b.selection?.documentId &&
    a.selection?.start === b.selection?.start &&
    a.selection?.end === b.selection?.end
  );
}

/** Initials for an avatar: first letters of the first two words, upper-cased. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter((word) => word !== '');
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}
