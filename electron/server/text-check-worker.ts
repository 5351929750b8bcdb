/**
 * Worker thread of text-checker.ts: checks added documents' texts (checkAddedText,
 * shared/documents/added-text.ts) off the server's event loop. Parsing a 2-million-character
 * article takes 50–200 ms, which on the main thread would hold every room's deliveries.
 *
 * Receives `{ seq, source, documentId }`, answers `{ seq, reason }` (null when the text is
 * the one its id names).
 */
import { parentPort } from 'node:worker_threads';
import { checkAddedText } from '#shared/documents/added-text.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';

parentPort?.on('message', (message: { seq: number; source: string; documentId: DocumentId }) => {
  let reason: string | null;
  try {
    const verdict = checkAddedText(message.source, message.documentId);
    reason = verdict.ok ? null : verdict.reason;
  } catch (error) {
    reason = `the text could not be checked: ${error instanceof Error ? error.message : String(error)}`;
  }
  parentPort?.postMessage({ seq: message.seq, reason });
});
