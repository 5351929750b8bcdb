/**
 * Background downloads of added documents' texts: a record whose text is missing here is
 * fetched as soon as it appears; a text the server does not have yet says who has not
 * uploaded it and is tried again by itself until it arrives; another failure says why and
 * offers a Retry.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { convertDocument } from '#shared/documents/import/convert.ts';
import { addDocument } from '#shared/model/documents.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { newDocumentOf } from '../../../renderer/library/document-import.ts';
import { createAddedDocuments, type AddedDocuments, type AddedText } from '../../../renderer/store/added-documents.ts';
import { openDocumentTexts } from '../../../renderer/store/document-texts.ts';
import { DocumentTextError } from '../../../renderer/sync/document-transfer.ts';

const actor = { member: 'nigar-member-id-000000' as MemberId };

const textOf = (added: AddedDocuments, id: string): AddedText | undefined => added.getSnapshot().find((entry) => entry.view.id === id)?.text;

async function teammatesDocument() {
  const converted = await convertDocument(new TextEncoder().encode('Field notes\nThe pump is shared.'), 'notes.txt');
  return converted;
}

describe('background downloads of added documents', () => {
  it('downloads a teammate’s document as soon as its record appears', async () => {
    const doc = new Y.Doc();
    const texts = openDocumentTexts(null);
    const converted = await teammatesDocument();
    const asked: string[] = [];
    const added = createAddedDocuments({ doc, texts, fetchText: async (id) => { asked.push(id); return converted.source; } });
    addDocument(doc, actor, newDocumentOf(converted));
    await expect.poll(() => textOf(added, converted.id)?.status).toBe('ready');
    expect(asked).toEqual([converted.id]);
  });

  it('says who has not uploaded a text yet and tries again by itself until it arrives', async () => {
    const doc = new Y.Doc();
    const texts = openDocumentTexts(null);
    const converted = await teammatesDocument();
    let uploaded = false;
    const added = createAddedDocuments({
      doc,
      texts,
      retryDelaysMs: [30],
      fetchText: async () => {
        if (!uploaded) throw new DocumentTextError('not-uploaded', 'The text of "Field notes" is not uploaded yet by Nigar.');
        return converted.source;
      },
    });
    addDocument(doc, actor, newDocumentOf(converted));
    await expect.poll(() => textOf(added, converted.id)).toEqual({ status: 'missing', downloading: false, failure: 'The text of "Field notes" is not uploaded yet by Nigar.', notUploaded: true });
    uploaded = true;
    await expect.poll(() => textOf(added, converted.id)?.status).toBe('ready');
  });

  it('says why a download failed, and a Retry downloads it', async () => {
    const doc = new Y.Doc();
    const texts = openDocumentTexts(null);
    const converted = await teammatesDocument();
    let calls = 0;
    const added = createAddedDocuments({
      doc,
      texts,
      retryDelaysMs: [10],
      fetchText: async () => {
        calls += 1;
        if (calls === 1) throw new DocumentTextError('refused', 'The server refused the text of "Field notes": 403 forbidden');
        return converted.source;
      },
    });
    addDocument(doc, actor, newDocumentOf(converted));
    await expect.poll(() => textOf(added, converted.id)).toMatchObject({ status: 'missing', downloading: false, failure: 'The server refused the text of "Field notes": 403 forbidden', notUploaded: false });
    await added.download(converted.id);
    expect(textOf(added, converted.id)?.status).toBe('ready');
  });
});
