import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addHighlight, applyTag } from '#shared/model/highlights.ts';
import { addNote } from '#shared/model/notes.ts';
import { importOrigin } from '#shared/model/origins.ts';
import { createProject } from '#shared/model/project.ts';
import { canonicalSnapshotJson } from '#shared/model/canonical-snapshot.ts';
import { META, roots } from '#shared/model/layout.ts';
import { crc32, describeProjectFile, encodeProjectFile, mergeProjectFile } from '#shared/model/project-file.ts';
import { SCHEMA_VERSION } from '#shared/model/schema.ts';
import { listHighlights, listTags } from '#shared/model/queries.ts';
import { createTag } from '#shared/model/tags.ts';
import { replica, syncAll } from '../../helpers/replicas.ts';
import { concurrentInsertsUpdate, firstItemId } from '../../helpers/hostile-updates.ts';

const QUOTE = { exact: 'text', prefix: '', suffix: '' };

function sharedProject() {
  const ana = replica('ana', 1);
  const ben = replica('ben', 2);
  createProject(ana.doc, ana.actor, { name: 'P' });
  const tag = createTag(ana.doc, ana.actor, { name: 'Energy' });
  syncAll(ana.doc, ben.doc);
  return { ana, ben, tag };
}

describe('project files', () => {
  it('merging a teammate’s file equals syncing: nothing duplicated, merging twice changes nothing', () => {
    const { ana, ben, tag } = sharedProject();
    const h = addHighlight(ben.doc, ben.actor, { documentId: 'd', documentHash: 'h', position: { start: 0, end: 4 }, quote: QUOTE });
    applyTag(ben.doc, ben.actor, h, tag);
    addNote(ben.doc, ben.actor, h, 'offline note');
    addHighlight(ana.doc, ana.actor, { documentId: 'd', documentHash: 'h', position: { start: 5, end: 9 }, quote: QUOTE });
    const file = encodeProjectFile(ben.doc);
    const origins: unknown[] = [];
    ana.doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin));
    expect(mergeProjectFile(ana.doc, file)).toMatchObject({ ok: true, summary: { sameProject: true, highlights: 1, notes: 1 } });
    expect(origins).toContain(importOrigin);
    expect(mergeProjectFile(ana.doc, file)).toMatchObject({ ok: true, summary: { highlights: 0, notes: 0 } });
    const synced = new Y.Doc();
    Y.applyUpdate(synced, Y.encodeStateAsUpdate(ana.doc));
    syncAll(synced, ben.doc);
    expect(listHighlights(ana.doc, 'd')).toEqual(listHighlights(synced, 'd'));
    expect(listHighlights(ana.doc, 'd')).toHaveLength(2);
    expect(listTags(ana.doc)).toHaveLength(1);
  });

  it('rejects damaged, truncated, foreign, newer and oversized files without touching the doc', () => {
    const { ana, ben } = sharedProject();
    addHighlight(ben.doc, ben.actor, { documentId: 'd', documentHash: 'h', position: { start: 0, end: 4 }, quote: QUOTE });
    const file = encodeProjectFile(ben.doc);
    const before = Y.encodeStateAsUpdate(ana.doc);

    const flipped = file.slice();
    flipped[20] = (flipped[20] ?? 0) ^ 0xff;
    const newerFormat = file.slice();
    newerFormat[4] = 3;
    const newer = replica('zed', 3);
    createProject(newer.doc, newer.actor, { name: 'From a newer app' });
    roots(newer.doc).meta.set(META.major, SCHEMA_VERSION.major + 1);
    const notProject = new Y.Doc();
    notProject.getMap('x').set('a', 1);

    const cases: [Uint8Array, RegExp][] = [
      [flipped, /damaged/],
      [file.slice(0, file.length - 10), /truncated/],
      [new TextEncoder().encode('PK\u0003\u0004 a zip file, not a project'), /^not a Marginalia project file: it is a ZIP archive, such as a REFI-QDA \.qdpx project, which is imported instead$/],
      [new TextEncoder().encode(' {"type": "AnnotationCollection"}'), /^not a Marginalia project file: it is JSON, such as a Web Annotation export, which is imported instead$/],
      [new Uint8Array(), /^the file is empty$/],
      [file.slice(0, 8), /^the project file is truncated$/],
      [newerFormat, /unsupported project file version 3/],
      [encodeProjectFile(newer.doc), /newer Marginalia/],
      [encodeProjectFile(notProject), /no Marginalia project/],
      [file, /too large/],
    ];
    const snapshot = canonicalSnapshotJson(ana.doc);
    for (const [bytes, message] of cases) {
      const result = mergeProjectFile(ana.doc, bytes, message.source === 'too large' ? { maxBytes: 10 } : {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
      expect(Y.encodeStateAsUpdate(ana.doc)).toEqual(before);
      expect(describeProjectFile(ana.doc, bytes, message.source === 'too large' ? { maxBytes: 10 } : {})).toEqual(result);
    }
    expect(canonicalSnapshotJson(ana.doc)).toBe(snapshot);
  });

  it('refuses a file carrying a same-position insert storm (the sync server\'s update check) without touching the doc', () => {
    const { ana, ben } = sharedProject();
    const h = addHighlight(ben.doc, ben.actor, { documentId: 'd', documentHash: 'h', position: { start: 0, end: 4 }, quote: QUOTE });
    const note = addNote(ben.doc, ben.actor, h, 'seed');
    const text = roots(ben.doc).notes.get(note)?.get('t');
    if (!(text instanceof Y.Text)) throw new Error('a note keeps its text in a Y.Text');
    const stormy = new Y.Doc();
    Y.applyUpdate(stormy, Y.encodeStateAsUpdate(ben.doc));
    Y.applyUpdate(stormy, concurrentInsertsUpdate(200, firstItemId(text), null));
    const before = Y.encodeStateAsUpdate(ana.doc);
    const result = mergeProjectFile(ana.doc, encodeProjectFile(stormy));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/no Marginalia project as this app writes them \(.*position/);
    expect(Y.encodeStateAsUpdate(ana.doc)).toEqual(before);
  });

  it('rejects a file whose checksum is right but whose contents are not a Yjs update', () => {
    const { ana } = sharedProject();
    const garbage = Uint8Array.from({ length: 40 }, (_, i) => (i * 37 + 11) & 0xff);
    const file = encodeProjectFile(ana.doc);
    const forged = new Uint8Array(12 + garbage.length + 4);
    forged.set(file.subarray(0, 8));
    const view = new DataView(forged.buffer);
    view.setUint32(8, garbage.length, true);
    forged.set(garbage, 12);
    // a valid checksum, so only the content check can fail
    view.setUint32(12 + garbage.length, crc32(garbage), true);
    const before = Y.encodeStateAsUpdate(ana.doc);
    const result = mergeProjectFile(ana.doc, forged);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/damaged|incomplete|no Marginalia project/) });
    expect(Y.encodeStateAsUpdate(ana.doc)).toEqual(before);
  });
});
