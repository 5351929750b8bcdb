/**
 * Watching the added-documents registry (root `d`, documents.ts): a listener called after
 * every transaction that changed a document record — added, edited, trashed, restored,
 * versioned — from this replica or from sync. Code outside the model (the transfer of
 * document texts, renderer/sync/document-transfer.ts) uses it instead of the layout.
 */
import type * as Y from 'yjs';
import { roots } from './layout.ts';

/** Calls `listener` after each transaction that changed the registry; returns the unsubscribe function. */
export function observeDocumentRegistry(doc: Y.Doc, listener: () => void): () => void {
  const registry = roots(doc).documents;
  const handler = (): void => listener();
  registry.observeDeep(handler);
  return () => registry.unobserveDeep(handler);
}
