/**
 * The page side of the `model` suite's Chromium heap rows (bench/model-heap-chromium.ts),
 * bundled into a blank page: the project's update is handed over once, then each call
 * loads it into a new doc that stays alive, with the reader the app loads and merges with
 * or with Yjs's own.
 */
import * as Y from 'yjs';
import { applyUpdateQuickly } from '#shared/model/quick-update-decoder.ts';

/** What the bundle puts on `window`. */
export interface HeapPage {
  /** Takes the project's update, base64-encoded (evaluate carries strings, not bytes). */
  receive(base64: string): void;
  /** Loads the update received into a new doc kept alive; returns the doc's client count. */
  load(reader: 'app' | 'yjs'): number;
}

const docs: Y.Doc[] = [];
let update = new Uint8Array();

const page: HeapPage = {
  receive(base64) {
    update = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  },
  load(reader) {
    const doc = new Y.Doc();
    (reader === 'app' ? applyUpdateQuickly : Y.applyUpdate)(doc, update);
    docs.push(doc);
    return doc.store.clients.size;
  },
};

(window as unknown as { heapPage: HeapPage }).heapPage = page;
