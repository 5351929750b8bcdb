/**
 * Reading a whole project's Y state from a sync server, for command-line tools such as
 * `marginalia export --server` that need the team's merged data without the app.
 *
 * Two ways in:
 * - `fetchProjectState` connects like any teammate (invite parts: URL, project, token),
 *   waits for the initial sync and returns the state; a refusal becomes an Error whose
 *   message is the server's reason ("token revoked", …).
 * - `readStoredProjectState` reads the server's data folder directly (snapshot + log),
 *   for the person who runs the server; safe while the server runs (WAL readers).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { ProjectId } from '#shared/model/ids.ts';
import { roomForProject } from '#shared/sync/rooms.ts';
import { createDocumentStore } from './document-store.ts';
import { openServerDatabase } from './server-database.ts';

/** Where and as whom to fetch a project. */
export interface FetchProjectOptions {
  readonly serverUrl: string;
  readonly projectId: ProjectId;
  readonly token: string;
  /** Give up after this many milliseconds; default 15000. */
  readonly timeoutMs?: number;
}

/** Connects to a sync server, waits for the project to sync, and returns its full Y state. */
export function fetchProjectState(options: FetchProjectOptions): Promise<Uint8Array> {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: options.serverUrl, WebSocketPolyfill: WebSocket });
  return new Promise<Uint8Array>((resolve, reject) => {
    let provider: HocuspocusProvider | undefined;
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      provider?.destroy();
      socket.destroy();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`no sync with ${options.serverUrl} within ${options.timeoutMs ?? 15_000} ms`))),
      options.timeoutMs ?? 15_000,
    );
    provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: roomForProject(options.projectId),
      document: doc,
      token: options.token,
      awareness: null,
      onSynced: ({ state }) => {
        if (state) finish(() => resolve(Y.encodeStateAsUpdate(doc)));
      },
      onAuthenticationFailed: ({ reason }) => finish(() => reject(new Error(reason))),
    });
    provider.attach();
  });
}

/** The stored state of a project in a server data folder, or null if the server has none. */
export function readStoredProjectState(dataDir: string, projectId: ProjectId): Uint8Array | null {
  const db = openServerDatabase(dataDir);
  try {
    return createDocumentStore(db).load(roomForProject(projectId));
  } finally {
    db.close();
  }
}
