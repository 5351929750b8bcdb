/**
 * Project files with the texts of added documents (format version 2,
 * shared/model/project-file-frame.ts and project-file-texts.ts): a round trip, version-1
 * files still read, and every way a file's texts can be wrong refuses the whole file and
 * changes nothing.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentId } from '#shared/documents/manifest.ts';
import { listDocuments } from '#shared/model/document-views.ts';
import { addDocument, trashDocument } from '#shared/model/documents.ts';
import { addNewVersion, planNewVersion } from '#shared/model/document-versions.ts';
import { createProject } from '#shared/model/project.ts';
import {
  DOCUMENT_TEXT_MAX_BYTES,
  MissingDocumentTextsError,
  crc32,
  describeProjectFile,
  encodeProjectFile,
  encodeProjectFrame,
  mergeProjectFile,
  readProjectFile,
} from '#shared/model/project-file.ts';
import { addedDocument, type AddedDocumentFixture } from '../../helpers/added-documents.ts';
import { replica, syncAll } from '../../helpers/replicas.ts';

const interview = addedDocument(['Interview with a diplomat', 'We spoke about the corridor through Zangezur.']);
const report = addedDocument(['Field report', 'The border crossing at Lachin was quiet.']);
const revisedReport = addedDocument(['Field report', 'The border crossing at Lachin was quiet on Monday.']);

function textsOf(...documents: AddedDocumentFixture[]): Map<string, string> {
  return new Map(documents.map((document) => [document.id, document.source]));
}

/** Ana's project with an interview (live), a report replaced by a revision, and the revision trashed. */
function projectWithDocuments() {
  const ana = replica('ana', 1);
  createProject(ana.doc, ana.actor, { name: 'Fieldwork' });
  addDocument(ana.doc, ana.actor, interview.record);
  addDocument(ana.doc, ana.actor, report.record);
  const plan = planNewVersion(ana.doc, report.id, { id: revisedReport.id, text: revisedReport.article.text, hash: revisedReport.article.hash });
  addNewVersion(ana.doc, ana.actor, report.id, revisedReport.record, plan);
  trashDocument(ana.doc, ana.actor, revisedReport.id);
  return ana;
}

/** A version-2 file built by hand from `doc`'s update and `entries`, for files the writer refuses to write. */
function forge(doc: Y.Doc, entries: [string, string][]): Uint8Array {
  return encodeProjectFrame(Y.encodeStateAsUpdate(doc), entries);
}

function expectRefused(bytes: Uint8Array, message: RegExp): void {
  const bo = replica('bo', 2);
  createProject(bo.doc, bo.actor, { name: 'Bo' });
  const before = Y.encodeStateAsUpdate(bo.doc);
  const merged = mergeProjectFile(bo.doc, bytes);
  expect(merged).toMatchObject({ ok: false, error: expect.stringMatching(message) });
  expect(describeProjectFile(bo.doc, bytes)).toEqual(merged);
  expect(Y.encodeStateAsUpdate(bo.doc)).toEqual(before);
}

