/**
 * The added documents the library lists, joined with the bundled articles: a registry
 * record whose text is here becomes an openable entry titled as the registry says; one
 * whose text is missing is listed as not downloaded and opens once its text is stored
 * (as when it arrives from the server); trashed and replaced documents stay openable but
 * leave the library's list.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { convertDocument } from '#shared/documents/import/convert.ts';
import { addDocument, trashDocument, updateDocumentMeta } from '#shared/model/documents.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { newDocumentOf } from '../../../renderer/library/document-import.ts';
import { createAddedDocuments } from '../../../renderer/store/added-documents.ts';
import { openDocumentTexts } from '../../../renderer/store/document-texts.ts';
import { createLibraryStore, listedEntries, type LibraryState } from '../../../renderer/store/library-store.ts';
import type { FetchText } from '../../../renderer/services/documents.ts';

const actor = { member: 'nigar-member-id-000000' as MemberId };
const noBundled: FetchText = async () => ({ ok: true, status: 200, statusText: 'OK', text: async () => JSON.stringify({ version: 1, documents: [] }) });

async function readyState(read: () => LibraryState, until: (state: Extract<LibraryState, { status: 'ready' }>) => boolean) {
  await expect.poll(() => { const state = read(); return state.status === 'ready' && until(state); }).toBe(true);
  return read() as Extract<LibraryState, { status: 'ready' }>;
}

describe('added documents in the library store', () => {
  it('lists a document whose text is here as an entry titled by the registry, and one without text as missing until it arrives', async () => {
    const doc = new Y.Doc();
    const texts = openDocumentTexts(indexedDB);
    const here = await convertDocument(new TextEncoder().encode('Here\nA text on this computer.'), 'here.txt');
    const elsewhere = await convertDocument(new TextEncoder().encode('Elsewhere\nA text still on the server.'), 'elsewhere.txt');
    await texts.put(here.id, here.source);
    const library = createLibraryStore(noBundled, createAddedDocuments({ doc, texts }));
    addDocument(doc, actor, newDocumentOf(here));
    addDocument(doc, actor, newDocumentOf(elsewhere));
    updateDocumentMeta(doc, actor, here.id, { title: 'Renamed here' });

    let state = await readyState(library.getSnapshot, (ready) => ready.added.length === 2 && ready.added.every((entry) => entry.text.status !== 'loading'));
    expect(state.entries.map((entry) => entry.id)).toEqual([here.id]);
    const entry = state.entries[0];
    expect(entry?.status === 'ready' ? entry.article.meta.title : null).toBe('Renamed here');
    expect(state.added.find((candidate) => candidate.view.id === elsewhere.id)?.text.status).toBe('missing');

    await texts.put(elsewhere.id, elsewhere.source);
    state = await readyState(library.getSnapshot, (ready) => ready.entries.length === 2);
    // Both listed (in the order they were added, or by id when added in the same millisecond).
    expect(listedEntries(state).map((listed) => listed.id).sort()).toEqual([here.id, elsewhere.id].sort());
  });

  it('keeps a trashed document openable but out of the library list', async () => {
    const doc = new Y.Doc();
    const texts = openDocumentTexts(null);
    const converted = await convertDocument(new TextEncoder().encode('Trashed\nSoon gone.'), 'gone.txt');
    await texts.put(converted.id, converted.source).catch(() => undefined);
    const library = createLibraryStore(noBundled, createAddedDocuments({ doc, texts }));
    addDocument(doc, actor, newDocumentOf(converted));
    await readyState(library.getSnapshot, (ready) => ready.entries.length === 1);
    trashDocument(doc, actor, converted.id);
    const state = await readyState(library.getSnapshot, (ready) => ready.added[0]?.listed === false);
    expect(state.entries.map((entry) => entry.id)).toEqual([converted.id]);
    expect(listedEntries(state)).toEqual([]);
  });
});
