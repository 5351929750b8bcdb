/**
 * docs/architecture.md §5 merge semantics: two teammates edit offline, exchange updates, and every
 * concurrent edit survives as specified.
 */
import { describe, expect, it } from 'vitest';
import { addHighlight, applyTag, deleteHighlight, removeTag, restoreHighlight } from '#shared/model/highlights.ts';
import type { HighlightId, TagId } from '#shared/model/ids.ts';
import { addNote, editNote, setNoteText } from '#shared/model/notes.ts';
import { createProject } from '#shared/model/project.ts';
import { countApplications, getHighlight, listHighlights, listTags, listTrash } from '#shared/model/queries.ts';
import { createTag, deleteTag, mergeTag, restoreTag, updateTag } from '#shared/model/tags.ts';
import { push, replica, syncAll, type Replica } from '../../helpers/replicas.ts';

const QUOTE = { exact: 'strategic balance', prefix: 'is characterized by a ', suffix: ' between major global' };

/** Ana creates a project with two tags and one highlight; Ben syncs it. */
function setup(): { ana: Replica; ben: Replica; highlight: HighlightId; energy: TagId; security: TagId } {
  const ana = replica('ana', 1);
  const ben = replica('ben', 2);
  createProject(ana.doc, ana.actor, { name: 'Caucasus' });
  const energy = createTag(ana.doc, ana.actor, { name: 'Energy', colour: '#f00' });
  const security = createTag(ana.doc, ana.actor, { name: 'Security', colour: '#00f' });
  const highlight = addHighlight(ana.doc, ana.actor, {
    documentId: 'doc-1',
    documentHash: 'h1',
    position: { start: 100, end: 117 },
    quote: QUOTE,
  });
  syncAll(ana.doc, ben.doc);
  return { ana, ben, highlight, energy, security };
}

function tagNames(r: Replica, id: HighlightId): string[] {
  return (getHighlight(r.doc, id)?.tags ?? []).map((applied) => applied.tag.name).sort();
}

