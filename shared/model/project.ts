/**
 * Project meta and members.
 *
 * `createProject` is an explicit, once-per-project user action (never run on each client at
 * startup, which would duplicate shared content on merge): it stamps the project id, name
 * and schema version. Members are coarse plain values (a member edits only their own
 * name/colour, whole), keyed by MemberId.
 */
import type * as Y from 'yjs';
import type { MemberId, ProjectId } from './ids.ts';
import { META, roots, type MemberRecord } from './layout.ts';
import { readString, readTime, type SkipLog } from './read-guards.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { write, type Actor } from './write.ts';

/** Project meta as read. */
export type ProjectMeta = {
  readonly id: ProjectId | undefined;
  readonly name: string;
  readonly schema: { readonly major: number; readonly minor: number } | undefined;
  readonly updatedBy: MemberId | undefined;
  readonly updatedAt: number | undefined;
};

/** A member as read. */
export type MemberView = { readonly id: MemberId; readonly name: string; readonly colour: string; readonly joinedAt: number };

/** Creates the project: id, name, schema version. Call once, from the user who creates the project. */
export function createProject(doc: Y.Doc, actor: Actor, input: { readonly name: string; readonly id?: ProjectId }): ProjectId {
  return write(doc, actor, ({ member, at, newId }) => {
    const meta = roots(doc).meta;
    const existing = meta.get(META.id);
    if (typeof existing === 'string') throw new Error('this doc already holds a project');
    const id = input.id ?? (newId() as ProjectId);
    meta.set(META.id, id);
    meta.set(META.name, input.name);
    meta.set(META.major, SCHEMA_VERSION.major);
    meta.set(META.minor, SCHEMA_VERSION.minor);
    meta.set(META.updatedBy, member);
    meta.set(META.updatedAt, at);
    return id;
  });
}

/** Renames the project. */
export function renameProject(doc: Y.Doc, actor: Actor, name: string): void {
  write(doc, actor, ({ member, at }) => {
    const meta = roots(doc).meta;
    meta.set(META.name, name);
    meta.set(META.updatedBy, member);
    meta.set(META.updatedAt, at);
  });
}

/** Reads the project meta. */
export function getProjectMeta(doc: Y.Doc): ProjectMeta {
  const meta = roots(doc).meta;
  const id = meta.get(META.id);
  const major = meta.get(META.major);
  const minor = meta.get(META.minor);
  const name = meta.get(META.name);
  const updatedBy = meta.get(META.updatedBy);
  const updatedAt = meta.get(META.updatedAt);
  return {
    id: typeof id === 'string' ? (id as ProjectId) : undefined,
    name: typeof name === 'string' ? name : '',
    schema: typeof major === 'number' ? { major, minor: typeof minor === 'number' ? minor : 0 } : undefined,
    updatedBy: typeof updatedBy === 'string' ? (updatedBy as MemberId) : undefined,
    updatedAt: typeof updatedAt === 'number' ? updatedAt : undefined,
  };
}

/** Adds or updates the acting member's own profile (name and colour). */
export function setMember(doc: Y.Doc, actor: Actor, profile: { readonly name: string; readonly colour: string }): void {
  write(doc, actor, ({ member, at }) => {
    const members = roots(doc).members;
    const previous: unknown = members.get(member);
    const joined = typeof previous === 'object' && previous !== null ? readTime((previous as { a?: unknown }).a) : undefined;
    const record: MemberRecord = { n: profile.name, c: profile.colour, a: joined ?? at };
    members.set(member, record);
  });
}

/** Colour of a member whose stored colour cannot be read. */
export const UNKNOWN_MEMBER_COLOUR = '#808080';

/**
 * A stored member record as read, or undefined if it is not a record at all; a missing or
 * wrong-typed name reads as '', colour as {@link UNKNOWN_MEMBER_COLOUR}, joined time as 0.
 */
export function readMember(id: MemberId, record: unknown): MemberView | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const { n, c, a } = record as { n?: unknown; c?: unknown; a?: unknown };
  return { id, name: readString(n) ?? '', colour: readString(c) ?? UNKNOWN_MEMBER_COLOUR, joinedAt: readTime(a) ?? 0 };
}

/** All members, sorted by name then id; records that are not members go to `skipped`. */
export function listMembers(doc: Y.Doc, skipped?: SkipLog): MemberView[] {
  const out: MemberView[] = [];
  roots(doc).members.forEach((record: unknown, id) => {
    const member = readMember(id as MemberId, record);
    if (member) out.push(member);
    else skipped?.skip('member', id, 'not a member record');
  });
  return out.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
