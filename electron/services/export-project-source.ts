/**
 * Where `marginalia export` reads a project from: a saved project file
 * (`encodeProjectFile` format) or a running sync server (one Hocuspocus room per project).
 *
 * Both return a fresh Y.Doc or throw `ExportSourceError` with a one-line reason the command
 * prints as is: unreadable or damaged file, refused token, unreachable server, no sync
 * within the timeout. The server path connects exactly like the app (Node `ws` as the
 * WebSocket), waits for the first full sync, then disconnects; it never writes.
 */
import { readFile } from 'node:fs/promises';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { ProjectId } from '#shared/model/ids.ts';
import { getProjectMeta } from '#shared/model/project.ts';
import { mergeProjectFile } from '#shared/model/project-file.ts';
import { isProjectId, roomForProject } from '#shared/sync/rooms.ts';

/** A reason the project could not be read, fit for one line of output. */
export class ExportSourceError extends Error {
  override readonly name = 'ExportSourceError';
}

/** Reads a saved project file into a new Y.Doc. */
export async function loadProjectFile(path: string): Promise<Y.Doc> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExportSourceError(`cannot read project file ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`);
  }
  const doc = new Y.Doc();
  const result = mergeProjectFile(doc, bytes);
  if (!result.ok) throw new ExportSourceError(`cannot open project file ${path}: ${result.error}`);
  return doc;
}

/** Connection details of a sync server project. */
export type ServerProjectSource = {
  readonly url: string;
  readonly projectId: string;
  readonly token: string;
  /** How long to wait for the first sync (ms); default 10 s. */
  readonly timeoutMs?: number;
};

/** Downloads a project from a sync server into a new Y.Doc (read-only: nothing is sent but the sync request). */
export async function fetchProjectFromServer(source: ServerProjectSource): Promise<Y.Doc> {
  if (!isProjectId(source.projectId)) throw new ExportSourceError(`"${source.projectId}" is not a project id`);
  if (!/^wss?:\/\//.test(source.url)) throw new ExportSourceError(`the server URL must start with ws:// or wss:// (got "${source.url}")`);
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: source.url, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
  let opened = false;
  let settle: (error?: ExportSourceError) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    settle = (error) => (error ? reject(error) : resolve());
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: roomForProject(source.projectId as ProjectId),
    document: doc,
    token: source.token,
    onOpen: () => {
      opened = true;
    },
    onSynced: ({ state }) => {
      if (state) settle();
    },
    onAuthenticationFailed: ({ reason }) => settle(new ExportSourceError(`the server refused the token for project ${source.projectId} (${reason})`)),
    onClose: () => {
      if (!opened) settle(new ExportSourceError(`cannot reach the sync server at ${source.url}`));
    },
  });
  provider.attach();
  const timeoutMs = source.timeoutMs ?? 10_000;
  const timer = setTimeout(() => settle(new ExportSourceError(`no sync from ${source.url} within ${timeoutMs / 1000} s`)), timeoutMs);
  try {
    await done;
    if (getProjectMeta(doc).id === undefined) throw new ExportSourceError(`the server holds no data for project ${source.projectId} yet`);
    return doc;
  } finally {
    clearTimeout(timer);
    provider.destroy();
    socket.destroy();
  }
}
