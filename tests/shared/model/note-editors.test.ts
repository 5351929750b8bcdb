/**
 * Whose note is it (docs/architecture.md §5): only the author may edit; an edit by someone
 * else that arrives through a merge leaves a per-member stamp that survives concurrent
 * stamps, and the note's view lists it; the author's own keystrokes cost no stamp.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addHighlight } from '#shared/model/highlights.ts';
import type { MemberId } from '#shared/model/ids.ts';
import { NOTE_OTHER_EDIT_PREFIX, roots } from '#shared/model/layout.ts';
import { canEditNote, otherEdits } from '#shared/model/note-editors.ts';
import { addNote, addReply, editNote, editReply } from '#shared/model/notes.ts';
import { createProject } from '#shared/model/project.ts';
import { readNote } from '#shared/model/views.ts';
import { replica, syncAll } from '../../helpers/replicas.ts';

function setup() {
  const benClock = { now: 1_750_000_000_000 };
  const cemClock = { now: 1_750_000_000_000 };
  const ana = replica('ana', 1);
  const ben = replica('ben', 2, benClock);
  const cem = replica('cem', 3, cemClock);
  createProject(ana.doc, ana.actor, { name: 'Caucasus' });
  const highlight = addHighlight(ana.doc, ana.actor, {
    documentId: 'doc-1',
    documentHash: 'h1',
    position: { start: 0, end: 5 },
    quote: { exact: 'hello', prefix: '', suffix: '' },
  });
  const note = addNote(ana.doc, ana.actor, highlight, 'Ana wrote this.');
  syncAll(ana.doc, ben.doc, cem.doc);
  return { ana, ben, cem, note, benClock, cemClock };
}

function view(doc: Y.Doc, id: string) {
  const note = readNote(id as never, roots(doc).notes.get(id));
  if (note === undefined) throw new Error(`note ${id} cannot be read`);
  return note;
}

describe('note authorship', () => {
  it('only the author may edit', () => {
    const ana = 'ana' as MemberId;
    expect(canEditNote(ana, ana)).toBe(true);
    expect(canEditNote(ana, 'ben' as MemberId)).toBe(false);
    expect(canEditNote(ana, null)).toBe(false);
    expect(canEditNote(undefined, ana)).toBe(false);
  });

  it("the author's own edits leave no other-edit stamp", () => {
    const { ana, note } = setup();
    const before = Y.encodeStateAsUpdate(ana.doc).length;
    editNote(ana.doc, ana.actor, note, 0, 0, 'x');
    expect(view(ana.doc, note).otherEdits).toEqual([]);
    expect([...(roots(ana.doc).notes.get(note) as Y.Map<unknown>).keys()].some((key) => key.startsWith(NOTE_OTHER_EDIT_PREFIX))).toBe(false);
    expect(Y.encodeStateAsUpdate(ana.doc).length).toBeGreaterThan(before);
  });

  it('concurrent edits by two others both stay named after the merge, newest first', () => {
    const { ana, ben, cem, note, benClock, cemClock } = setup();
    benClock.now += 2_000;
    cemClock.now += 3_000;
    editNote(ben.doc, ben.actor, note, 0, 0, 'Ben: ');
    editNote(cem.doc, cem.actor, note, 0, 0, 'Cem: ');
    syncAll(ana.doc, ben.doc, cem.doc);
    const edits = view(ana.doc, note).otherEdits;
    expect(edits.map((edit) => edit.by)).toEqual([cem.actor.member, ben.actor.member]);
    expect(view(ben.doc, note).otherEdits).toEqual(edits);
  });

  it('replies carry the same stamps', () => {
    const { ana, ben, note } = setup();
    const reply = addReply(ana.doc, ana.actor, note, 'Ana again.');
    syncAll(ana.doc, ben.doc);
    editReply(ben.doc, ben.actor, note, reply, 0, 0, '!');
    syncAll(ana.doc, ben.doc);
    const replyView = view(ana.doc, note).replies.find((entry) => entry.id === reply);
    expect(replyView?.otherEdits.map((edit) => edit.by)).toEqual([ben.actor.member]);
  });

  it('skips malformed stamps', () => {
    const { ana, note } = setup();
    const map = roots(ana.doc).notes.get(note) as Y.Map<unknown>;
    ana.doc.transact(() => {
      map.set(`${NOTE_OTHER_EDIT_PREFIX}mallory`, 'yesterday');
      map.set(NOTE_OTHER_EDIT_PREFIX, 5);
    });
    expect(otherEdits(map)).toEqual([]);
  });
});
