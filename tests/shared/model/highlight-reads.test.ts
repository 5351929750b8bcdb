/**
 * Reads of single highlights: live anchors (trashed and unknown highlights have none), the
 * pass over live anchors, a highlight's tags after merges, its first live note, and views
 * of every highlight including trashed ones.
 */
import { describe, expect, it } from 'vitest';
import { addHighlight, applyTag, deleteHighlight, restoreHighlight } from '#shared/model/highlights.ts';
import {
  appliedTagsOf,
  firstLiveNoteOf,
  forEachLiveAnchor,
  listAllHighlights,
  liveAnchorOf,
  liveTagIdsOf,
} from '#shared/model/highlight-reads.ts';
import type { HighlightId, TagId } from '#shared/model/ids.ts';
import { addNote, deleteNote } from '#shared/model/notes.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { createTag, mergeTag } from '#shared/model/tags.ts';
import { replica, type Replica } from '../../helpers/replicas.ts';

function highlight(r: Replica, documentId: string, start: number, exact: string, tags: TagId[] = []): HighlightId {
  return addHighlight(r.doc, r.actor, {
    documentId,
    documentHash: 'sha256:' + 'ab'.repeat(32),
    position: { start, end: start + exact.length },
    quote: { exact, prefix: '', suffix: '' },
    tags,
  });
}

describe('highlight reads', () => {
  it('live anchors: trashed and unknown highlights have none; the pass visits live ones only', () => {
    const ana = replica('ana', 1);
    const kept = highlight(ana, 'doc-a', 0, 'border incidents');
    const trashed = highlight(ana, 'doc-b', 5, 'gas transit');
    deleteHighlight(ana.doc, ana.actor, trashed);
    expect(liveAnchorOf(ana.doc, kept)).toMatchObject({ documentId: 'doc-a', position: { start: 0, end: 16 }, quote: { exact: 'border incidents' } });
    expect(liveAnchorOf(ana.doc, trashed)).toBeUndefined();
    expect(liveAnchorOf(ana.doc, 'no-such-highlight-00000' as HighlightId)).toBeUndefined();
    const visited: Array<[HighlightId, string]> = [];
    forEachLiveAnchor(ana.doc, (id, anchor) => visited.push([id, anchor.documentId]));
    expect(visited).toEqual([[kept, 'doc-a']]);
    restoreHighlight(ana.doc, ana.actor, trashed);
    expect(liveAnchorOf(ana.doc, trashed)?.documentId).toBe('doc-b');
  });

  it('tags of a highlight are read through merges, oldest first, with who applied them', () => {
    const clock = { now: 1_750_000_000_000 };
    const ana = replica('ana', 1, clock);
    const energy = createTag(ana.doc, ana.actor, { name: 'Energy', colour: '#f00' });
    const oil = createTag(ana.doc, ana.actor, { name: 'Oil', colour: '#00f' });
    const id = highlight(ana, 'doc-a', 0, 'oil revenues', [energy]);
    clock.now += 5_000;
    applyTag(ana.doc, ana.actor, id, oil);
    expect(appliedTagsOf(ana.doc, id).map((applied) => [applied.tag.name, applied.by])).toEqual([['Energy', 'ana'], ['Oil', 'ana']]);
    expect(liveTagIdsOf(ana.doc, id, buildTagIndex(ana.doc))).toEqual([energy, oil]);
    mergeTag(ana.doc, ana.actor, oil, energy);
    expect(appliedTagsOf(ana.doc, id).map((applied) => [applied.tag.id, applied.appliedId])).toEqual([[energy, energy]]);
    expect(liveTagIdsOf(ana.doc, id, buildTagIndex(ana.doc))).toEqual([energy]);
    expect(() => appliedTagsOf(ana.doc, 'no-such-highlight-00000' as HighlightId)).toThrow(/unknown highlight/);
    expect(liveTagIdsOf(ana.doc, 'no-such-highlight-00000' as HighlightId, buildTagIndex(ana.doc))).toEqual([]);
  });

  it('the first live note of a highlight skips trashed notes and other highlights’ notes', () => {
    const ana = replica('ana', 1);
    const first = highlight(ana, 'doc-a', 0, 'border incidents');
    const second = highlight(ana, 'doc-a', 40, 'gas transit');
    expect(firstLiveNoteOf(ana.doc, first)).toBeNull();
    const other = addNote(ana.doc, ana.actor, second, 'elsewhere');
    const old = addNote(ana.doc, ana.actor, first, 'first thoughts');
    const current = addNote(ana.doc, ana.actor, first, 'second thoughts');
    expect(firstLiveNoteOf(ana.doc, first)).toBe(old);
    deleteNote(ana.doc, ana.actor, old);
    expect(firstLiveNoteOf(ana.doc, first)).toBe(current);
    expect(firstLiveNoteOf(ana.doc, second)).toBe(other);
  });

  it('views of every highlight include trashed ones, ordered by id', () => {
    const ana = replica('ana', 1);
    const ids = [highlight(ana, 'doc-a', 0, 'border incidents'), highlight(ana, 'doc-b', 5, 'gas transit'), highlight(ana, 'doc-a', 30, 'oil')];
    deleteHighlight(ana.doc, ana.actor, ids[1] as HighlightId);
    const views = listAllHighlights(ana.doc);
    expect(views.map((view) => view.id)).toEqual([...ids].sort());
    expect(views.find((view) => view.id === ids[1])?.deleted).toMatchObject({ by: 'ana' });
  });
});
