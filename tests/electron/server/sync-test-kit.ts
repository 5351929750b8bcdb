/**
 * Test kit for the sync server: real providers over real websockets, bounded waits, and
 * temporary data folders. Used by the tests in this folder only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { ProjectId } from '#shared/model/ids.ts';
import { roomForProject } from '#shared/sync/rooms.ts';
import type { SyncServerLogEntry } from '../../../electron/server/server-log.ts';
import { forEachLine } from '../../helpers/sync-server.ts';

/** Polls `condition` every 10 ms until it holds; throws with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A fresh temporary data folder and its cleanup. */
/** Resolves as `promise` does, or fails naming `what` after `ms` milliseconds. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function temporaryDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-sync-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A log sink that keeps entries in memory. */
export function memoryLog(): { entries: SyncServerLogEntry[]; log: (entry: SyncServerLogEntry) => void } {
  const entries: SyncServerLogEntry[] = [];
  return { entries, log: (entry) => entries.push(entry) };
}

/** A connected test client: provider, its Y.Doc, and what it has been told. */
export interface TestClient {
  readonly provider: HocuspocusProvider;
  readonly doc: Y.Doc;
  /** Reasons received through `authenticationFailed`. */
  readonly refusals: string[];
  /** Becomes true on `authenticated`. */
  authenticated: boolean;
  destroy(): void;
}

/**
 * Connects a provider to a project room the way the app does: one
 * HocuspocusProviderWebsocket (Node `ws` as the WebSocket, fast reconnects) and a
 * provider attached to it.
 */
export function connectClient(input: { url: string; projectId: ProjectId; token: string; doc?: Y.Doc }): TestClient {
  const doc = input.doc ?? new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({
    url: input.url,
    WebSocketPolyfill: WebSocket,
    delay: 50,
    minDelay: 20,
    maxDelay: 300,
    factor: 1.5,
  });
  const refusals: string[] = [];
  const client: TestClient = {
    doc,
    refusals,
    authenticated: false,
    provider: new HocuspocusProvider({
      websocketProvider: socket,
      name: roomForProject(input.projectId),
      document: doc,
      token: input.token,
      onAuthenticated: () => {
        client.authenticated = true;
      },
      onAuthenticationFailed: ({ reason }) => {
        refusals.push(reason);
      },
    }),
    destroy: () => {
      client.provider.destroy();
      socket.destroy();
    },
  };
  client.provider.attach();
  return client;
}

/** Resolves when the client is synced with the server and has nothing unacknowledged. */
export function whenSynced(client: TestClient, timeoutMs = 5000): Promise<void> {
  return waitFor(
    () => client.provider.isSynced && client.provider.unsyncedChanges === 0,
    'provider to be synced',
    timeoutMs,
  );
}

/**
 * The text of note `noteId` in the project layout (`n.<noteId>.t`), created empty on first
 * use: what tests type into, since the server accepts only the project layout.
 */
export function noteText(doc: Y.Doc, noteId = 'probe'): Y.Text {
  const notes = doc.getMap<Y.Map<unknown>>('n');
  let note = notes.get(noteId);
  if (!(note instanceof Y.Map)) {
    note = new Y.Map<unknown>();
    notes.set(noteId, note);
  }
  let text = note.get('t');
  if (!(text instanceof Y.Text)) {
    text = new Y.Text();
    note.set('t', text);
  }
  return text as Y.Text;
}

/** The text of note `noteId` (empty when there is none). */
export function textOf(doc: Y.Doc, noteId = 'probe'): string {
  const text = doc.getMap<Y.Map<unknown>>('n').get(noteId)?.get('t');
  return text instanceof Y.Text ? text.toString() : '';
}

/** A sync server running as a child process (`node electron/server/cli.ts …`). */
export interface ChildServer {
  readonly child: import('node:child_process').ChildProcess;
  readonly url: string;
  readonly port: number;
  /** Every stdout line parsed as JSON so far. */
  readonly lines: Array<Record<string, unknown>>;
  /** Everything written to stderr so far. */
  readonly stderr: () => string;
  /** Resolves with the exit code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The repository root (tests run from it). */
export const REPO_ROOT = new URL('../../../', import.meta.url).pathname;

/** Starts `cli.ts serve --port 0 --data dir` and resolves when it logs `listening`. */
export async function startChildServer(dataDir: string, extraArgs: string[] = []): Promise<ChildServer> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, ['electron/server/cli.ts', 'serve', '--port', '0', '--data', dataDir, ...extraArgs], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  forEachLine(child.stdout, (line) => {
    lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let exitedEarly = false;
  void exited.then(() => {
    exitedEarly = true;
  });
  await waitFor(() => lines.some((line) => line.event === 'listening') || exitedEarly, 'child server to listen', 15_000);
  const listening = lines.find((line) => line.event === 'listening');
  if (!listening) throw new Error(`child server exited before listening: ${stderr}`);
  return { child, url: String(listening.url), port: Number(listening.port), lines, exited, stderr: () => stderr };
}
