/**
 * The projects on this machine: the personal project, each team project joined, each
 * project created here or opened from a file; which one is active; which are in the trash.
 *
 * Each project is its own Y.Doc with its own IndexedDB database (project-session.ts); this
 * list only names them. It keeps a cached summary per project (name, members, counts, last
 * change), refreshed from the open project's doc (project-summary.ts), so the switcher
 * lists every project without opening every database. The list lives in localStorage
 * (a `KeyValueStore`, so Node tests run without a DOM) as one versioned JSON value; an
 * unreadable value is rebuilt from what is known (the personal and the team project), never
 * thrown at the person. The active project can never be in the trash, so there is always a
 * project to open.
 */
import type { ProjectId } from '#shared/model/ids.ts';
import type { KeyValueStore } from './identity.ts';

/** localStorage key of the list (versioned so a future shape can migrate). */
export const PROJECTS_KEY = 'marginalia.projects.v1';

/** How a project came to be on this machine. */
export type ProjectOrigin = 'personal' | 'team' | 'created' | 'file';

/** What the switcher shows of a project without opening it. */
export interface ProjectSummary {
  readonly name: string;
  /** Display names of the project's members. */
  readonly members: readonly string[];
  readonly highlights: number;
  readonly codes: number;
  /** Notes and their replies together (the figure merges and `marginalia project info` give). */
  readonly notes: number;
  /** How many of {@link notes} are replies (0 in summaries stored before replies were counted apart). */
  readonly replies: number;
  /** Time of the last change seen (ms), or null before any. */
  readonly lastChange: number | null;
}

/** One project on this machine. */
export interface ProjectEntry {
  readonly id: ProjectId;
  readonly origin: ProjectOrigin;
  readonly summary: ProjectSummary;
  /** When it was moved to the trash (ms), or null. */
  readonly trashedAt: number | null;
}

/** The whole list. */
export interface ProjectList {
  readonly active: ProjectId;
  readonly projects: readonly ProjectEntry[];
}

/** The projects known without the list: the personal project and the team project joined. */
export interface KnownProjects {
  readonly personal: ProjectId;
  readonly team: ProjectId | null;
}

/** A summary with nothing in it yet (a project not opened since it was added). */
export const EMPTY_SUMMARY: ProjectSummary = { name: '', members: [], highlights: 0, codes: 0, notes: 0, replies: 0, lastChange: null };

const ORIGINS: ReadonlySet<string> = new Set(['personal', 'team', 'created', 'file']);

function readSummary(value: unknown): ProjectSummary {
  if (typeof value !== 'object' || value === null) return EMPTY_SUMMARY;
  const record = value as Record<string, unknown>;
  const count = (key: string): number => (typeof record[key] === 'number' && Number.isFinite(record[key]) ? (record[key] as number) : 0);
  return {
    name: typeof record.name === 'string' ? record.name : '',
    members: Array.isArray(record.members) ? record.members.filter((name): name is string => typeof name === 'string') : [],
    highlights: count('highlights'),
    codes: count('codes'),
    notes: count('notes'),
    replies: Math.min(count('replies'), count('notes')),
    lastChange: typeof record.lastChange === 'number' ? record.lastChange : null,
  };
}

function readEntry(value: unknown): ProjectEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id === '' || typeof record.origin !== 'string' || !ORIGINS.has(record.origin)) return null;
  return {
    id: record.id as ProjectId,
    origin: record.origin as ProjectOrigin,
    summary: readSummary(record.summary),
    trashedAt: typeof record.trashedAt === 'number' ? record.trashedAt : null,
  };
}

/** The stored record as written, and its readable entries (first of each id), in order. */
function readStored(store: KeyValueStore): { readonly record: Record<string, unknown>; readonly projects: ProjectEntry[] } {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(store.getItem(PROJECTS_KEY) ?? 'null');
  } catch {
    parsed = null;
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const projects: ProjectEntry[] = [];
  for (const value of Array.isArray(record.projects) ? record.projects : []) {
    const entry = readEntry(value);
    if (entry !== null && !projects.some((existing) => existing.id === entry.id)) projects.push(entry);
  }
  return { record, projects };
}

/**
 * The stored list, completed with the known projects (added if missing) and with an active
 * project that exists and is not in the trash (else the team project, else the personal one).
 */
