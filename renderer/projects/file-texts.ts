/**
 * Storing the texts of added documents a project file carries (checked against its
 * registry when the file was read) in the local text store, before the file's records are
 * applied, so every card of the merged or opened project reads at once.
 */
import type { FileText } from './file-jobs-protocol.ts';

/** Where the texts go (the local text store satisfies this). */
export interface FileTextStore {
  put(id: string, source: string): Promise<void>;
}

/**
 * Stores every text; a store that can keep a text only in memory (disk full, storage
 * blocked) does not stop the file. Returns one sentence per text that could not be kept.
 */
export async function storeFileTexts(store: FileTextStore | undefined, texts: Iterable<FileText>): Promise<string[]> {
  if (store === undefined) return [];
  const problems: string[] = [];
  for (const [id, text] of texts) {
    try {
      await store.put(id, text);
    } catch (error) {
      problems.push(`the text of ${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}
