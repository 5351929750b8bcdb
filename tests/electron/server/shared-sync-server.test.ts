/**
 * Two instances in this process over a real PostgreSQL and a real Redis: edits and
 * presence cross between them, a token revoked on one closes its sockets on the other
 * (through Redis, faster than the PostgreSQL poll), tokens stay per project, a malformed
 * frame closes only its socket, and /health and /metrics report store, Redis and peers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectId } from '#shared/model/ids.ts';
import { CLOSE_CODES, REFUSAL_REASONS } from '#shared/sync/protocol.ts';
import { startSharedSyncServer, type SharedSyncServerHandle } from '../../../electron/server/shared-sync-server.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres-server.ts';
import { startRedis, type TestRedis } from '../../helpers/redis-server.ts';
import { openRaw } from './raw-client.ts';
import { connectClient, memoryLog, noteText, textOf, waitFor, whenSynced, type TestClient } from './sync-test-kit.ts';

let postgres: TestPostgres;
let redis: TestRedis;
let a: SharedSyncServerHandle;
let b: SharedSyncServerHandle;
const logA = memoryLog();
const clients: TestClient[] = [];

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const store = await postgres.createDatabase('shared');
  // B polls PostgreSQL for revocations rarely: a revocation on A must reach it through Redis.
  a = await startSharedSyncServer({ store, redis: redis.url, instance: 'alpha', host: '127.0.0.1', port: 0, log: logA.log, storeDebounceMs: 200 });
  b = await startSharedSyncServer({ store, redis: redis.url, instance: 'beta', host: '127.0.0.1', port: 0, log: () => {}, storeDebounceMs: 200, revocationPollMs: 60_000 });
}, 60_000);

afterAll(async () => {
  for (const client of clients) client.destroy();
  await a?.stop();
  await b?.stop();
  await redis?.stop();
  await postgres?.stop();
});

function client(url: string, projectId: ProjectId, token: string): TestClient {
  const connected = connectClient({ url, projectId, token });
  clients.push(connected);
  return connected;
}

async function project(name: string): Promise<{ projectId: ProjectId; token: string; tokenId: string }> {
  const created = await a.tokens.createProject(name);
  const token = await a.tokens.createToken({ projectId: created.id, label: name });
  return { projectId: created.id, token: token.token, tokenId: token.record.id };
}

describe('two sync server instances sharing PostgreSQL and Redis', () => {
  it('carries edits and presence from a client on one instance to a client on the other', async () => {
    const { projectId, token } = await project('crossing');
    const onA = client(a.url, projectId, token);
    const onB = client(b.url, projectId, token);
    await Promise.all([whenSynced(onA), whenSynced(onB)]);
    noteText(onA.doc).insert(0, 'from alpha');
    await waitFor(() => textOf(onB.doc) === 'from alpha', 'the edit on alpha to reach beta');
    noteText(onB.doc).insert(0, 'beta and ');
    await waitFor(() => textOf(onA.doc) === 'beta and from alpha', 'the edit on beta to reach alpha');
    onA.provider.setAwarenessField('user', { name: 'Ana' });
    await waitFor(
      () => [...(onB.provider.awareness?.getStates().values() ?? [])].some((state) => (state.user as { name?: string } | undefined)?.name === 'Ana'),
      "Ana's presence on alpha to show on beta",
    );
  });

  it('closes the sockets of a token revoked on one instance on every instance, and keeps tokens per project', async () => {
    const { projectId, token, tokenId } = await project('revocation');
    const other = await project('elsewhere');
    const onB = client(b.url, projectId, token);
    await whenSynced(onB);
    const wrong = client(b.url, projectId, other.token);
    await waitFor(() => wrong.refusals.length > 0, 'a token of another project to be refused');
    expect(wrong.refusals[0]).toBe(REFUSAL_REASONS.wrongProject);
    const closed = new Promise<number>((resolve) => onB.provider.configuration.websocketProvider.on('close', ({ event }: { event: { code: number } }) => resolve(event.code)));
    const started = Date.now();
    expect((await a.revokeToken(tokenId))?.revokedAt).not.toBeNull();
    expect(await closed).toBe(CLOSE_CODES.tokenRevoked);
    expect(Date.now() - started).toBeLessThan(5000);
    await waitFor(() => onB.refusals.includes(REFUSAL_REASONS.tokenRevoked), 'the revoked token to be refused on reconnect');
  });

  it('closes only the socket that sent a malformed frame, on either instance', async () => {
    const { projectId, token } = await project('malformed');
    for (const server of [a, b]) {
      const bystander = client(server.url, projectId, token);
      await whenSynced(bystander);
      const raw = await openRaw(server.url);
      raw.socket.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]));
      expect(await raw.closed).toMatchObject({ code: CLOSE_CODES.malformedMessage });
      noteText(bystander.doc).insert(0, `still here on ${server.instance} `);
      await whenSynced(bystander);
    }
  });

  it('reports store, Redis and peers in /health and figures in /metrics', async () => {
    const httpUrl = a.url.replace('ws://', 'http://');
    await waitFor(() => Object.keys(a.health().peers ?? {}).includes('beta'), 'alpha to hear from beta', 5000);
    const health = (await (await fetch(`${httpUrl}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, instance: 'alpha', store: { kind: 'postgres', ok: true }, redis: { ok: true } });
    expect(Object.keys(health.peers as object)).toContain('beta');
    const metrics = await (await fetch(`${httpUrl}/metrics`)).text();
    for (const name of ['marginalia_connections', 'marginalia_rooms', 'marginalia_updates_total', 'marginalia_store_commit_ms{quantile="0.99"}', 'marginalia_redis_lag_ms', 'marginalia_peers 1']) {
      expect(metrics).toContain(name);
    }
  });
});
