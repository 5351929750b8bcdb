/**
 * Bad REFI-QDA projects: what cannot be read at all is refused with its reason and leaves
 * the project untouched (not a zip, a zip bomb, too many entries, no `.qde`, malformed
 * XML, a root that is not a Project); what is partly wrong is imported partly, with every
 * skipped item listed (selections outside their text, unknown code, user and note GUIDs,
 * duplicate GUIDs, a missing source file).
 */
import { strToU8, zipSync } from 'fflate';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { importQdpx } from '#shared/export/qdpx-apply.ts';
import { readQdpx } from '#shared/export/qdpx-read.ts';
import { addHighlight } from '#shared/model/highlights.ts';
import { createProject, setMember } from '#shared/model/project.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { listAllHighlights } from '#shared/model/highlight-reads.ts';
import { validateRefiXml } from './conformance.ts';
import { codePointSpan, el, guid, qde, qdpx } from '../../helpers/qdpx-builder.ts';
import { contentHash } from '#shared/documents/hash.ts';

const TEXT = 'A short interview about energy and borders.';
const article = { id: 'interview', text: TEXT, hash: contentHash(TEXT) };

function existingProject(): Y.Doc {
  const doc = new Y.Doc();
  const actor = { member: 'AAAAAAAAAAAAAAAAAAAAAA' as MemberId };
  createProject(doc, actor, { name: 'Mine' });
  setMember(doc, actor, { name: 'Me', colour: '#123456' });
  addHighlight(doc, actor, { documentId: 'interview', documentHash: article.hash, position: { start: 2, end: 7 }, quote: { exact: 'short', prefix: 'A ', suffix: ' ' } });
  return doc;
}

describe('REFI-QDA project import: input refused as a whole', () => {
  const goodQde = qde({ name: 'P' }, el('Sources', {}, el('TextSource', { guid: guid(1), name: 'S' }, el('PlainTextContent', {}, TEXT))));
  const bomb = zipSync({ 'project.qde': strToU8(goodQde), 'sources/huge.txt': new Uint8Array(80 * 1024 * 1024) }, { level: 9 });
  const manyEntries = zipSync(Object.fromEntries([['project.qde', strToU8(goodQde)], ...Array.from({ length: 30 }, (_, i) => [`sources/${i}.txt`, new Uint8Array(1)])]));
  const cases: [string, Uint8Array, RegExp, Parameters<typeof importQdpx>[2]['limits']?][] = [
    ['not a zip', new TextEncoder().encode('<Project/>'), /not a zip archive/],
    ['a truncated zip', qdpx({ 'project.qde': goodQde }).slice(0, 40), /not a readable zip archive|not a zip/],
    ['a zip bomb (one entry unpacking past the per-file limit)', bomb, /would unpack to \d+ bytes \(limit/],
    ['a zip unpacking past the total limit', bomb, /would unpack to more than/, { maxArchiveBytes: 1e9, maxEntries: 100, maxEntryBytes: 1e9, maxTotalBytes: 10 * 1024 * 1024 }],
    ['too many entries', manyEntries, /more than 10 entries/, { maxArchiveBytes: 1e9, maxEntries: 10, maxEntryBytes: 1e9, maxTotalBytes: 1e9 }],
    ['no .qde at the root', qdpx({ 'nested/project.qde': goodQde }), /no \.qde file at its root/],
    ['malformed XML', qdpx({ 'project.qde': goodQde.replace('</Sources>', '') }), /project\.qde is not well-formed XML: <\/Project> closes <Sources>/],
    ['a DOCTYPE (entity expansion)', qdpx({ 'project.qde': goodQde.replace('<Project', '<!DOCTYPE p [<!ENTITY a "aaaa">]><Project') }), /DOCTYPE is not accepted/],
    ['a root that is not a Project', qdpx({ 'x.qde': '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>' }), /expected <Project>/],
    ['a .qde that is not UTF-8', qdpx({ 'project.qde': new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]) }), /not UTF-8 text/],
  ];

  for (const [what, bytes, reason, limits] of cases) {
    it(`refuses ${what} and leaves the project untouched`, () => {
      const doc = existingProject();
      const before = Y.encodeStateAsUpdate(doc);
      const report = importQdpx(doc, bytes, { articles: [article], ...(limits ? { limits } : {}) });
      expect(report.ok).toBe(false);
      if (!report.ok) expect(report.error).toMatch(reason);
      expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    });
  }
});

