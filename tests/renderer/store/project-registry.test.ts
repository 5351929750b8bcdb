/**
 * The project list: the personal and team projects are always listed, the active project
 * is never in the trash, an unreadable stored value is rebuilt rather than thrown, and
 * removing, restoring and deleting follow their rules.
 */
import { describe, expect, it } from 'vitest';
import type { ProjectId } from '#shared/model/ids.ts';
import {
  activateProject, addProject, findProject, forgetProject, PROJECTS_KEY, readProjectList, restoreProject, summarizeProject, trashProject, writeProjectList,
} from '../../../renderer/store/project-registry.ts';

const personal = 'personalAAAAAAAAAAAAAA' as ProjectId;
const team = 'teamBBBBBBBBBBBBBBBBBB' as ProjectId;
const other = 'otherCCCCCCCCCCCCCCCCC' as ProjectId;

function memoryStore(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
}

describe('project list', () => {
  it('lists the personal project and opens it before any choice; the team project wins when joined', () => {
    expect(readProjectList(memoryStore(), { personal, team: null })).toMatchObject({ active: personal, projects: [{ id: personal, origin: 'personal', trashedAt: null }] });
    const joined = readProjectList(memoryStore(), { personal, team });
    expect(joined.active).toBe(team);
    expect(joined.projects.map((entry) => entry.origin)).toEqual(['personal', 'team']);
  });

  it('keeps the chosen active project, summaries and the trash across reads', () => {
    const store = memoryStore();
    let list = addProject(readProjectList(store, { personal, team }), { id: other, origin: 'created' });
    list = activateProject(list, other);
    list = summarizeProject(list, other, { name: 'Pipelines', members: ['Ana'], highlights: 3, codes: 2, notes: 3, replies: 1, lastChange: 5 });
    list = trashProject(list, team, 99);
    writeProjectList(store, list);
    const again = readProjectList(store, { personal, team });
    expect(again.active).toBe(other);
    expect(findProject(again, other)?.summary).toEqual({ name: 'Pipelines', members: ['Ana'], highlights: 3, codes: 2, notes: 3, replies: 1, lastChange: 5 });
    expect(findProject(again, team)?.trashedAt).toBe(99);
  });

  it('reads a summary stored before replies were counted apart as having none', () => {
    const store = memoryStore();
    let list = addProject(readProjectList(store, { personal, team }), { id: other, origin: 'created' });
    list = summarizeProject(list, other, { name: 'Pipelines', members: [], highlights: 3, codes: 2, notes: 4, replies: 1, lastChange: 5 });
    writeProjectList(store, list);
    // What an earlier version stored: no `replies` key.
    const stored = store.getItem(PROJECTS_KEY) ?? '';
    expect(stored).toContain('"replies":1');
    store.setItem(PROJECTS_KEY, stored.replace(',"replies":1', ''));
    expect(findProject(readProjectList(store, { personal, team }), other)?.summary).toMatchObject({ notes: 4, replies: 0 });
  });

  it('refuses to remove the open project and to delete one not in the trash', () => {
    const list = addProject(readProjectList(memoryStore(), { personal, team: null }), { id: other, origin: 'file' });
    expect(() => trashProject(list, personal)).toThrow('switch to another project first');
    expect(() => forgetProject(list, other)).toThrow('only a project in the trash');
    const trashed = trashProject(list, other);
    expect(findProject(restoreProject(trashed, other), other)?.trashedAt).toBeNull();
    expect(findProject(forgetProject(trashed, other), other)).toBeUndefined();
  });

  it('rebuilds an unreadable list and never opens a project in the trash', () => {
    expect(readProjectList(memoryStore({ [PROJECTS_KEY]: '{not json' }), { personal, team: null }).active).toBe(personal);
    const stored = { active: other, projects: [{ id: other, origin: 'file', trashedAt: 3, summary: {} }, { id: 'x', origin: 'alien' }] };
    const list = readProjectList(memoryStore({ [PROJECTS_KEY]: JSON.stringify(stored) }), { personal, team: null });
    expect(list.active).toBe(personal);
    expect(list.projects.map((entry) => entry.id)).toEqual([other, personal]);
  });
});
