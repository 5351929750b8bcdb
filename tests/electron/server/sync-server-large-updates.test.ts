/**
 * Large updates against a real server on 127.0.0.1: an update of more structs than the
 * server works on per event-loop turn is checked whole, then applied in slices with other
 * rooms served between them — acknowledged once, the same at a teammate, while another
 * project keeps syncing. A refusal in a late slice leaves the room untouched, and a large
 * update's structs count against its token's struct rate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ProjectId } from '#shared/model/ids.ts';
import { CLOSE_CODES, REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { roomForProject } from '#shared/sync/rooms.ts';
import { startSyncServer } from '../../../electron/server/sync-server.ts';
import type { SyncServerHandle } from '../../../electron/server/sync-server.ts';
import { tinyEntriesUpdate } from '../../helpers/hostile-updates.ts';
import { authenticatedRaw, updateFrame } from './raw-client.ts';
import type { RawSocket } from './raw-client.ts';
import { connectClient, memoryLog, noteText, temporaryDataDir, textOf, waitFor, whenSynced, within } from './sync-test-kit.ts';
import type { TestClient } from './sync-test-kit.ts';

const STRUCTS_PER_TURN = 50;
const LIMITS = { structsPerTurn: STRUCTS_PER_TURN, tokenStructBurst: 12_000, tokenStructsPerSecond: 1 };

describe('sync server with large updates (Node, real websockets)', () => {
  const data = temporaryDataDir();
  const logs = memoryLog();
  const clients: TestClient[] = [];
  const raws: RawSocket[] = [];
  let server: SyncServerHandle;

  const project = () => {
    const projectId = server.tokens.createProject('large').id;
    return { projectId, token: server.tokens.createToken({ projectId, label: 'member' }).token };
  };
  const client = (projectId: ProjectId, token: string) => {
    const created = connectClient({ url: server.url, projectId, token });
    clients.push(created);
    return created;
  };
  const raw = async (projectId: ProjectId, token: string) => {
    const opened = await authenticatedRaw(server.url, roomForProject(projectId), token);
    raws.push(opened);
    return opened;
  };

  beforeAll(async () => {
    server = await startSyncServer({ port: 0, dataDir: data.dir, log: logs.log, limits: LIMITS });
  });

  afterAll(async () => {
    for (const created of clients) created.destroy();
    for (const opened of raws) opened.socket.terminate();
    await server?.stop();
    data.remove();
  });

  it('applies a large update in slices, acknowledged once; another project delivers while it is applied', async () => {
    const team = project();
    const writer = client(team.projectId, team.token);
    const teammate = client(team.projectId, team.token);
    const other = project();
    const a = client(other.projectId, other.token);
    const b = client(other.projectId, other.token);
    await Promise.all([writer, teammate, a, b].map((each) => whenSynced(each)));

    const entries = 5000;
    let broadcasts = 0;
    let entriesWhenOtherDelivered = -1;
    teammate.doc.on('update', () => {
      broadcasts++;
      if (broadcasts === 1) noteText(a.doc).insert(0, 'meanwhile');
    });
    b.doc.on('update', () => {
      if (entriesWhenOtherDelivered < 0 && textOf(b.doc) === 'meanwhile') entriesWhenOtherDelivered = teammate.doc.getMap('m').size;
    });
    Y.applyUpdate(writer.doc, tinyEntriesUpdate(entries, 'm', 4242));

    await whenSynced(writer, 20_000);
    await waitFor(() => teammate.doc.getMap('m').size === entries, 'the teammate to hold every entry', 20_000);
    await waitFor(() => entriesWhenOtherDelivered >= 0, 'the other project to deliver', 5000);
    expect(entriesWhenOtherDelivered).toBeLessThan(entries);
    expect(broadcasts).toBeGreaterThan(1);
    expect(Buffer.from(Y.encodeStateAsUpdate(teammate.doc)).equals(Buffer.from(Y.encodeStateAsUpdate(writer.doc)))).toBe(true);

    // Stored: a client that joins later gets the whole room.
    writer.destroy();
    teammate.destroy();
    const later = client(team.projectId, team.token);
    await whenSynced(later, 20_000);
    expect(later.doc.getMap('m').size).toBe(entries);
  });

  it('checks every slice before it applies any: a refusal in a late slice leaves the room untouched', async () => {
    const team = project();
    const member = client(team.projectId, team.token);
    await whenSynced(member);
    noteText(member.doc).insert(0, 'kept');
    await whenSynced(member);
    const structsBefore = server.health().structs;
    // Client 9's 500 good entries come first in the update, client 1's entry under an unknown root last.
    const update = Y.mergeUpdates([tinyEntriesUpdate(500, 'm', 9), tinyEntriesUpdate(1, 'zz', 1)]);
    const attacker = await raw(team.projectId, team.token);
    attacker.socket.send(updateFrame(roomForProject(team.projectId), update));
    const closed = await within(attacker.closed, 5000, 'the sender to be closed');
    expect(closed).toEqual({ code: CLOSE_CODES.updateRefused, reason: REFUSAL_REASONS.updateRefused });
    expect(server.health().structs).toBe(structsBefore);
    expect(logs.entries.some((entry) => entry.event === 'message-rejected' && entry.detail === 'unknown root "zz"')).toBe(true);
    const fresh = client(team.projectId, team.token);
    await whenSynced(fresh);
    expect(textOf(fresh.doc)).toBe('kept');
    expect(fresh.doc.getMap('m').size).toBe(0);
  });

  it("counts a large update's structs against its token's struct rate", async () => {
    const team = project();
    const attacker = await raw(team.projectId, team.token);
    const room = roomForProject(team.projectId);
    const member = client(team.projectId, team.token);
    await whenSynced(member);
    // 12,000 structs of burst: two updates of 7,000 cannot both pass.
    attacker.socket.send(updateFrame(room, tinyEntriesUpdate(7000, 'm', 21)));
    attacker.socket.send(updateFrame(room, tinyEntriesUpdate(7000, 'm', 22)));
    const closed = await within(attacker.closed, 10_000, 'the sender to be closed');
    expect(closed).toEqual({ code: CLOSE_CODES.rateLimited, reason: REFUSAL_REASONS.rateLimited });
    await waitFor(() => member.doc.getMap('m').size === 7000, 'the first update to arrive', 10_000);
  });
});
