/**
 * Added documents' texts through the sync server, over real HTTP against a real server:
 * SQLite (one instance) and PostgreSQL (two instances over one database). Round trip with
 * immutable caching, idempotent and concurrent PUTs of one id, every refusal with its
 * status and reason (no token, unknown, revoked — on another instance too — another
 * project's token, tampered, malformed, not UTF-8, oversized declared and streamed, rate),
 * GET 404, and CORS for the origins the websocket accepts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectId } from '#shared/model/ids.ts';
import { documentTextUrl, httpBaseOf } from '#shared/sync/document-urls.ts';
import { openPostgresStore } from '../../../electron/server/postgres-store.ts';
import { runSyncServer } from '../../../electron/server/server-core.ts';
import { resolveLimits, type ServerLimits } from '../../../electron/server/server-limits.ts';
import { startSyncServer } from '../../../electron/server/sync-server.ts';
import { addedText, type AddedText } from '../../helpers/added-texts.ts';
import { startPostgres, type TestPostgres } from '../../helpers/postgres-server.ts';
import { memoryLog, temporaryDataDir } from './sync-test-kit.ts';

interface Member {
  readonly projectId: ProjectId;
  readonly token: string;
  readonly tokenId: string;
}

/** One running server as the tests see it. */
interface Running {
  readonly base: string;
  join(name: string): Promise<Member>;
  revoke(tokenId: string): Promise<void>;
  stop(): Promise<void>;
}

interface Engine {
  readonly name: string;
  /** Starts servers sharing one store (SQLite: one server; PostgreSQL: `count` instances). */
  start(limits: Partial<ServerLimits>, count: number): Promise<Running[]>;
  dispose(): Promise<void>;
}

const quiet = memoryLog();

function sqliteEngine(): Engine {
  const folders: Array<{ remove(): void }> = [];
  return {
    name: 'SQLite',
    async start(limits) {
      const data = temporaryDataDir();
      folders.push(data);
      const handle = await startSyncServer({ host: '127.0.0.1', port: 0, dataDir: data.dir, log: quiet.log, limits });
      return [{
        base: httpBaseOf(handle.url),
        async join(name) {
          const projectId = handle.tokens.createProject(name).id;
          const created = handle.tokens.createToken({ projectId, label: name });
          return { projectId, token: created.token, tokenId: created.record.id };
        },
        async revoke(tokenId) {
          handle.revokeToken(tokenId);
        },
        stop: () => handle.stop(),
      }];
    },
    async dispose() {
      for (const folder of folders) folder.remove();
    },
  };
}

function postgresEngine(): Engine {
  let postgres: TestPostgres | null = null;
  let databases = 0;
  return {
    name: 'PostgreSQL',
    async start(limits, count) {
      postgres ??= await startPostgres();
      const url = await postgres.createDatabase(`texts_${++databases}`);
      const running: Running[] = [];
      for (let index = 0; index < count; index++) {
        const store = await openPostgresStore(url);
        const core = await runSyncServer(store, { host: '127.0.0.1', port: 0, limits: resolveLimits(limits), log: quiet.log, revocationPollMs: 60_000, storeDebounceMs: 200 });
        running.push({
          base: httpBaseOf(core.url),
          async join(name) {
            const projectId = (await store.tokens.createProject(name)).id;
            const created = await store.tokens.createToken({ projectId, label: name });
            return { projectId, token: created.token, tokenId: created.record.id };
          },
          async revoke(tokenId) {
            await store.tokens.revokeToken(tokenId);
          },
          stop: () => core.stop(),
        });
      }
      return running;
    },
    async dispose() {
      await postgres?.stop();
    },
  };
}

const put = (base: string, member: Member, text: AddedText, body: BodyInit = text.source, headers: Record<string, string> = {}) =>
  fetch(documentTextUrl(base, member.projectId, text.id), { method: 'PUT', body, headers: { authorization: `Bearer ${member.token}`, ...headers }, duplex: 'half' } as RequestInit);

const get = (base: string, member: Member, id: AddedText['id'], headers: Record<string, string> = {}) =>
  fetch(documentTextUrl(base, member.projectId, id), { headers: { authorization: `Bearer ${member.token}`, ...headers } });

const corridor = addedText('Middle Corridor', ['# The Middle Corridor', 'Freight through Baku doubled in two years.', '- rail', '- ferries']);

