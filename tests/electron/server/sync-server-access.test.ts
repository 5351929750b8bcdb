/**
 * Sync server, in Node with real providers: edits flow both ways inside a project, never
 * across projects, and refused tokens come back to the client with a readable reason.
 *
 * "Never reached" is checked once the server has certainly handled the message that could
 * have carried it and the receiver has certainly read everything sent to it before: a
 * websocket delivers in order, so an answer on the same socket is that proof.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ProjectId } from '#shared/model/ids.ts';
import { roomForProject } from '#shared/sync/rooms.ts';
import { REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { startSyncServer } from '../../../electron/server/sync-server.ts';
import type { SyncServerHandle } from '../../../electron/server/sync-server.ts';
import { connectClient, noteText, memoryLog, temporaryDataDir, textOf, waitFor, whenSynced } from './sync-test-kit.ts';
import type { TestClient } from './sync-test-kit.ts';

describe('sync server access and isolation (Node, real websockets)', () => {
  const data = temporaryDataDir();
  const logs = memoryLog();
  const clients: TestClient[] = [];
  let server: SyncServerHandle;
  let projectA: ProjectId;
  let projectB: ProjectId;
  let tokenA1: string;
  let tokenA2: string;
  let tokenB: string;

  const connect = (projectId: ProjectId, token: string) => {
    const client = connectClient({ url: server.url, projectId, token });
    clients.push(client);
    return client;
  };

  /** Resolves once `client` has read everything the server sent it so far: it makes an edit of its own and waits for the server's acknowledgement. */
  const roundTrip = async (client: TestClient): Promise<void> => {
    client.doc.getMap('c').set(String(client.doc.getMap('c').size), true);
    await whenSynced(client);
  };

  /**
   * Resolves once the server has handled every message `client`'s socket sent so far: a
   * second provider on that socket, for another project's room, hears back only after them.
   */
  const serverHandledAllFrom = async (client: TestClient, projectId: ProjectId, token: string): Promise<void> => {
    const probe = new HocuspocusProvider({
      websocketProvider: client.provider.configuration.websocketProvider,
      name: roomForProject(projectId),
      document: new Y.Doc(),
      token,
    });
    probe.attach();
    try {
      await waitFor(() => probe.isSynced, 'the server to answer on the same socket');
    } finally {
      probe.destroy();
    }
  };

  beforeAll(async () => {
    server = await startSyncServer({ port: 0, dataDir: data.dir, log: logs.log, revocationPollMs: 50 });
    projectA = server.tokens.createProject('Caucasus corpus').id;
    projectB = server.tokens.createProject('Other team').id;
    tokenA1 = server.tokens.createToken({ projectId: projectA, label: 'ana' }).token;
    tokenA2 = server.tokens.createToken({ projectId: projectA, label: 'ben' }).token;
    tokenB = server.tokens.createToken({ projectId: projectB, label: 'carl' }).token;
  });

  afterAll(async () => {
    for (const client of clients) client.destroy();
    await server?.stop();
    data.remove();
  });

  it('listens on 127.0.0.1 and syncs an edit both ways between two clients of one project', async () => {
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const ana = connect(projectA, tokenA1);
    const ben = connect(projectA, tokenA2);
    const carl = connect(projectB, tokenB);
    await Promise.all([whenSynced(ana), whenSynced(ben), whenSynced(carl)]);

    noteText(ana.doc).insert(0, 'from ana;');
    await waitFor(() => textOf(ben.doc) === 'from ana;', 'ben to receive ana’s edit');
    noteText(ben.doc).insert(9, ' from ben');
    await waitFor(() => textOf(ana.doc) === 'from ana; from ben', 'ana to receive ben’s edit');

    noteText(carl.doc).insert(0, 'project B only');
    // The server broadcasts an update before it acknowledges it: once Carl's is acknowledged,
    // a stray copy for Ana is on her socket, and her own round trip reads past it.
    await whenSynced(carl);
    await roundTrip(ana);
    expect(textOf(carl.doc)).toBe('project B only');
    expect(textOf(ana.doc)).toBe('from ana; from ben');
    expect(logs.entries.filter((entry) => entry.event === 'connect')).toHaveLength(3);
  });

  it('refuses an unknown token with the reason visible to the client', async () => {
    const forged = tokenA1.slice(0, -4) + (tokenA1.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const stranger = connect(projectA, forged);
    const garbage = connect(projectA, 'not-a-token');
    await waitFor(() => stranger.refusals.length > 0 && garbage.refusals.length > 0, 'refusals');
    expect(stranger.refusals[0]).toBe(REFUSAL_REASONS.unknownToken);
    expect(garbage.refusals[0]).toBe(REFUSAL_REASONS.unknownToken);
    expect(stranger.authenticated).toBe(false);
  });

  it('refuses a token of another project and never shows that project’s data', async () => {
    const intruder = connect(projectB, tokenA1);
    await waitFor(() => intruder.refusals.length > 0, 'cross-project refusal');
    expect(intruder.refusals[0]).toBe(REFUSAL_REASONS.wrongProject);
    expect(textOf(intruder.doc)).toBe('');
    const refused = logs.entries.filter((entry) => entry.event === 'refused');
    expect(refused.map((entry) => entry.reason)).toContain(REFUSAL_REASONS.wrongProject);
    expect(JSON.stringify(logs.entries)).not.toContain(tokenA1.split('.')[2]);
  });

  it('revoking a token closes its live connection and refuses it afterwards, with the reason', async () => {
    const label = 'dana';
    const created = server.tokens.createToken({ projectId: projectA, label });
    const dana = connect(projectA, created.token);
    await whenSynced(dana);
    expect(textOf(dana.doc)).toBe('from ana; from ben');

    expect(server.revokeToken(created.record.id)?.revokedAt).not.toBeNull();
    await waitFor(() => dana.refusals.length > 0, 'the revoked client to be refused on reconnect');
    expect(dana.refusals[0]).toBe(REFUSAL_REASONS.tokenRevoked);
    expect(logs.entries.some((entry) => entry.event === 'token-revoked' && entry.tokenId === created.record.id)).toBe(true);

    // The revoked client's later edits never reach the others.
    noteText(dana.doc).insert(0, 'after revocation ');
    // The server has handled Dana's edit (it answered a later message on her socket), and Ana
    // has read everything sent to her before her own round trip.
    await serverHandledAllFrom(dana, projectB, tokenB);
    const ana = clients[0] as TestClient;
    await roundTrip(ana);
    expect(textOf(ana.doc)).toBe('from ana; from ben');
  });

  it('lists tokens by id and label without secrets', () => {
    const listed = server.tokens.listTokens(projectA);
    expect(listed.map((token) => token.label)).toEqual(['ana', 'ben', 'dana']);
    expect(listed.filter((token) => token.revokedAt !== null).map((token) => token.label)).toEqual(['dana']);
    expect(JSON.stringify(listed)).not.toContain(tokenA1.split('.')[2]);
  });
});