describe('merge semantics after concurrent offline edits', () => {
  it('two people tag the same highlight → both tags, with who applied each', () => {
    const { ana, ben, highlight, energy, security } = setup();
    applyTag(ana.doc, ana.actor, highlight, energy);
    applyTag(ben.doc, ben.actor, highlight, security);
    syncAll(ana.doc, ben.doc);
    for (const r of [ana, ben]) {
      expect(tagNames(r, highlight)).toEqual(['Energy', 'Security']);
      const by = Object.fromEntries(getHighlight(r.doc, highlight)!.tags.map((t) => [t.tag.name, t.by]));
      expect(by).toEqual({ Energy: 'ana', Security: 'ben' });
    }
  });

  it('two people apply the same tag → one application', () => {
    const { ana, ben, highlight, energy } = setup();
    applyTag(ana.doc, ana.actor, highlight, energy);
    applyTag(ben.doc, ben.actor, highlight, energy);
    syncAll(ana.doc, ben.doc);
    expect(getHighlight(ana.doc, highlight)!.tags).toHaveLength(1);
    expect(countApplications(ben.doc, energy)).toBe(1);
  });

  it('untag racing a re-apply resolves identically on both replicas', () => {
    const { ana, ben, highlight, energy } = setup();
    applyTag(ana.doc, ana.actor, highlight, energy);
    syncAll(ana.doc, ben.doc);
    removeTag(ana.doc, ana.actor, highlight, energy);
    applyTag(ben.doc, ben.actor, highlight, energy); // already applied at Ben: no-op
    removeTag(ben.doc, ben.actor, highlight, energy);
    applyTag(ben.doc, ben.actor, highlight, energy);
    syncAll(ana.doc, ben.doc);
    expect(tagNames(ana, highlight)).toEqual(tagNames(ben, highlight));
  });

  it('one renames a tag while another applies it → the applied tag shows the new name', () => {
    const { ana, ben, highlight, energy } = setup();
    updateTag(ana.doc, ana.actor, energy, { name: 'Energy policy' });
    applyTag(ben.doc, ben.actor, highlight, energy);
    syncAll(ana.doc, ben.doc);
    for (const r of [ana, ben]) expect(tagNames(r, highlight)).toEqual(['Energy policy']);
  });

  it('concurrent edits of different tag fields both survive', () => {
    const { ana, ben, energy } = setup();
    updateTag(ana.doc, ana.actor, energy, { name: 'Oil and gas' });
    updateTag(ben.doc, ben.actor, energy, { colour: '#0f0', description: 'Pipelines, exports' });
    syncAll(ana.doc, ben.doc);
    const tag = listTags(ana.doc).find((node) => node.tag.id === energy)!.tag;
    expect(tag).toMatchObject({ name: 'Oil and gas', colour: '#0f0', description: 'Pipelines, exports' });
  });

  it('one merges A into B while another applies A offline → the highlight carries B', () => {
    const { ana, ben, highlight, energy, security } = setup();
    mergeTag(ana.doc, ana.actor, energy, security);
    applyTag(ben.doc, ben.actor, highlight, energy);
    syncAll(ana.doc, ben.doc);
    for (const r of [ana, ben]) {
      const view = getHighlight(r.doc, highlight)!;
      expect(view.tags.map((t) => [t.tag.id, t.appliedId])).toEqual([[security, energy]]);
      expect(view.colour).toBe('#00f');
      expect(listTags(r.doc).map((node) => node.tag.name)).toEqual(['Security']);
      expect(countApplications(r.doc, security)).toBe(1);
    }
  });

  it('concurrent merges A→B and B→A resolve to the same tag everywhere (cycle-safe)', () => {
    const { ana, ben, highlight, energy, security } = setup();
    applyTag(ana.doc, ana.actor, highlight, energy);
    mergeTag(ana.doc, ana.actor, energy, security);
    mergeTag(ben.doc, ben.actor, security, energy);
    syncAll(ana.doc, ben.doc);
    const winner = energy < security ? energy : security;
    for (const r of [ana, ben]) {
      expect(getHighlight(r.doc, highlight)!.tags.map((t) => t.tag.id)).toEqual([winner]);
      expect(listTags(r.doc).map((node) => node.tag.id)).toEqual([winner]);
    }
  });

  it('two people edit the same note → both edits merged text-wise', () => {
    const { ana, ben, highlight } = setup();
    const note = addNote(ana.doc, ana.actor, highlight, 'Balance of powers.');
    syncAll(ana.doc, ben.doc);
    editNote(ana.doc, ana.actor, note, 0, 0, 'Key: ');
    setNoteText(ben.doc, ben.actor, note, 'Balance of powers. See also Georgia.');
    syncAll(ana.doc, ben.doc);
    for (const r of [ana, ben]) {
      expect(getHighlight(r.doc, highlight)!.notes[0]!.text).toBe('Key: Balance of powers. See also Georgia.');
    }
  });

  it('one deletes a highlight while another edits its note → in the trash with the edit intact, restorable by anyone', () => {
    const { ana, ben, highlight } = setup();
    const note = addNote(ana.doc, ana.actor, highlight, 'Draft');
    syncAll(ana.doc, ben.doc);
    deleteHighlight(ana.doc, ana.actor, highlight);
    editNote(ben.doc, ben.actor, note, 5, 0, ' — revised');
    syncAll(ana.doc, ben.doc);
    for (const r of [ana, ben]) {
      expect(listHighlights(r.doc, 'doc-1')).toEqual([]);
      const trashed = listTrash(r.doc).highlights;
      expect(trashed.map((h) => h.id)).toEqual([highlight]);
      expect(trashed[0]!.deleted?.by).toBe('ana');
      expect(trashed[0]!.notes[0]!.text).toBe('Draft — revised');
    }
    restoreHighlight(ben.doc, ben.actor, highlight);
    push(ben.doc, ana.doc);
    expect(listHighlights(ana.doc, 'doc-1')[0]!.notes[0]!.text).toBe('Draft — revised');
    expect(listTrash(ana.doc).highlights).toEqual([]);
  });

  it('a trashed tag leaves views but keeps its applications; restoring brings it back', () => {
    const { ana, ben, highlight, energy } = setup();
    applyTag(ben.doc, ben.actor, highlight, energy);
    syncAll(ana.doc, ben.doc);
    expect(countApplications(ana.doc, energy)).toBe(1);
    deleteTag(ana.doc, ana.actor, energy);
    expect(tagNames(ana, highlight)).toEqual([]);
    expect(listTags(ana.doc).map((n) => n.tag.name)).toEqual(['Security']);
    expect(listTrash(ana.doc).tags.map((t) => t.id)).toEqual([energy]);
    expect(countApplications(ana.doc, energy)).toBe(1);
    restoreTag(ben.doc, ben.actor, energy);
    syncAll(ana.doc, ben.doc);
    expect(tagNames(ana, highlight)).toEqual(['Energy']);
  });
});
