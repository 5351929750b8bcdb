/**
 * The projects controller over in-memory sessions: creating stamps the new project with its
 * name and opens it (restart), a rename is a model write that reaches the cached summary,
 * the open project cannot be removed, deleting for good deletes the database and forgets
 * the team credentials of that project, and opening a file makes a project of its own or,
 * when its project is already here, says so without changing anything; with a store for
 * new projects' content, a file opened as a project is stored as its one update (no
 * session opened on the page) and listed with its summary.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MemberId, ProjectId } from '#shared/model/ids.ts';
import { addHighlight } from '#shared/model/highlights.ts';
import { createProject, getProjectMeta } from '#shared/model/project.ts';
import { encodeProjectFile } from '#shared/model/project-file.ts';
import { createProjectsController } from '../../../renderer/projects/projects-controller.ts';
import { findProject } from '../../../renderer/store/project-registry.ts';
import { TEAM_CREDENTIALS_KEY } from '../../../renderer/sync/team-credentials.ts';

const member = 'memberAAAAAAAAAAAAAAAA' as MemberId;
const personal = 'personalAAAAAAAAAAAAAA' as ProjectId;

function memoryStore() {
  const values = new Map<string, string>();
  return { values, getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), removeItem: (key: string) => void values.delete(key) };
}

function setup(options: { storeUpdate?: (projectId: ProjectId, update: Uint8Array) => Promise<void> } = {}) {
  const storage = memoryStore();
  const docs = new Map<ProjectId, Y.Doc>([[personal, new Y.Doc()]]);
  const deleted: string[] = [];
  let restarts = 0;
  let next = 0;
  const sessionOf = (projectId: ProjectId) => {
    let doc = docs.get(projectId);
    if (!doc) docs.set(projectId, (doc = new Y.Doc()));
    return { projectId, doc, whenLoaded: Promise.resolve(), flush: () => Promise.resolve() };
  };
  const session = sessionOf(personal);
  const controller = createProjectsController({
    storage,
    session,
    openSession: sessionOf,
    closeSession: async () => undefined,
    deleteDatabase: async (name) => void deleted.push(name),
    known: () => ({ personal, team: null }),
    member: () => member,
    actor: () => {
      if (getProjectMeta(session.doc).id === undefined) createProject(session.doc, { member }, { name: 'Research project', id: personal });
      return { member };
    },
    restart: () => void (restarts += 1),
    newProjectId: () => `created${String(next++).padStart(15, '0')}` as ProjectId,
    summaryDelayMs: 0,
    ...options,
  });
  return { storage, docs, deleted, controller, restarts: () => restarts };
}

describe('projects controller', () => {
  it('creates a named project and opens it', async () => {
    const { controller, docs, restarts } = setup();
    await controller.create('  Pipelines ');
    const list = controller.list();
    expect(list.active).toBe('created000000000000000');
    expect(getProjectMeta(docs.get(list.active) as Y.Doc).name).toBe('Pipelines');
    expect(findProject(list, list.active)).toMatchObject({ origin: 'created', summary: { name: 'Pipelines' } });
    expect(restarts()).toBe(1);
    await expect(controller.create('  ')).rejects.toThrow('a project needs a name');
  });

  it('renames through the model and refreshes the summary', () => {
    const { controller, docs } = setup();
    controller.rename('Caucasus reading');
    expect(getProjectMeta(docs.get(personal) as Y.Doc).name).toBe('Caucasus reading');
    expect(findProject(controller.list(), personal)?.summary.name).toBe('Caucasus reading');
  });

  it('refuses a name another project on this computer has, without case, accents or extra spaces; a project keeps its own', async () => {
    const { controller, restarts } = setup();
    await controller.create('Pipelines');
    await expect(controller.create(' pipelines  ')).rejects.toThrow('“pipelines” is already the name of a project on this computer: choose another name.');
    // The personal project is shown as "Personal project" until it is named: that name is taken too.
    await expect(controller.create('Personal Project')).rejects.toThrow(/already the name of a project/);
    expect(restarts()).toBe(1);
    expect(controller.list().projects).toHaveLength(2);
    // This controller's session is the personal project: another's name is refused, its own in another case is a rename.
    expect(() => controller.rename('pipelines')).toThrow(/already the name of a project/);
    controller.rename('PERSONAL project');
    expect(findProject(controller.list(), personal)?.summary.name).toBe('PERSONAL project');
  });

  it('removes only what is not open; deleting for good deletes the database and the team credentials', async () => {
    const { controller, deleted, storage } = setup();
    expect(() => controller.trash(personal)).toThrow('switch to another project first');
    const other = new Y.Doc();
    const otherId = createProject(other, { member }, { name: 'Team' });
    storage.setItem(TEAM_CREDENTIALS_KEY, JSON.stringify({ serverUrl: 'ws://127.0.0.1:1', projectId: otherId, token: `mgt1.0123456789abcdef.${'A'.repeat(43)}`, joinedAt: 1 }));
    await expect(controller.openFile(encodeProjectFile(other))).resolves.toMatchObject({ kind: 'opened', name: 'Team' });
    // Opening made it the active project; back to the personal one before removing it.
    expect(() => controller.trash(otherId)).toThrow('switch to another project first');
    await controller.switchTo(personal);
    await expect(controller.deleteForever(otherId)).rejects.toThrow('only a project in the trash');
    controller.trash(otherId);
    await controller.deleteForever(otherId);
    expect(deleted).toEqual([`marginalia-project-${otherId}`]);
    expect(storage.getItem(TEAM_CREDENTIALS_KEY)).toBeNull();
    expect(findProject(controller.list(), otherId)).toBeUndefined();
  });

  it('opens a file as a project of its own, and says when its project is already here', async () => {
    const { controller, docs } = setup();
    const file = new Y.Doc();
    const fileId = createProject(file, { member }, { name: 'Ana’s corpus' });
    addHighlight(file, { member }, { documentId: 'd', documentHash: 'h', position: { start: 0, end: 4 }, quote: { exact: 'text', prefix: '', suffix: '' } });
    const bytes = encodeProjectFile(file);
    await expect(controller.openFile(bytes)).resolves.toEqual({ kind: 'opened', name: 'Ana’s corpus' });
    expect(controller.list().active).toBe(fileId);
    expect(findProject(controller.list(), fileId)?.summary).toMatchObject({ name: 'Ana’s corpus', highlights: 1 });
    const before = Y.encodeStateAsUpdate(docs.get(fileId) as Y.Doc);
    await expect(controller.openFile(bytes)).resolves.toEqual({ kind: 'already-here', projectId: fileId, name: 'Ana’s corpus', active: false });
    expect(Y.encodeStateAsUpdate(docs.get(fileId) as Y.Doc)).toEqual(before);
    await expect(controller.openFile(new TextEncoder().encode('not a project'))).resolves.toEqual({ kind: 'refused', reason: 'not a Marginalia project file' });
  });

  it('stores a file opened as a project as its one update, without opening its session, and lists its summary', async () => {
    const stored: [ProjectId, Uint8Array][] = [];
    const { controller, docs } = setup({ storeUpdate: async (projectId, update) => void stored.push([projectId, update]) });
    const file = new Y.Doc();
    const fileId = createProject(file, { member }, { name: 'Ana’s corpus' });
    addHighlight(file, { member }, { documentId: 'd', documentHash: 'h', position: { start: 0, end: 4 }, quote: { exact: 'text', prefix: '', suffix: '' } });
    const progress: [number, number][] = [];
    await expect(controller.openFile(encodeProjectFile(file), { applying: (applied, total) => progress.push([applied, total]) })).resolves.toEqual({ kind: 'opened', name: 'Ana’s corpus' });
    expect(docs.has(fileId)).toBe(false);
    expect(stored.map(([projectId]) => projectId)).toEqual([fileId]);
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, (stored[0] as [ProjectId, Uint8Array])[1]);
    expect(Y.encodeStateVector(reopened)).toEqual(Y.encodeStateVector(file));
    expect(getProjectMeta(reopened).name).toBe('Ana’s corpus');
    expect(reopened.getMap('h').size).toBe(1);
    expect(controller.list().active).toBe(fileId);
    expect(findProject(controller.list(), fileId)?.summary).toMatchObject({ name: 'Ana’s corpus', highlights: 1, members: [] });
    expect(progress.at(-1)).toEqual([1, 1]);
  });

  it('changes nothing when storing a file opened as a project fails, and says why', async () => {
    const { controller } = setup({ storeUpdate: async () => { throw new Error('the project could not be stored (disk full)'); } });
    const file = new Y.Doc();
    const fileId = createProject(file, { member }, { name: 'Ana’s corpus' });
    await expect(controller.openFile(encodeProjectFile(file))).rejects.toThrow('disk full');
    expect(findProject(controller.list(), fileId)).toBeUndefined();
    expect(controller.list().active).not.toBe(fileId);
  });
});
