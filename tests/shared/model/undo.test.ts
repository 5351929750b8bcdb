import { describe, expect, it } from 'vitest';
import { addHighlight, applyTag } from '#shared/model/highlights.ts';
import type { HighlightId } from '#shared/model/ids.ts';
import { addNote, editNote } from '#shared/model/notes.ts';
import { createProject } from '#shared/model/project.ts';
import { getHighlight, listHighlights } from '#shared/model/queries.ts';
import { createTag } from '#shared/model/tags.ts';
import { createUndoManager } from '#shared/model/undo.ts';
import { memberOfClient } from '#shared/model/write.ts';
import { replica, syncAll } from '../../helpers/replicas.ts';

const QUOTE = { exact: 'text', prefix: '', suffix: '' };

describe('per-person undo', () => {
  it('A and B edit, A undoes → only A’s change is reverted, B’s stays', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    createProject(ana.doc, ana.actor, { name: 'P' });
    const tag = createTag(ana.doc, ana.actor, { name: 'Energy' });
    const shared = addHighlight(ana.doc, ana.actor, { documentId: 'd', documentHash: 'h', position: { start: 0, end: 4 }, quote: QUOTE });
    const note = addNote(ana.doc, ana.actor, shared, 'base');
    syncAll(ana.doc, ben.doc);

    const undo = createUndoManager(ana.doc, ana.member);
    const anas = addHighlight(ana.doc, ana.actor, { documentId: 'd', documentHash: 'h', position: { start: 5, end: 9 }, quote: QUOTE });
    undo.stopCapturing();
    const bens = addHighlight(ben.doc, ben.actor, { documentId: 'd', documentHash: 'h', position: { start: 10, end: 14 }, quote: QUOTE });
    applyTag(ben.doc, ben.actor, shared, tag);
    editNote(ben.doc, ben.actor, note, 4, 0, ' by ben');
    syncAll(ana.doc, ben.doc);

    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    syncAll(ana.doc, ben.doc);
    for (const r of [ana, ben]) {
      const ids = listHighlights(r.doc, 'd').map((h) => h.id);
      expect(ids).toContain(bens);
      expect(ids).toContain(shared);
      expect(ids).not.toContain(anas);
      expect(getHighlight(r.doc, shared)!.tags.map((t) => t.tag.name)).toEqual(['Energy']);
      expect(getHighlight(r.doc, shared)!.notes[0]!.text).toBe('base by ben');
    }
    undo.redo();
    expect(listHighlights(ana.doc, 'd').map((h) => h.id)).toContain(anas as HighlightId);
  });

  it('undo never unregisters the client, so "who" survives undo', () => {
    const ana = replica('ana', 1);
    const undo = createUndoManager(ana.doc, ana.member);
    createProject(ana.doc, ana.actor, { name: 'P' });
    undo.undo();
    expect(memberOfClient(ana.doc, 1)).toBe('ana');
  });
});
