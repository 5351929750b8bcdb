/**
 * A real team sync server for renderer, end-to-end and benchmark tests: in-process
 * (`startSyncServer`) or as a child process (`node electron/server/cli.ts serve`, needed
 * for kill -9 and for measuring the server's own RSS). Both listen on 127.0.0.1 with port
 * 0 (or a given port, to restart "the same" server), keep their data in a temporary folder,
 * and stop themselves: callers put `stop()` in afterAll.
 *
 * Projects and tokens are created through the server's token store (in-process) or the
 * CLI's `project create` / `token create` (child process, same SQLite file — WAL lets both
 * run at once), and come back with a ready invite link.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSyncServer, type SyncServerHandle } from '../../electron/server/sync-server.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import { encodeInvite } from '#shared/sync/invite.ts';

const run = promisify(execFile);

/** The repository root. */
export const REPO_ROOT = new URL('../../', import.meta.url).pathname;

/** A fresh temporary data folder and its removal. */
export function temporaryDataDir(prefix = 'marginalia-sync-'): { readonly dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A project with an invite, as a teammate receives it. */
export interface TestInvite {
  readonly projectId: ProjectId;
  readonly tokenId: string;
  readonly token: string;
  readonly link: string;
}

/** Polls `condition` every 10 ms; throws naming `what` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Test pages are served from http://127.0.0.1 on a random port, an origin the server
 * refuses unless told (no browser origin by default): allow it on any port.
 */
export const LOOPBACK_PAGE_ORIGIN = 'http://127.0.0.1:*';
const TEST_PAGE_LIMITS = { allowedOrigins: [LOOPBACK_PAGE_ORIGIN] };

/** An in-process server with helpers. */
export interface InProcessSyncServer {
  readonly handle: SyncServerHandle;
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Creates a project and its first token. */
  createProject(name: string): TestInvite;
  /** Creates another token for `projectId`. */
  createToken(projectId: ProjectId, label: string): TestInvite;
  /** Stops the server (data folder kept, so `restart()` can reopen it). */
  stop(): Promise<void>;
  /** Starts a new server on the same port and data folder. */
  restart(): Promise<void>;
  /** Stops and removes the data folder. */
  dispose(): Promise<void>;
}

/** Starts a server in this process on 127.0.0.1 (log silenced). */
export async function startInProcessServer(options: { readonly port?: number; readonly dataDir?: string } = {}): Promise<InProcessSyncServer> {
  const data = options.dataDir === undefined ? temporaryDataDir() : { dir: options.dataDir, remove: () => undefined };
  let handle = await startSyncServer({ host: '127.0.0.1', port: options.port ?? 0, dataDir: data.dir, log: () => {}, storeDebounceMs: 200, limits: TEST_PAGE_LIMITS });
  const port = handle.port;
  let running = true;
  const invite = (projectId: ProjectId, label: string): TestInvite => {
    const created = handle.tokens.createToken({ projectId, label });
    return { projectId, tokenId: created.record.id, token: created.token, link: encodeInvite({ serverUrl: handle.url, projectId, token: created.token }) };
  };
  const server: InProcessSyncServer = {
    get handle() {
      return handle;
    },
    url: handle.url,
    port,
    dataDir: data.dir,
    createProject: (name) => invite(handle.tokens.createProject(name).id, 'first invite'),
    createToken: invite,
    async stop() {
      if (!running) return;
      running = false;
      await handle.stop();
    },
    async restart() {
      if (running) await handle.stop();
      handle = await startSyncServer({ host: '127.0.0.1', port, dataDir: data.dir, log: () => {}, storeDebounceMs: 200, limits: TEST_PAGE_LIMITS });
      running = true;
    },
    async dispose() {
      await server.stop();
      data.remove();
    },
  };
  return server;
}

/** A server running as a child process. */
export interface ChildSyncServer {
  readonly child: ChildProcess;
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** Resolves with how the process ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills the process with `signal` (default SIGTERM) and waits for it to end. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Calls `onLine` with each complete line `stream` writes (a child's stdout: the sync
 * server logs one JSON object a line), however the chunks happen to split them.
 */
export function forEachLine(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  let buffered = '';
  stream?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      onLine(line);
      newline = buffered.indexOf('\n');
    }
  });
}

/** Starts `node electron/server/cli.ts serve` on 127.0.0.1 and resolves once it logs `listening`. */
export async function startChildServer(options: { readonly dataDir: string; readonly port?: number; readonly args?: readonly string[] }): Promise<ChildSyncServer> {
  const args = ['--host', '127.0.0.1', '--port', String(options.port ?? 0), '--data', options.dataDir, '--allow-origins', LOOPBACK_PAGE_ORIGIN, ...(options.args ?? [])];
  const child = spawn(process.execPath, ['electron/server/cli.ts', 'serve', ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let listening: { url: string; port: number } | null = null;
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  forEachLine(child.stdout, (line) => {
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (entry.event === 'listening') listening = { url: String(entry.url), port: Number(entry.port) };
    } catch {
      // not a log line; ignore
    }
  });
  let ended = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      ended = true;
      resolve({ code, signal });
    });
  });
  await waitUntil(() => listening !== null || ended, 'the child sync server to listen', 20_000);
  const address = listening as { url: string; port: number } | null;
  if (address === null) throw new Error(`the sync server exited before listening: ${stderr.trim()}`);
  return {
    child,
    url: address.url,
    port: address.port,
    dataDir: options.dataDir,
    exited,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      if (!ended) child.kill(signal);
      await exited;
    },
  };
}

/** Creates a project (and its first token) in a data folder through the CLI; works while a child server runs. */
export async function createProjectWithCli(dataDir: string, serverUrl: string, name: string): Promise<TestInvite> {
  const { stdout } = await run(process.execPath, ['electron/server/cli.ts', 'project', 'create', '--name', name, '--server-url', serverUrl, '--data', dataDir], { cwd: REPO_ROOT });
  const field = (key: string): string => {
    const match = new RegExp(`^${key}:\\s+(\\S+)`, 'm').exec(stdout);
    if (match?.[1] === undefined) throw new Error(`project create printed no ${key}: ${stdout}`);
    return match[1];
  };
  return { projectId: field('project') as ProjectId, tokenId: field('token id'), token: field('token'), link: field('invite') };
}