describe('REFI-QDA project import: a zip bomb that understates its size', () => {
  it('unpacks no more than the archive declares, so the lie costs nothing', () => {
    const xml = qde({ name: 'P' }, el('Sources', {}, el('TextSource', { guid: guid(1), name: 'S', plainTextPath: 'internal://huge.txt' })));
    const zip = zipSync({ 'project.qde': strToU8(xml), 'sources/huge.txt': new Uint8Array(64 * 1024 * 1024).fill(0x61) }, { level: 9 });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; at + 4 <= zip.length; at++) {
      const signature = view.getUint32(at, true);
      if (signature === 0x04034b50 && new TextDecoder().decode(zip.subarray(at + 30, at + 46)) === 'sources/huge.txt') view.setUint32(at + 22, 100, true);
      if (signature === 0x02014b50 && new TextDecoder().decode(zip.subarray(at + 46, at + 62)) === 'sources/huge.txt') view.setUint32(at + 24, 100, true);
    }
    expect(zip.length).toBeLessThan(200_000);
    const project = readQdpx(zip);
    expect(project.sources[0]?.text).toBe('a'.repeat(100));
  });
});

describe('REFI-QDA project import: input imported partly, every skipped item listed', () => {
  const xml = qde(
    { name: 'Partly broken' },
    el('Users', {}, el('User', { guid: guid(1), name: 'Ana' }), el('User', { guid: guid(1), name: 'Ana again' })),
    el('CodeBook', {}, el('Codes', {}, el('Code', { guid: guid(10), name: 'Energy', isCodable: true }), el('Code', { guid: guid(10), name: 'Energy twin', isCodable: true }))),
    el('Sources', {},
      el('TextSource', { guid: guid(20), name: 'Interview', plainTextPath: 'internal://interview.txt' },
        el('PlainTextSelection', { guid: guid(30), name: 'fine', ...codePointSpan(TEXT, 'energy'), creatingUser: guid(1) },
          el('Coding', { guid: guid(40), creatingUser: guid(1) }, el('CodeRef', { targetGUID: guid(10) })),
          el('Coding', { guid: guid(41), creatingUser: guid(1) }, el('CodeRef', { targetGUID: guid(99) })),
          el('NoteRef', { targetGUID: guid(98) })),
        el('PlainTextSelection', { guid: guid(31), name: 'past the end', startPosition: 40, endPosition: 400 }),
        el('PlainTextSelection', { guid: guid(32), name: 'reversed', startPosition: 9, endPosition: 3 }),
        el('PlainTextSelection', { guid: guid(30), name: 'duplicate', startPosition: 0, endPosition: 1 }),
        el('PlainTextSelection', { guid: guid(33), name: 'stranger', ...codePointSpan(TEXT, 'borders'), creatingUser: guid(97) },
          el('Coding', { guid: guid(42), creatingUser: guid(97) }, el('CodeRef', { targetGUID: guid(10) })))),
      el('TextSource', { guid: guid(21), name: 'Lost', plainTextPath: 'internal://lost.txt' },
        el('PlainTextSelection', { guid: guid(34), name: 'in the lost source', startPosition: 0, endPosition: 2 })),
    ),
  );
  const file = qdpx({ 'project.qde': xml, 'sources/interview.txt': TEXT });

  it('builds a .qde that the REFI-QDA schema accepts (the broken references are beyond what it checks)', async () => {
    expect(await validateRefiXml(xml, 'Project.xsd')).toEqual([]);
  });

  it('imports what it can and lists everything else with its reason', () => {
    const doc = new Y.Doc();
    const report = importQdpx(doc, file, { articles: [article] });
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    expect(report.counts).toMatchObject({ highlights: 2, codings: 2, membersCreated: 1, codesCreated: 1 });
    expect(listAllHighlights(doc).map((highlight) => highlight.quote.exact).sort()).toEqual(['borders', 'energy']);
    const lines = report.skipped.map((item) => `${item.kind} ${item.name ?? item.guid}: ${item.reason}`);
    expect(lines).toEqual([
      expect.stringMatching(/^user Ana again: duplicate GUID: already used by user “Ana”/),
      expect.stringMatching(/^code Energy twin: duplicate GUID: already used by code “Energy”/),
      expect.stringMatching(/^selection duplicate: duplicate GUID: already used by selection “fine”/),
      expect.stringMatching(/^selection past the end: span 40..400 is outside the text \(source “Interview”\)/),
      expect.stringMatching(/^selection reversed: an empty or reversed span 9..3/),
      expect.stringMatching(/^source Lost: its text file internal:\/\/lost.txt is not in the archive/),
      expect.stringMatching(/^selection in the lost source: its source “Lost” is not imported/),
      expect.stringMatching(/^coding .*: selection “fine” in “Interview” is coded with an unknown code/),
      expect.stringMatching(/^note reference .*: selection “fine” in “Interview” refers to an unknown note/),
      expect.stringMatching(/^user reference .*: selection “stranger” in “Interview” names an unknown user; attributed to the person importing/),
      expect.stringMatching(/^user reference .*: a coding of selection “stranger” in “Interview” names an unknown user/),
    ]);
  });
});
