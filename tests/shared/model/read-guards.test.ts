/**
 * Readers over damaged records: a teammate's `members.set(id, null)`, a highlight without
 * a readable anchor, a note whose text is a number, an application time no Date can hold.
 * Each bad record is left out, the rest still reads, and the skip log lists every bad
 * record once with its reason, in the one line people are shown.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addHighlight } from '#shared/model/highlights.ts';
import { HIGHLIGHT, NOTE, roots } from '#shared/model/layout.ts';
import { getMember } from '#shared/model/members.ts';
import { addNote } from '#shared/model/notes.ts';
import { createProject, listMembers, setMember } from '#shared/model/project.ts';
import { filterAnnotations } from '#shared/model/queries.ts';
import { createSkipLog, describeSkipped, readTrash } from '#shared/model/read-guards.ts';
import { createTag } from '#shared/model/tags.ts';
import { replica } from '../../helpers/replicas.ts';

function project() {
  const ana = replica('ana', 1);
  createProject(ana.doc, ana.actor, { name: 'P' });
  setMember(ana.doc, ana.actor, { name: 'Ana', colour: '#123456' });
  const tag = createTag(ana.doc, ana.actor, { name: 'Energy', colour: '#f00' });
  const add = (start: number) =>
    addHighlight(ana.doc, ana.actor, {
      documentId: 'doc-a', documentHash: 'ab'.repeat(8), position: { start, end: start + 4 },
      quote: { exact: 'text', prefix: '', suffix: '' }, tags: [tag],
    });
  return { ana, tag, first: add(0), second: add(10), third: add(20) };
}

describe('readers of damaged records', () => {
  it('skip a member record that is null and report it once', () => {
    const { ana } = project();
    roots(ana.doc).members.set('intruder' as never, null as never);
    const skipped = createSkipLog();
    expect(listMembers(ana.doc, skipped).map((member) => member.name)).toEqual(['Ana']);
    listMembers(ana.doc, skipped);
    expect(skipped.records).toEqual([{ kind: 'member', id: 'intruder', reason: 'not a member record' }]);
    expect(getMember(ana.doc, 'intruder' as never)).toBeUndefined();
  });

  it('read a member with wrong-typed fields with safe defaults', () => {
    const { ana } = project();
    roots(ana.doc).members.set('odd' as never, { n: 7, c: null, a: 'soon' } as never);
    expect(listMembers(ana.doc).find((member) => member.id === 'odd')).toEqual({ id: 'odd', name: '', colour: '#808080', joinedAt: 0 });
  });

  it('leave out highlights and notes that cannot be read, keep the rest, and say why', () => {
    const { ana, tag, first, second, third } = project();
    addNote(ana.doc, ana.actor, third, 'fine note');
    const badNote = addNote(ana.doc, ana.actor, third, 'will break');
    ana.doc.transact(() => {
      roots(ana.doc).highlights.get(first)?.set(HIGHLIGHT.anchor, { d: 'doc-a', p: [4, 1] });
      roots(ana.doc).highlights.get(second)?.set(tag, Number.POSITIVE_INFINITY);
      roots(ana.doc).notes.get(badNote)?.set(NOTE.text, 42);
      roots(ana.doc).highlights.set('not-a-map' as never, 'junk' as never);
    });
    const skipped = createSkipLog();
    const views = filterAnnotations(ana.doc, {}, skipped);
    expect(views.map((view) => view.id)).toEqual([second, third]);
    expect(views[0]?.tags).toEqual([]);
    expect(views[1]?.notes.map((note) => note.text)).toEqual(['fine note']);
    expect(skipped.records).toHaveLength(3);
    expect(skipped.records).toEqual(expect.arrayContaining([
      { kind: 'highlight', id: first, reason: 'no readable anchor' },
      { kind: 'note', id: badNote, reason: 'no readable text' },
      { kind: 'highlight', id: 'not-a-map', reason: 'not a record' },
    ]));
  });

  it('sum the skipped records up in one line, reasons counted', () => {
    const skipped = createSkipLog();
    expect(describeSkipped(skipped.records)).toBe('');
    skipped.skip('highlight', 'a', 'no readable anchor');
    skipped.skip('highlight', 'b', 'no readable anchor');
    skipped.skip('highlight', 'b', 'no readable anchor');
    skipped.skip('member', 'm', 'not a member record');
    expect(describeSkipped(skipped.records)).toBe('3 records skipped (2 × highlight: no readable anchor; member: not a member record)');
  });

  it('read a trash marker without its who and when as trashed, by nobody known, at 0', () => {
    expect(readTrash({ d: 1 })).toEqual({ by: '', at: 0 });
    expect(readTrash({ d: 0, b: 'x', a: 1 })).toBeNull();
    expect(readTrash(null)).toBeNull();
    expect(readTrash(new Y.Map())).toBeNull();
  });
});