describe('project files with added documents', () => {
  it('round trip: every record’s text travels, new documents are counted and the texts returned', () => {
    const ana = projectWithDocuments();
    const file = encodeProjectFile(ana.doc, textsOf(interview, report, revisedReport, addedDocument(['Not registered'])));
    expect(file[4]).toBe(2);
    const parts = readProjectFile(file);
    if ('error' in parts) throw new Error(parts.error);
    expect([...parts.texts.keys()].sort()).toEqual([interview.id, report.id, revisedReport.id].sort());

    const bo = replica('bo', 2);
    expect(describeProjectFile(bo.doc, file)).toMatchObject({ ok: true, summary: { documents: 3 } });
    const merged = mergeProjectFile(bo.doc, file);
    if (!merged.ok) throw new Error(merged.error);
    expect(merged.summary.documents).toBe(3);
    expect(merged.texts).toEqual(textsOf(interview, report, revisedReport));
    expect(listDocuments(bo.doc)).toEqual(listDocuments(ana.doc));
    expect(mergeProjectFile(bo.doc, file)).toMatchObject({ ok: true, summary: { documents: 0 } });
  });

  it('a project without added documents is still written and read as version 1', () => {
    const ana = replica('ana', 1);
    createProject(ana.doc, ana.actor, { name: 'Plain' });
    const file = encodeProjectFile(ana.doc);
    expect(file[4]).toBe(1);
    expect(file.length).toBe(12 + Y.encodeStateAsUpdate(ana.doc).length + 4);
    const merged = mergeProjectFile(replica('bo', 2).doc, file);
    expect(merged).toMatchObject({ ok: true, summary: { documents: 0 } });
    if (merged.ok) expect(merged.texts.size).toBe(0);
  });

  it('the writer names every document whose text is not at hand and writes nothing', () => {
    const ana = projectWithDocuments();
    let thrown: unknown;
    try {
      encodeProjectFile(ana.doc, textsOf(interview));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MissingDocumentTextsError);
    expect((thrown as MissingDocumentTextsError).missing.slice().sort()).toEqual([report.id, revisedReport.id].sort());
    expect((thrown as Error).message).toContain(report.id);
    expect(() => encodeProjectFile(ana.doc, new Map([...textsOf(interview, report, revisedReport), [interview.id, report.source]]))).toThrow(/not a readable article|not that document/);
  });

  it('refuses a tampered text (its hash no longer gives its id), changing nothing', () => {
    const ana = projectWithDocuments();
    const tampered = interview.source.replace('Zangezur', 'Zangazur');
    expectRefused(forge(ana.doc, [[interview.id, tampered], [report.id, report.source], [revisedReport.id, revisedReport.source]]), /text of doc-[0-9a-f]{16} is not that document's text/);
  });

  it('refuses a text whose record holds another hash', () => {
    const ana = replica('ana', 1);
    createProject(ana.doc, ana.actor, { name: 'Fieldwork' });
    addDocument(ana.doc, ana.actor, { ...interview.record, hash: report.record.hash });
    expectRefused(forge(ana.doc, [[interview.id, interview.source]]), /does not match the content hash its record holds/);
  });

  it('refuses a text without a record and a record without a text', () => {
    const ana = replica('ana', 1);
    createProject(ana.doc, ana.actor, { name: 'Fieldwork' });
    addDocument(ana.doc, ana.actor, interview.record);
    expectRefused(forge(ana.doc, [[interview.id, interview.source], [report.id, report.source]]), new RegExp(`${report.id}, a document its project does not list`));
    expectRefused(forge(ana.doc, []), new RegExp(`lacks the texts of documents it lists: ${interview.id}`));
    const bo = replica('bo', 3);
    syncAll(ana.doc, bo.doc);
    // a version-1 file whose registry lists a document cannot carry its text either
    expectRefused(encodeProjectFrame(Y.encodeStateAsUpdate(bo.doc)), /lacks the texts/);
  });

  it('refuses a text that is not an article, under an id that is not a document id, or given twice', () => {
    const ana = replica('ana', 1);
    createProject(ana.doc, ana.actor, { name: 'Fieldwork' });
    addDocument(ana.doc, ana.actor, interview.record);
    expectRefused(forge(ana.doc, [[interview.id, 'just words']]), /not a readable article/);
    expectRefused(forge(ana.doc, [[interview.id, interview.source.replace(`id: ${interview.id}`, `id: ${report.id}`)]]), /not a readable article/);
    expectRefused(forge(ana.doc, [['Not An Id', interview.source]]), /not a document id/);
    expectRefused(forge(ana.doc, [[interview.id, interview.source], [interview.id, interview.source]]), /twice/);
  });

  it('refuses a truncated documents section, a wrong checksum and trailing bytes', () => {
    const ana = projectWithDocuments();
    const file = encodeProjectFile(ana.doc, textsOf(interview, report, revisedReport));
    expectRefused(file.slice(0, file.length - 9), /truncated/);
    expectRefused(file.slice(0, Y.encodeStateAsUpdate(ana.doc).length + 16 + 2), /truncated/);
    const flipped = file.slice();
    flipped[file.length - 40] = (flipped[file.length - 40] as number) ^ 0x01;
    expectRefused(flipped, /documents section of the project file is damaged \(checksum mismatch\)/);
    const longer = new Uint8Array(file.length + 1);
    longer.set(file);
    expectRefused(longer, /truncated or has trailing data/);
    // a count larger than the texts present, with a valid checksum: still truncated
    const updateLength = Y.encodeStateAsUpdate(ana.doc).length;
    const sectionAt = 12 + updateLength + 4 + 4;
    const recounted = file.slice();
    const view = new DataView(recounted.buffer);
    view.setUint32(sectionAt, 4, true);
    view.setUint32(recounted.length - 4, crc32(recounted.subarray(sectionAt, recounted.length - 4)), true);
    expectRefused(recounted, /documents section of the project file is truncated/);
  });

  it('refuses an oversized text, and the writer will not write one', () => {
    const ana = replica('ana', 1);
    createProject(ana.doc, ana.actor, { name: 'Fieldwork' });
    addDocument(ana.doc, ana.actor, interview.record);
    const file = forge(ana.doc, [[interview.id, interview.source]]);
    const view = new DataView(file.buffer);
    const lengthAt = 12 + Y.encodeStateAsUpdate(ana.doc).length + 4 + 4 + 4 + 1 + interview.id.length;
    expect(view.getUint32(lengthAt, true)).toBe(new TextEncoder().encode(interview.source).length);
    view.setUint32(lengthAt, DOCUMENT_TEXT_MAX_BYTES + 1, true);
    view.setUint32(file.length - 4, crc32(file.subarray(12 + Y.encodeStateAsUpdate(ana.doc).length + 8, file.length - 4)), true);
    expectRefused(file, /text of doc-[0-9a-f]{16} is too large/);
    expect(() => encodeProjectFrame(new Uint8Array(0), [[interview.id as DocumentId, 'x'.repeat(DOCUMENT_TEXT_MAX_BYTES + 1)]])).toThrow(/too large/);
    const whole = encodeProjectFile(ana.doc, textsOf(interview));
    expect(mergeProjectFile(replica('bo', 2).doc, whole, { maxBytes: whole.length - 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
  });
});
