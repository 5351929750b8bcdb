/**
 * Team sync against a real sync server on 127.0.0.1 (Node, real websockets through `ws`):
 * status phases, live delivery between two teammates, presence, refusal reasons, and
 * reconnecting on its own after the server restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { MemberId, ProjectId } from '#shared/model/ids.ts';
import { REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { openSharedSocketCount } from '../../../renderer/sync/shared-socket.ts';
import { startTeamSync, type TeamSync } from '../../../renderer/sync/team-sync.ts';
import { localOrigin } from '#shared/model/origins.ts';
import { describeSyncStatus } from '../../../renderer/sync/sync-status.ts';
import { startInProcessServer, waitUntil, type InProcessSyncServer, type TestInvite } from '../../helpers/sync-server.ts';

const FAST = { delay: 50, factor: 1.5, minDelay: 20, maxDelay: 300 };

describe('team sync (real server, Node websockets)', () => {
  let server: InProcessSyncServer;
  let invite: TestInvite;
  const running: TeamSync[] = [];

  const start = (input: { token?: string; projectId?: ProjectId; name: string; doc?: Y.Doc; loaded?: Promise<void> }): { sync: TeamSync; doc: Y.Doc } => {
    const doc = input.doc ?? new Y.Doc();
    const sync = startTeamSync({
      credentials: { serverUrl: server.url, projectId: input.projectId ?? invite.projectId, token: input.token ?? invite.token },
      target: { projectId: input.projectId ?? invite.projectId, doc, whenLoaded: input.loaded ?? Promise.resolve() },
      member: { id: `member-${input.name}` as MemberId, name: input.name, colour: '#00798c' },
      WebSocketPolyfill: WebSocket,
      timing: FAST,
      socketScope: input.name,
    });
    running.push(sync);
    return { sync, doc };
  };

  beforeAll(async () => {
    server = await startInProcessServer();
    invite = server.createProject('team sync test');
  });

  afterAll(async () => {
    for (const sync of running) sync.destroy();
    await server.dispose();
  });

  it('waits for the local load before connecting, then reaches synced', async () => {
    let finishLoad = (): void => undefined;
    const loaded = new Promise<void>((resolve) => {
      finishLoad = resolve;
    });
    const { sync } = start({ name: 'Ana', loaded });
    // A twin started after her, whose copy is loaded, goes all the way to synced: had Ana not
    // waited for her load, she would have connected by then.
    const twin = start({ name: 'Ana-twin' });
    await waitUntil(() => twin.sync.status().phase === 'synced', 'the twin synced');
    twin.sync.destroy();
    expect(sync.status().phase).toBe('loading');
    expect(sync.provider()).toBeNull();
    finishLoad();
    await waitUntil(() => sync.status().phase === 'synced', 'synced');
    expect(describeSyncStatus(sync.status()).label).toBe('Synced');
    expect(sync.status().lastSyncedAt).not.toBeNull();
    sync.destroy();
  });

  it('delivers edits live, counts unacknowledged changes, and shares presence over one socket', async () => {
    const a = start({ name: 'Ana' });
    const b = start({ name: 'Bo' });
    await waitUntil(() => a.sync.status().phase === 'synced' && b.sync.status().phase === 'synced', 'both synced');
    // Each teammate has one socket (scoped per simulated app); a second project would reuse it.
    expect(openSharedSocketCount()).toBe(2);
    const phases: string[] = [];
    a.sync.subscribe(() => phases.push(a.sync.status().phase));
    a.doc.getMap('m').set('hello', 'world');
    await waitUntil(() => b.doc.getMap('m').get('hello') === 'world', 'B to receive the edit');
    await waitUntil(() => a.sync.status().phase === 'synced', 'A acknowledged');
    expect(phases).toContain('unsynced');

    a.sync.setReading('doc-1', { documentId: 'doc-1', start: 10, end: 42 });
    await waitUntil(() => b.sync.peers().some((peer) => peer.member.name === 'Ana' && peer.selection?.start === 10), 'B to see Ana');
    const ana = b.sync.peers().find((peer) => peer.member.name === 'Ana');
    expect(ana?.documentId).toBe('doc-1');
    expect(ana?.selection).toEqual({ documentId: 'doc-1', start: 10, end: 42 });
    a.sync.destroy();
    await waitUntil(() => !b.sync.peers().some((peer) => peer.member.name === 'Ana'), 'Ana to leave B’s peers');
    b.sync.destroy();
    expect(openSharedSocketCount()).toBe(0);
  });

  it('shows the server’s reason for an unknown token, a foreign project’s token and a revoked token', async () => {
    const other = server.createProject('another team');
    const unknown = start({ name: 'U', token: `mgt1.0123456789abcdef.${'A'.repeat(43)}` });
    await waitUntil(() => unknown.sync.status().phase === 'refused', 'unknown token refused');
    expect(unknown.sync.status().refusal).toBe(REFUSAL_REASONS.unknownToken);
    expect(describeSyncStatus(unknown.sync.status()).label).toBe('Token refused: unknown token');
    unknown.sync.destroy();

    const foreign = start({ name: 'F', token: other.token });
    await waitUntil(() => foreign.sync.status().phase === 'refused', 'foreign token refused');
    expect(describeSyncStatus(foreign.sync.status()).label).toBe(`Token refused: ${REFUSAL_REASONS.wrongProject}`);
    foreign.sync.destroy();

    const second = server.createToken(invite.projectId, 'to revoke');
    const revoked = start({ name: 'R', token: second.token });
    await waitUntil(() => revoked.sync.status().phase === 'synced', 'synced before revocation');
    server.handle.revokeToken(second.tokenId);
    await waitUntil(() => revoked.sync.status().phase === 'refused', 'refused after revocation');
    expect(revoked.sync.status().refusal).toBe(REFUSAL_REASONS.tokenRevoked);
    // Refused stays refused whatever the socket does next: the refusal outranks every socket
    // state in deriveSyncStatus (tests/renderer/sync/sync-status.test.ts), and only a later
    // successful authentication clears it.
    revoked.sync.destroy();
  });

  it('goes offline with a reason when the server stops, counts offline changes, and resyncs on its own after a restart', async () => {
    const a = start({ name: 'Ana' });
    const b = start({ name: 'Bo' });
    await waitUntil(() => a.sync.status().phase === 'synced' && b.sync.status().phase === 'synced', 'both synced');
    await server.stop();
    await waitUntil(() => a.sync.status().phase === 'offline', 'A offline');
    // Ana's own edits (a local origin) in three transactions on two items: "2 unsent".
    const local = localOrigin('ana' as MemberId);
    a.doc.transact(() => a.doc.getMap('m').set('offline-a', 1), local);
    a.doc.transact(() => a.doc.getMap('m').set('offline-a2', 2), local);
    a.doc.transact(() => a.doc.getMap('m').set('offline-a', 3), local);
    b.doc.getMap('m').set('offline-b', 1);
    await waitUntil(() => a.sync.status().unsyncedChanges >= 2, 'A counting offline changes');
    const offline = describeSyncStatus(a.sync.status());
    expect(offline.label).toBe('Offline · 2 unsent');
    expect(offline.tooltip).toMatch(/server unreachable|shutting down/);
    await server.restart();
    await waitUntil(() => a.sync.status().phase === 'synced' && b.sync.status().phase === 'synced', 'both resynced', 15_000);
    await waitUntil(() => b.doc.getMap('m').get('offline-a2') === 2 && a.doc.getMap('m').get('offline-b') === 1, 'offline edits exchanged');
    a.sync.destroy();
    b.sync.destroy();
  });
});
