/**
 * The stored state of the page's projects, read from IndexedDB in the page (reading only):
 * benches that reload a project or weigh its heap first wait for the app to have compacted
 * what a merge or an opened file stored, so they measure the state a person meets when
 * they next open the app, not the second or two while the store is being rewritten (the
 * compaction then holds the stored updates and their slices, and the heap read 67 MB at
 * 10k against ~45 MB once it was done).
 */
import type { Page } from 'playwright-core';
import { WHOLE_UPDATE_BYTES } from '#shared/model/load-in-slices.ts';

/** Waits (up to a minute) until no project of the page stores an update larger than a load applies whole. */
export async function storeCompacted(page: Page): Promise<void> {
  await page.waitForFunction(async (limit) => {
    const names = (await indexedDB.databases()).map((info) => info.name ?? '').filter((name) => name.startsWith('marginalia-project-'));
    const largest = await Promise.all(names.map((name) => new Promise<number>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('updates')) {
          db.close();
          resolve(0);
          return;
        }
        const read = db.transaction('updates').objectStore('updates').getAll();
        read.onerror = () => reject(read.error);
        read.onsuccess = () => {
          db.close();
          resolve(Math.max(0, ...(read.result as Uint8Array[]).map((update) => update.length)));
        };
      };
    })));
    return largest.every((size) => size <= limit);
  }, WHOLE_UPDATE_BYTES, { timeout: 60_000, polling: 250 });
}
