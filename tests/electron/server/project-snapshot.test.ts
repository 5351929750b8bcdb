/** Reading a project's state from a running server (as a teammate) and from its data folder. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ProjectId } from '#shared/model/ids.ts';
import { REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { fetchProjectState, readStoredProjectState } from '../../../electron/server/project-snapshot.ts';
import { startSyncServer } from '../../../electron/server/sync-server.ts';
import type { SyncServerHandle } from '../../../electron/server/sync-server.ts';
import { connectClient, temporaryDataDir, whenSynced } from './sync-test-kit.ts';
import type { TestClient } from './sync-test-kit.ts';

describe('project snapshots (Node, real server)', () => {
  const data = temporaryDataDir();
  let server: SyncServerHandle;
  let writer: TestClient;
  let projectId: ProjectId;
  let token: string;

  beforeAll(async () => {
    server = await startSyncServer({ port: 0, dataDir: data.dir, log: () => {} });
    projectId = server.tokens.createProject('export').id;
    token = server.tokens.createToken({ projectId }).token;
    writer = connectClient({ url: server.url, projectId, token });
    await whenSynced(writer);
    writer.doc.getMap('h').set('h1', 'a quote');
    await whenSynced(writer);
  });

  afterAll(async () => {
    writer?.destroy();
    await server?.stop();
    data.remove();
  });

  const decode = (state: Uint8Array | null) => {
    const doc = new Y.Doc();
    if (state) Y.applyUpdate(doc, state);
    return doc.getMap('h').toJSON();
  };

  it('fetches the synced state as a teammate would', async () => {
    expect(decode(await fetchProjectState({ serverUrl: server.url, projectId, token }))).toEqual({ h1: 'a quote' });
  });

  it('turns a refusal into an error carrying the server’s reason', async () => {
    const other = server.tokens.createProject('other').id;
    await expect(fetchProjectState({ serverUrl: server.url, projectId: other, token })).rejects.toThrow(
      REFUSAL_REASONS.wrongProject,
    );
  });

  it('reads the data folder directly while the server runs', () => {
    expect(decode(readStoredProjectState(data.dir, projectId))).toEqual({ h1: 'a quote' });
    expect(readStoredProjectState(data.dir, 'Slr7gOcuQv2_q1GrIRdttw' as ProjectId)).toBeNull();
  });
});
