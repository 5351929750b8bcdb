/**
 * The document transfer of a running team sync (docs/architecture.md §6, "Document
 * texts"): started with the sync, on the same server and token, over the local text store,
 * and told when the team connection comes back so waiting uploads go at once.
 */
import type * as Y from 'yjs';
import { startDocumentTransfer, type DocumentTransfer, type LocalDocumentTexts } from './document-transfer.ts';
import type { TeamSync } from './team-sync.ts';

/** Options of {@link startTeamDocuments}. */
export interface TeamDocumentsOptions {
  readonly sync: Pick<TeamSync, 'projectId' | 'serverUrl' | 'status' | 'subscribe'>;
  readonly token: string;
  readonly doc: Y.Doc;
  readonly texts: LocalDocumentTexts;
  readonly fetch?: typeof fetch;
}

/** Starts the transfer of `sync`'s project; stop it when the sync stops. */
export function startTeamDocuments(options: TeamDocumentsOptions): DocumentTransfer {
  const { sync } = options;
  return startDocumentTransfer({
    serverUrl: sync.serverUrl,
    token: options.token,
    projectId: sync.projectId,
    doc: options.doc,
    texts: options.texts,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    watchConnection(onConnected) {
      let connected = sync.status().socket === 'connected';
      return sync.subscribe(() => {
        const now = sync.status().socket === 'connected';
        if (now && !connected) onConnected();
        connected = now;
      });
    },
  });
}
