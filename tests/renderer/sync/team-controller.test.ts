/**
 * Joining and leaving a team (Node, real sync server): the active project follows the
 * stored credentials; joining can copy the personal project's work into the team project
 * (a CRDT merge that keeps the team project's id, is safe to repeat, and never undoes the
 * team's deletions); after the restart the copied work reaches teammates; leaving forgets
 * the credentials and keeps both local copies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addHighlight, deleteHighlight } from '#shared/model/highlights.ts';
import type { MemberId, ProjectId } from '#shared/model/ids.ts';
import { createProject, getProjectMeta } from '#shared/model/project.ts';
import { listHighlights } from '#shared/model/queries.ts';
import { createTag } from '#shared/model/tags.ts';
import { copyLocalWork } from '../../../renderer/sync/copy-local-work.ts';
import { activeProjectId, createTeamController, type ControlledSession } from '../../../renderer/sync/team-controller.ts';
import { loadTeamCredentials } from '../../../renderer/sync/team-credentials.ts';
import { startTeamSync } from '../../../renderer/sync/team-sync.ts';
import { IDENTITY_KEYS } from '../../../renderer/store/identity.ts';
import { startInProcessServer, waitUntil, type InProcessSyncServer } from '../../helpers/sync-server.ts';

const actor = { member: 'member-ana' as MemberId };
const FAST = { delay: 50, factor: 1.5, minDelay: 20, maxDelay: 300 };

function memoryStore() {
  const values = new Map<string, string>();
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), removeItem: (key: string) => void values.delete(key) };
}

/** Sessions by project id, as the app's registry keeps them (docs survive a "restart"). */
function sessions() {
  const docs = new Map<ProjectId, Y.Doc>();
  return (projectId: ProjectId): ControlledSession => {
    let doc = docs.get(projectId);
    if (!doc) docs.set(projectId, (doc = new Y.Doc()));
    return { projectId, doc, whenLoaded: Promise.resolve(), flush: () => Promise.resolve() };
  };
}

function highlight(doc: Y.Doc, start: number) {
  return addHighlight(doc, actor, { documentId: 'doc', documentHash: 'sha256:00', position: { start, end: start + 5 }, quote: { exact: `q${start}`, prefix: '', suffix: '' } });
}

describe('copyLocalWork', () => {
  it('merges the personal doc into the team doc under the team project id, repeatably', () => {
    const personalId = 'personalAAAAAAAAAAAAAA' as ProjectId;
    const teamId = 'teamBBBBBBBBBBBBBBBBBA' as ProjectId;
    const personal = new Y.Doc();
    createProject(personal, actor, { name: 'Mine', id: personalId });
    const mine = highlight(personal, 10);
    createTag(personal, actor, { name: 'Local tag' });
    const team = new Y.Doc();
    createProject(team, actor, { name: 'Team', id: teamId });
    const theirs = highlight(team, 50);

    expect(copyLocalWork(personal, team, teamId).bytes).toBeGreaterThan(0);
    expect(getProjectMeta(team).id).toBe(teamId);
    expect(listHighlights(team, 'doc').map((view) => view.id).sort()).toEqual([mine, theirs].sort());
    expect(getProjectMeta(personal).id).toBe(personalId);
    expect(listHighlights(personal, 'doc').map((view) => view.id)).toEqual([mine]);

    // The team deletes the copied highlight; copying again does not bring it back.
    deleteHighlight(team, actor, mine);
    expect(copyLocalWork(personal, team, teamId).bytes).toBe(0);
    expect(listHighlights(team, 'doc').find((view) => view.id === mine)?.deleted).not.toBeNull();
  });
});

describe('team controller (real server)', () => {
  let server: InProcessSyncServer;
  beforeAll(async () => {
    server = await startInProcessServer();
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('joins with a copy of personal work, syncs it after the restart, and leaves keeping local data', async () => {
    const invite = server.createProject('controller test');
    const store = memoryStore();
    const open = sessions();
    const personalId = activeProjectId(store);
    expect(store.getItem(IDENTITY_KEYS.project)).toBe(personalId);
    const personal = open(personalId);
    const copied = highlight(personal.doc as Y.Doc, 5);

    let restarts = 0;
    const options = { storage: store, openSession: open, member: null, restart: () => void restarts++, WebSocketPolyfill: WebSocket, timing: FAST, socketScope: 'ana' };
    const before = createTeamController({ ...options, session: personal });
    expect(before.sync).toBeNull();
    expect(before.credentials).toBeNull();
    await before.join({ serverUrl: server.url, projectId: invite.projectId, token: invite.token }, { copyLocalWork: true });
    expect(restarts).toBe(1);
    expect(loadTeamCredentials(store)?.projectId).toBe(invite.projectId);
    expect(activeProjectId(store)).toBe(invite.projectId);

    // "After the reload": the team project is active and syncs, carrying the copied work.
    const after = createTeamController({ ...options, session: open(invite.projectId) });
    expect(after.sync).not.toBeNull();
    await waitUntil(() => after.sync?.status().phase === 'synced', 'controller synced');
    const teammateDoc = new Y.Doc();
    const teammate = startTeamSync({
      credentials: { serverUrl: server.url, projectId: invite.projectId, token: invite.token },
      target: { projectId: invite.projectId, doc: teammateDoc, whenLoaded: Promise.resolve() },
      member: null,
      WebSocketPolyfill: WebSocket,
      timing: FAST,
      socketScope: 'bo',
    });
    await waitUntil(() => listHighlights(teammateDoc, 'doc').some((view) => view.id === copied), 'teammate to receive the copied highlight');
    teammate.destroy();

    await after.leave();
    expect(restarts).toBe(2);
    expect(loadTeamCredentials(store)).toBeNull();
    expect(activeProjectId(store)).toBe(personalId);
    expect(listHighlights(open(invite.projectId).doc as Y.Doc, 'doc').map((view) => view.id)).toContain(copied);
    expect(listHighlights(open(personalId).doc as Y.Doc, 'doc').map((view) => view.id)).toEqual([copied]);
  });
});
