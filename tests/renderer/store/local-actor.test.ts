/**
 * The local actor: no writes before first run; the profile is recorded in the project once
 * it has loaded (under the bookkeeping origin, so undo never removes it); the first write
 * stamps the project with the session's id and the name it was shown by; undo and redo
 * touch only this person's edits.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectId } from '#shared/model/ids.ts';
import { getMember } from '#shared/model/members.ts';
import { getProjectMeta } from '#shared/model/project.ts';
import { listTags } from '#shared/model/queries.ts';
import { createTag } from '#shared/model/tags.ts';
import { IDENTITY_KEYS } from '../../../renderer/store/identity.ts';
import { createLocalActor } from '../../../renderer/store/local-actor.ts';
import { PROJECTS_KEY } from '../../../renderer/store/project-registry.ts';
import { closeProjectSession, getProjectSession } from '../../../renderer/store/project-session.ts';

function memoryStore() {
  const values = new Map<string, string>();
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
}

const opened: ProjectId[] = [];
function session(id: string) {
  opened.push(id as ProjectId);
  return getProjectSession(id as ProjectId, { indexedDB: null, lifecycleTarget: null });
}
afterEach(async () => {
  for (const id of opened.splice(0)) await closeProjectSession(id);
});

describe('local actor', () => {
  it('refuses to write before first run, then records the profile and stamps the project on the first write', async () => {
    const project = session('local-actor-1');
    const storage = memoryStore();
    // The machine's own project, which the switcher shows as "Personal project" until it is renamed.
    storage.setItem(IDENTITY_KEYS.project, 'local-actor-1');
    const person = createLocalActor(storage, project);
    expect(person.member()).toBeNull();
    expect(() => person.actor()).toThrow(/display name/);
    await project.whenLoaded;
    person.projectLoaded();
    const member = person.setProfile({ name: ' Leyla ', colour: '#00798c' });
    expect(member.name).toBe('Leyla');
    expect(getMember(project.doc, member.id)).toMatchObject({ name: 'Leyla', colour: '#00798c' });
    expect(getProjectMeta(project.doc).id).toBeUndefined();
    const actor = person.actor();
    expect(actor.member).toBe(member.id);
    expect(getProjectMeta(project.doc)).toMatchObject({ id: 'local-actor-1', name: 'Personal project' });
  });

  it('stamps a project with the name the list shows it by: a joined team project as "Team project"', async () => {
    const project = session('local-actor-team');
    const storage = memoryStore();
    storage.setItem(PROJECTS_KEY, JSON.stringify({ active: 'local-actor-team', projects: [{ id: 'local-actor-team', origin: 'team', summary: {}, trashedAt: null }] }));
    const person = createLocalActor(storage, project);
    await project.whenLoaded;
    person.projectLoaded();
    person.setProfile({ name: 'Leyla', colour: '#00798c' });
    expect(person.projectName()).toBe('Team project');
    person.actor();
    expect(getProjectMeta(project.doc).name).toBe('Team project');
  });

  it('undo and redo act on the person’s own edits and never on the profile or the project stamp', async () => {
    const project = session('local-actor-2');
    const storage = memoryStore();
    await project.whenLoaded;
    const person = createLocalActor(storage, project);
    const member = person.setProfile({ name: 'Babak', colour: '#30638e' });
    createTag(project.doc, person.actor(), { name: 'Energy', colour: '#f00' });
    expect(listTags(project.doc).map((node) => node.tag.name)).toEqual(['Energy']);
    person.undo();
    expect(listTags(project.doc)).toEqual([]);
    expect(getMember(project.doc, member.id)?.name).toBe('Babak');
    expect(getProjectMeta(project.doc).id).toBe('local-actor-2');
    person.redo();
    expect(listTags(project.doc).map((node) => node.tag.name)).toEqual(['Energy']);
    // A second actor over the same storage is the same person.
    expect(createLocalActor(storage, project).member()?.id).toBe(member.id);
  });
});
