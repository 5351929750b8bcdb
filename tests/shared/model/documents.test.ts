/**
 * Added documents (shared/model/documents.ts, document-views.ts, document-versions.ts):
 * one record per text however many people add it, metadata edits merged field by field,
 * trash with the document's highlights and an exact restore, new versions re-anchoring
 * their highlights, and damaged records skipped.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describe as describeSpan } from '#shared/anchoring/describe.ts';
import { addedDocumentId, contentHash } from '#shared/documents/hash.ts';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { anchorOf } from '#shared/model/anchor-codec.ts';
import { libraryDocuments, listDocuments } from '#shared/model/document-views.ts';
import { addNewVersion, planNewVersion } from '#shared/model/document-versions.ts';
import { addDocument, restoreDocument, trashDocument, updateDocumentMeta, type NewDocument } from '#shared/model/documents.ts';
import { addHighlight, compactDocumentHash } from '#shared/model/highlights.ts';
import { listAllHighlights } from '#shared/model/highlight-reads.ts';
import { ROOT } from '#shared/model/layout.ts';
import { createUndoManager } from '#shared/model/undo.ts';
import { validateUpdate } from '#shared/model/update-validation.ts';
import { replica, syncAll, type Replica } from '../../helpers/replicas.ts';

const interview = 'Interview with a diplomat\nWe spoke about the corridor through Zangezur.\nBaku hopes for trade with Europe.';

function newDocument(text: string, title = 'Interview'): NewDocument {
  const hash = contentHash(text);
  return { id: addedDocumentId(hash) as DocumentId, title, titleSupplied: false, author: null, date: null, format: 'txt', fileName: 'interview.txt', hash, length: text.length };
}

function highlight(at: Replica, document: NewDocument, text: string, phrase: string) {
  const start = text.indexOf(phrase);
  const { position, quote } = describeSpan(text, { start, end: start + phrase.length });
  return addHighlight(at.doc, at.actor, { documentId: document.id, documentHash: compactDocumentHash(document.hash), position, quote });
}

describe('added documents', () => {
  it('ids follow the text, so two people adding the same file offline end with one document', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    const document = newDocument(interview);
    expect(document.id).toMatch(/^doc-[0-9a-f]{16}$/);
    expect(addDocument(ana.doc, ana.actor, document)).toBe('added');
    expect(addDocument(ben.doc, ben.actor, { ...document, title: 'Diplomat interview' })).toBe('added');
    expect(addDocument(ana.doc, ana.actor, document)).toBe('exists');
    syncAll(ana.doc, ben.doc);
    expect(listDocuments(ana.doc)).toHaveLength(1);
    expect(listDocuments(ana.doc)).toEqual(listDocuments(ben.doc));
  });

  it('merges concurrent edits of different fields and keeps a title edit as not supplied', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    const document = newDocument(interview);
    addDocument(ana.doc, ana.actor, { ...document, titleSupplied: true });
    syncAll(ana.doc, ben.doc);
    updateDocumentMeta(ana.doc, ana.actor, document.id, { title: 'Talk with a diplomat' });
    updateDocumentMeta(ben.doc, ben.actor, document.id, { author: 'R. Aliyeva', date: '2024-05-01' });
    syncAll(ana.doc, ben.doc);
    expect(listDocuments(ben.doc)[0]).toMatchObject({ title: 'Talk with a diplomat', titleSupplied: false, author: 'R. Aliyeva', date: '2024-05-01' });
    expect(() => updateDocumentMeta(ana.doc, ana.actor, document.id, { title: '  ' })).toThrow(/needs a title/);
  });

  it('trashes a document with its highlights and restores exactly those', () => {
    const ana = replica('ana', 1);
    const document = newDocument(interview);
    addDocument(ana.doc, ana.actor, document);
    const kept = highlight(ana, document, interview, 'corridor');
    const trashedBefore = highlight(ana, document, interview, 'Baku');
    // one highlight trashed on its own first: restoring the document must not bring it back
    const map = ana.doc.getMap<Y.Map<unknown>>(ROOT.highlights).get(trashedBefore)!;
    ana.doc.transact(() => map.set('x', { d: 1, b: 'ana', a: 1 }));
    trashDocument(ana.doc, ana.actor, document.id);
    expect(libraryDocuments(ana.doc)).toEqual([]);
    expect(listAllHighlights(ana.doc).filter((view) => view.deleted === null)).toEqual([]);
    restoreDocument(ana.doc, ana.actor, document.id);
    expect(libraryDocuments(ana.doc).map((view) => view.id)).toEqual([document.id]);
    expect(listAllHighlights(ana.doc).filter((view) => view.deleted === null).map((view) => view.id)).toEqual([kept]);
    trashDocument(ana.doc, ana.actor, document.id);
    expect(addDocument(ana.doc, ana.actor, document)).toBe('restored');
  });

  it('a new version moves the highlights that land and leaves the others on the old text', () => {
    const ana = replica('ana', 1);
    const first = newDocument(interview);
    addDocument(ana.doc, ana.actor, first);
    const moved = highlight(ana, first, interview, 'the corridor through Zangezur');
    const lost = highlight(ana, first, interview, 'Baku hopes for trade with Europe.');
    const revised = 'Interview with a diplomat (revised)\nWe spoke at length about the corridor through Zangezur.\nThe last line was withdrawn.';
    const second = newDocument(revised, 'Interview, revised');
    const plan = planNewVersion(ana.doc, first.id, { id: second.id, text: revised, hash: second.hash });
    expect(plan.moved.map((move) => move.id)).toEqual([moved]);
    expect(plan.unanchored).toEqual([{ id: lost, quote: 'Baku hopes for trade with Europe.' }]);
    addNewVersion(ana.doc, ana.actor, first.id, second, plan);
    const anchor = anchorOf(ana.doc, moved)!;
    expect(anchor.documentId).toBe(second.id);
    expect(revised.slice(anchor.position.start, anchor.position.end)).toBe('the corridor through Zangezur');
    expect(anchorOf(ana.doc, lost)!.documentId).toBe(first.id);
    expect(libraryDocuments(ana.doc).map((view) => view.id)).toEqual([second.id]);
    expect(listDocuments(ana.doc).find((view) => view.id === first.id)).toMatchObject({ next: second.id });
    expect(listDocuments(ana.doc).find((view) => view.id === second.id)).toMatchObject({ previous: first.id });
    expect(() => addNewVersion(ana.doc, ana.actor, first.id, first, plan)).toThrow(/same text/);
  });

  it('skips records of the wrong shape and the sync server admits the documents root', () => {
    const ana = replica('ana', 1);
    const document = newDocument(interview);
    const before = Y.encodeStateVector(ana.doc);
    addDocument(ana.doc, ana.actor, document);
    const update = Y.encodeStateAsUpdate(ana.doc, before);
    expect(validateUpdate(update)).toMatchObject({ ok: true });
    ana.doc.transact(() => {
      ana.doc.getMap(ROOT.documents).set('Not An Id', new Y.Map());
      const broken = new Y.Map<unknown>();
      ana.doc.getMap(ROOT.documents).set('doc-0000000000000000', broken);
      broken.set('t', 7);
    });
    expect(listDocuments(ana.doc).map((view) => view.id)).toEqual([document.id]);
  });
});

describe('added documents and undo', () => {
  it('undoing a document trash brings back the document and its highlights in one step', () => {
    const ana = replica('ana', 1);
    const document = newDocument(interview);
    addDocument(ana.doc, ana.actor, document);
    highlight(ana, document, interview, 'corridor');
    const undo = createUndoManager(ana.doc, ana.member, { captureTimeout: 0 });
    trashDocument(ana.doc, ana.actor, document.id);
    expect(libraryDocuments(ana.doc)).toEqual([]);
    undo.undo();
    expect(libraryDocuments(ana.doc).map((view) => view.id)).toEqual([document.id]);
    expect(listAllHighlights(ana.doc).filter((view) => view.deleted === null)).toHaveLength(1);
  });
});
