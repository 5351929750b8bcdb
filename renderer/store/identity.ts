/**
 * Who is using this copy of the app, and which local project it opens.
 *
 * The member id is created once per browser profile (Electron keeps one profile per app
 * origin) and stored in localStorage beside the display name and colour the first-run
 * dialog asked for: ids are never derived from names, so renaming yourself changes
 * nothing already recorded. The local project id is likewise created once and kept, so a
 * reload reopens the same Y.Doc from IndexedDB.
 *
 * Storage is injectable (`KeyValueStore`) so Node tests run without a DOM.
 */
import { newId, type MemberId, type ProjectId } from '#shared/model/ids.ts';

/** The part of `Storage` used here. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The local person's profile. */
export interface LocalMember {
  readonly id: MemberId;
  readonly name: string;
  readonly colour: string;
}

/** localStorage keys (versioned so a future shape can migrate). */
export const IDENTITY_KEYS = { member: 'marginalia.member.v1', project: 'marginalia.project.v1' } as const;

/** Colours offered on first run: distinct, readable as presence cursors and author dots. */
export const MEMBER_COLOURS = ['#d1495b', '#edae49', '#00798c', '#30638e', '#6a4c93', '#2a9d8f', '#e76f51', '#4f772d'] as const;

/** What people call each of {@link MEMBER_COLOURS}, in the same order (swatches are named, not numbered). */
export const MEMBER_COLOUR_NAMES = ['Crimson', 'Amber', 'Teal', 'Blue', 'Purple', 'Green', 'Coral', 'Olive'] as const;

function isMemberRecord(value: unknown): value is { id: string; name: string; colour: string } {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.id === 'string' && typeof record.name === 'string' && typeof record.colour === 'string';
}

/** The stored profile, or null before first run (or if the stored value is unreadable). */
export function loadLocalMember(store: KeyValueStore): LocalMember | null {
  const raw = store.getItem(IDENTITY_KEYS.member);
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!isMemberRecord(parsed) || parsed.name.trim() === '') return null;
    return { id: parsed.id as MemberId, name: parsed.name, colour: parsed.colour };
  } catch {
    return null;
  }
}

/**
 * Stores the profile. The id is kept from any earlier profile (even an unreadable one with
 * a readable id is replaced only if absent), so changing name or colour never forks a person.
 */
export function saveLocalMember(store: KeyValueStore, profile: { readonly name: string; readonly colour: string }): LocalMember {
  const name = profile.name.trim();
  if (name === '') throw new Error('a display name is required');
  const previous = loadLocalMember(store);
  const member: LocalMember = { id: previous?.id ?? (newId() as MemberId), name, colour: profile.colour };
  store.setItem(IDENTITY_KEYS.member, JSON.stringify(member));
  return member;
}

/** The local project id, created on first call and kept. */
export function localProjectId(store: KeyValueStore): ProjectId {
  const existing = store.getItem(IDENTITY_KEYS.project);
  if (existing !== null && existing !== '') return existing as ProjectId;
  const id = newId() as ProjectId;
  store.setItem(IDENTITY_KEYS.project, id);
  return id;
}