export function readProjectList(store: KeyValueStore, known: KnownProjects): ProjectList {
  const { record, projects } = readStored(store);
  const ensure = (id: ProjectId, origin: ProjectOrigin): void => {
    if (!projects.some((entry) => entry.id === id)) projects.push({ id, origin, summary: EMPTY_SUMMARY, trashedAt: null });
  };
  ensure(known.personal, 'personal');
  if (known.team !== null) ensure(known.team, 'team');
  const usable = (id: unknown): id is ProjectId => projects.some((entry) => entry.id === id && entry.trashedAt === null);
  const fallback = known.team !== null && usable(known.team) ? known.team : known.personal;
  const active = usable(record.active) ? record.active : fallback;
  if (!usable(active)) {
    // The fallback itself was trashed: restore it rather than open nothing.
    const index = projects.findIndex((entry) => entry.id === active);
    projects[index] = { ...(projects[index] as ProjectEntry), trashedAt: null };
  }
  return { active, projects };
}

/**
 * The name a project without one of its own is shown by, stamped with by its first write
 * (store/local-actor.ts) and saved under: what it is.
 */
export function unnamedProjectName(origin: ProjectOrigin): string {
  return origin === 'personal' ? 'Personal project' : origin === 'team' ? 'Team project' : 'Unnamed project';
}

/** How project `id` came to this machine, as the stored list says, or undefined when it does not list it. */
export function storedProjectOrigin(store: KeyValueStore, id: ProjectId): ProjectOrigin | undefined {
  return readStored(store).projects.find((entry) => entry.id === id)?.origin;
}

/** Stores `list`. */
export function writeProjectList(store: KeyValueStore, list: ProjectList): void {
  store.setItem(PROJECTS_KEY, JSON.stringify(list));
}

/** The entry of `id`, or undefined. */
export function findProject(list: ProjectList, id: ProjectId): ProjectEntry | undefined {
  return list.projects.find((entry) => entry.id === id);
}

function replace(list: ProjectList, id: ProjectId, change: (entry: ProjectEntry) => ProjectEntry): ProjectList {
  if (findProject(list, id) === undefined) throw new Error(`no project ${id} on this computer`);
  return { ...list, projects: list.projects.map((entry) => (entry.id === id ? change(entry) : entry)) };
}

/** Adds a project (or takes it back out of the trash when it is already listed). */
export function addProject(list: ProjectList, entry: { id: ProjectId; origin: ProjectOrigin; summary?: ProjectSummary }): ProjectList {
  if (findProject(list, entry.id) !== undefined) return replace(list, entry.id, (existing) => ({ ...existing, trashedAt: null }));
  return { ...list, projects: [...list.projects, { id: entry.id, origin: entry.origin, summary: entry.summary ?? EMPTY_SUMMARY, trashedAt: null }] };
}

/** Makes `id` the active project (a project in the trash is restored first). */
export function activateProject(list: ProjectList, id: ProjectId): ProjectList {
  return { ...replace(list, id, (entry) => ({ ...entry, trashedAt: null })), active: id };
}

/** Moves `id` to the trash; the active project cannot be (switch first). */
export function trashProject(list: ProjectList, id: ProjectId, now = Date.now()): ProjectList {
  if (list.active === id) throw new Error('the open project cannot be removed: switch to another project first');
  return replace(list, id, (entry) => ({ ...entry, trashedAt: now }));
}

/** Takes `id` out of the trash. */
export function restoreProject(list: ProjectList, id: ProjectId): ProjectList {
  return replace(list, id, (entry) => ({ ...entry, trashedAt: null }));
}

/** Drops `id` from the list (its data is deleted by the caller); only a project in the trash. */
export function forgetProject(list: ProjectList, id: ProjectId): ProjectList {
  const entry = findProject(list, id);
  if (entry === undefined) return list;
  if (entry.trashedAt === null) throw new Error('only a project in the trash can be deleted');
  return { ...list, projects: list.projects.filter((candidate) => candidate.id !== id) };
}

/** Records a fresh summary of `id`. */
export function summarizeProject(list: ProjectList, id: ProjectId, summary: ProjectSummary): ProjectList {
  return replace(list, id, (entry) => ({ ...entry, summary }));
}

/** Whether two summaries say the same (so an unchanged refresh writes nothing). */
export function sameSummary(a: ProjectSummary, b: ProjectSummary): boolean {
  return a.name === b.name && a.highlights === b.highlights && a.codes === b.codes && a.notes === b.notes && a.replies === b.replies && a.lastChange === b.lastChange && a.members.join('\n') === b.members.join('\n');
}