describe.each([sqliteEngine(), postgresEngine()])('document texts over HTTP ($name)', (engine) => {
  let servers: Running[];
  let base: string;
  let ana: Member;
  let other: Member;

  beforeAll(async () => {
    servers = await engine.start({}, 2);
    base = servers[0]!.base;
    ana = await servers[0]!.join('texts');
    other = await servers[0]!.join('elsewhere');
  }, 60_000);

  afterAll(async () => {
    for (const server of servers ?? []) await server.stop();
    await engine.dispose();
  });

  it('stores a text once and serves it back, immutable and cacheable under its id', async () => {
    const first = await put(base, ana, corridor);
    expect(first.status).toBe(201);
    const again = await put(base, ana, corridor);
    expect(again.status).toBe(200);
    expect(await again.text()).toMatch(/already stored/);
    for (const server of servers) {
      const response = await get(server.base, ana, corridor.id);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(response.headers.get('etag')).toBe(`"${corridor.id}"`);
      expect(response.headers.get('cache-control')).toContain('immutable');
      expect(await response.text()).toBe(corridor.source);
    }
    const cached = await get(base, ana, corridor.id, { 'if-none-match': `"${corridor.id}"` });
    expect(cached.status).toBe(304);
  });

  it('answers 404 for a text nobody uploaded, and for a path that names no added document', async () => {
    const missing = addedText('Never sent', ['Nobody uploaded this.']);
    const response = await get(base, ana, missing.id);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/has not been uploaded/);
    const slug = await fetch(`${base}/documents/${ana.projectId}/azerbaijan-back-to-normalcy`, { headers: { authorization: `Bearer ${ana.token}` } });
    expect(slug.status).toBe(404);
  });

  it('stores concurrent PUTs of one id once: one 201, the others 200', async () => {
    const shared = addedText('Concurrent', ['Four people upload this at once.']);
    const statuses = await Promise.all(servers.flatMap((server) => [put(server.base, ana, shared), put(server.base, ana, shared)]).map(async (response) => (await response).status));
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(statuses.length - 1);
    expect(await (await get(base, ana, shared.id)).text()).toBe(shared.source);
  });

  it('refuses requests without a token, with an unknown one, and with another project\'s token', async () => {
    const none = await fetch(documentTextUrl(base, ana.projectId, corridor.id));
    expect(none.status).toBe(401);
    expect(await none.text()).toMatch(/token required/);
    const unknown = await get(base, { ...ana, token: 'mgt1.nothing.here' }, corridor.id);
    expect(unknown.status).toBe(401);
    const crossRead = await get(base, { ...other, projectId: ana.projectId }, corridor.id);
    expect(crossRead.status).toBe(403);
    expect(await crossRead.text()).toMatch(/not valid for this project/);
    const elsewhere = addedText('Elsewhere', ['Written with the wrong key.']);
    const crossWrite = await put(base, { ...other, projectId: ana.projectId }, elsewhere);
    expect(crossWrite.status).toBe(403);
    expect((await get(base, ana, elsewhere.id)).status).toBe(404);
    // The other project's own token does not see the first project's text under its own project either.
    expect((await get(base, other, corridor.id)).status).toBe(404);
  });

  it('refuses a revoked token at once, on every instance', async () => {
    const leaving = await servers[0]!.join('revoked');
    const text = addedText('Revoked', ['Sent before the token was revoked.']);
    expect((await put(base, leaving, text)).status).toBe(201);
    await servers[0]!.revoke(leaving.tokenId);
    for (const server of servers) {
      const response = await get(server.base, leaving, text.id);
      expect(response.status).toBe(403);
      expect(await response.text()).toMatch(/token revoked/);
      expect((await put(server.base, leaving, addedText('After', ['Too late.']))).status).toBe(403);
    }
  });

  it('refuses a tampered text, a malformed one and one not in UTF-8 with 422 and the reason, storing nothing', async () => {
    const tampered = await put(base, ana, { ...corridor, id: addedText('Other', ['Different words.']).id });
    expect(tampered.status).toBe(422);
    expect(await tampered.text()).toMatch(/does not match|content hash gives/);
    const edited = addedText('Edited', ['The original sentence.']);
    const changed = await put(base, ana, edited, edited.source.replace('original', 'altered'));
    expect(changed.status).toBe(422);
    expect(await changed.text()).toMatch(new RegExp(`content hash gives the id doc-[0-9a-f]{16}, not ${edited.id}`));
    expect((await get(base, ana, edited.id)).status).toBe(404);
    const malformed = await put(base, ana, edited, 'just some words, no front matter\n');
    expect(malformed.status).toBe(422);
    expect(await malformed.text()).toMatch(/does not parse: .*front matter/);
    const latin1 = await put(base, ana, edited, new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0xff]));
    expect(latin1.status).toBe(422);
    expect(await latin1.text()).toMatch(/not valid UTF-8/);
    expect((await get(base, ana, edited.id)).status).toBe(404);
  });

  it('answers CORS preflights for allowed origins and refuses other pages', async () => {
    const preflight = await fetch(documentTextUrl(base, ana.projectId, corridor.id), {
      method: 'OPTIONS',
      headers: { origin: 'app://marginalia', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('app://marginalia');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const stranger = await get(base, ana, corridor.id, { origin: 'https://evil.example' });
    expect(stranger.status).toBe(403);
  });
});

describe('document text limits (SQLite)', () => {
  const engine = sqliteEngine();
  let running: Running;
  let ana: Member;

  beforeAll(async () => {
    [running] = (await engine.start({ maxDocumentTextBytes: 2000, tokenTextRequestsPerSecond: 1, tokenTextRequestBurst: 6 }, 1)) as [Running];
    ana = await running.join('limits');
  });

  afterAll(async () => {
    await running?.stop();
    await engine.dispose();
  });

  it('refuses a text over the size limit with 413, whether its length is declared or streamed', async () => {
    const big = addedText('Too long', Array.from({ length: 60 }, (_, index) => `Sentence number ${index} of a text too long for this server.`));
    expect(new TextEncoder().encode(big.source).byteLength).toBeGreaterThan(2000);
    const declared = await put(running.base, ana, big);
    expect(declared.status).toBe(413);
    expect(await declared.text()).toMatch(/over the limit of 2000/);
    const chunks = new TextEncoder().encode(big.source);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < chunks.byteLength; at += 500) controller.enqueue(chunks.slice(at, at + 500));
        controller.close();
      },
    });
    const streamed = await put(running.base, ana, big, stream);
    expect(streamed.status).toBe(413);
    expect((await get(running.base, ana, big.id)).status).toBe(404);
  });

  it('refuses requests over the token\'s rate with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let index = 0; index < 12; index++) {
      const response = await get(running.base, ana, corridor.id);
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses).toContain(429);
    expect(retryAfter).toBe('1');
  });
});
