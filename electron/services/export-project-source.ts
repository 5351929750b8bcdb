/**
 * Where `marginalia export` reads a project from: a saved project file
 * (`encodeProjectFile` format, with the texts of its added documents) or a running sync
 * server (one Hocuspocus room per project).
 *
 * Both return a fresh Y.Doc or throw an `ExportError` whose problem says why (unreadable or
 * damaged file, refused token, unreachable server, no sync within the timeout, nothing
 * stored yet); the command words it. `loadProjectWithArticles` adds the articles a command
 * reads the project against: the bundled ones and, from a file, its added documents. The server path connects exactly like the app (Node `ws` as the
 * WebSocket), waits for the first full sync, then disconnects; it never writes.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { DocumentId } from '#shared/documents/manifest.ts';
import type { Article } from '#shared/documents/article.ts';
import { addedDocumentArticles } from '#shared/export/added-articles.ts';
import { ExportError } from '#shared/export/export-error.ts';
import type { ProjectId } from '#shared/model/ids.ts';
import { getProjectMeta } from '#shared/model/project.ts';
import { PROJECT_FILE_MAX_BYTES, mergeProjectFile } from '#shared/model/project-file.ts';
import { isProjectId, roomForProject } from '#shared/sync/rooms.ts';
import { readRegularFile } from './bounded-read.ts';
import { fileFailureOf } from './export-write.ts';

/** Reads a saved project file into a new Y.Doc (a regular file of at most PROJECT_FILE_MAX_BYTES, checked before reading). */
export async function loadProjectFile(path: string): Promise<Y.Doc> {
  return (await loadProjectFileWithTexts(path)).doc;
}

/** Reads a saved project file like {@link loadProjectFile}, with the texts of its added documents (article files by id). */
export async function loadProjectFileWithTexts(path: string): Promise<{ doc: Y.Doc; texts: ReadonlyMap<DocumentId, string> }> {
  let bytes: Uint8Array;
  try {
    bytes = await readRegularFile(path, PROJECT_FILE_MAX_BYTES, 'project files');
  } catch (error) {
    throw new ExportError({ code: 'project-unreadable', path, ...fileFailureOf(error) });
  }
  const doc = new Y.Doc();
  const result = mergeProjectFile(doc, bytes);
  if (!result.ok) throw new ExportError({ code: 'project-damaged', path, detail: result.error });
  return { doc, texts: result.texts };
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
  if (!isProjectId(source.projectId)) throw new ExportError({ code: 'not-a-project-id', projectId: source.projectId });
  if (!/^wss?:\/\//.test(source.url)) throw new ExportError({ code: 'not-a-server-url', url: source.url });
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: source.url, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
  let opened = false;
  let settle: (error?: ExportError) => void = () => {};
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
    onAuthenticationFailed: ({ reason }) => settle(new ExportError({ code: 'token-refused', projectId: source.projectId, reason })),
    onClose: () => {
      if (!opened) settle(new ExportError({ code: 'server-unreachable', url: source.url }));
    },
  });
  provider.attach();
  const timeoutMs = source.timeoutMs ?? 10_000;
  const timer = setTimeout(() => settle(new ExportError({ code: 'sync-timeout', url: source.url, seconds: timeoutMs / 1000 })), timeoutMs);
  try {
    await done;
    if (getProjectMeta(doc).id === undefined) throw new ExportError({ code: 'server-empty', projectId: source.projectId });
    return doc;
  } finally {
    clearTimeout(timer);
    provider.destroy();
    socket.destroy();
  }
}

/** A project and every article its highlights can be placed on. */
export type ProjectWithArticles = { readonly project: Y.Doc; readonly articles: readonly Article[] };

/**
 * Reads a project from a file (`from`) or a sync server (`server`), with `bundled` and —
 * for a file, which carries them — the added documents' texts as articles, so analysis
 * commands count the codings on added documents exactly like those on bundled articles.
 */
export async function loadProjectWithArticles(
  source: { readonly from?: string; readonly server?: ServerProjectSource },
  bundled: readonly Article[],
): Promise<ProjectWithArticles> {
  if (source.server) return { project: await fetchProjectFromServer(source.server), articles: bundled };
  const { doc, texts } = await loadProjectFileWithTexts(source.from as string);
  return { project: doc, articles: [...bundled, ...addedDocumentArticles(doc, texts)] };
}
