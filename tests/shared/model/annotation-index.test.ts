/**
 * The Annotations panel's incremental index: each kind of change (a highlight added, tagged,
 * trashed, restored or gone; a note or reply written, edited or trashed; a code renamed,
 * merged or trashed; a teammate's changes merged in) updates the search strings and the
 * live list, and after random edits the long-lived index answers exactly as one built from
 * scratch and as `filterAnnotations`.
 */
import { describe, expect, it } from 'vitest';
import { addHighlight, applyTag, deleteHighlight, removeTag, restoreHighlight } from '#shared/model/highlights.ts';
import type { HighlightId, NoteId, TagId } from '#shared/model/ids.ts';
import { addNote, addReply, deleteNote, deleteReply, editNote, setNoteText } from '#shared/model/notes.ts';
import { createProject } from '#shared/model/project.ts';
import { filterAnnotations } from '#shared/model/queries.ts';
import { createTag, deleteTag, mergeTag, restoreTag, updateTag } from '#shared/model/tags.ts';
import { roots } from '#shared/model/layout.ts';
import { annotationIndex, createAnnotationIndex, type AnnotationIndex } from '#shared/model/annotation-index.ts';
import { meetsCriteria, searchNeedle } from '#shared/model/annotation-search.ts';
import { replica, syncAll, type Replica } from '../../helpers/replicas.ts';

function highlight(r: Replica, documentId: string, start: number, exact: string, tags: TagId[] = []): HighlightId {
  return addHighlight(r.doc, r.actor, {
    documentId,
    documentHash: 'sha256:' + 'ab'.repeat(32),
    position: { start, end: start + exact.length },
    quote: { exact, prefix: '', suffix: '' },
    tags,
  });
}

/** The search string of `id`, or undefined when it is not listed. */
function searchOf(index: AnnotationIndex, id: HighlightId): string | undefined {
  return index.entries().find((entry) => entry.view.id === id)?.search;
}

/** Everything the panel reads from an index, in a comparable form. */
function snapshot(index: AnnotationIndex) {
  index.refresh();
  return {
    entries: index.entries().map(({ view, search }) => ({ id: view.id, search, tags: view.tags.map((t) => [t.tag.id, t.tag.name, t.by]), notes: view.notes.map((n) => [n.text, n.replies.map((r) => r.text)]) })),
    skipped: [...index.skipped()].sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
}

describe('the annotation index', () => {
  it('updates a highlight’s search string when it is tagged, noted, replied to and its code renamed', () => {
    const r = replica('ana', 1);
    createProject(r.doc, r.actor, { name: 'P' });
    const index = createAnnotationIndex(r.doc);
    expect(index.entries()).toEqual([]);
    const energy = createTag(r.doc, r.actor, { name: 'Energy', colour: '#f00' });
    const h = highlight(r, 'doc-a', 10, 'Pipeline Diplomacy');
    expect(searchOf(index, h)).toBe('pipeline diplomacy');
    applyTag(r.doc, r.actor, h, energy);
    expect(searchOf(index, h)).toContain('energy');
    const note = addNote(r.doc, r.actor, h, 'Bakı figures');
    expect(searchOf(index, h)).toContain('baki figures');
    editNote(r.doc, r.actor, note, 0, 4, 'Ceyhan');
    expect(searchOf(index, h)).toContain('ceyhan figures');
    expect(searchOf(index, h)).not.toContain('baki');
    const reply = addReply(r.doc, r.actor, note, 'Checked in 2005');
    expect(searchOf(index, h)).toContain('checked in 2005');
    deleteReply(r.doc, r.actor, note, reply);
    expect(searchOf(index, h)).not.toContain('2005');
    updateTag(r.doc, r.actor, energy, { name: 'Enerji' });
    expect(searchOf(index, h)).toContain('enerji');
    expect(searchOf(index, h)).not.toContain('energy');
    deleteNote(r.doc, r.actor, note);
    expect(searchOf(index, h)).not.toContain('ceyhan');
    removeTag(r.doc, r.actor, h, energy);
    expect(searchOf(index, h)).toBe('pipeline diplomacy');
  });

  it('drops trashed highlights and brings restored ones back; a trashed or merged code leaves or changes the string', () => {
    const r = replica('ben', 2);
    createProject(r.doc, r.actor, { name: 'P' });
    const gas = createTag(r.doc, r.actor, { name: 'Gas' });
    const energy = createTag(r.doc, r.actor, { name: 'Energy' });
    const first = highlight(r, 'doc-b', 0, 'first');
    const second = highlight(r, 'doc-a', 5, 'second', [gas]);
    const index = createAnnotationIndex(r.doc);
    expect(index.entries().map((entry) => entry.view.id)).toEqual([second, first]);
    deleteHighlight(r.doc, r.actor, first);
    expect(index.entries().map((entry) => entry.view.id)).toEqual([second]);
    restoreHighlight(r.doc, r.actor, first);
    expect(index.entries().map((entry) => entry.view.id)).toEqual([second, first]);
    mergeTag(r.doc, r.actor, gas, energy);
    expect(searchOf(index, second)).toBe('second\u0001energy');
    deleteTag(r.doc, r.actor, energy);
    expect(searchOf(index, second)).toBe('second');
    restoreTag(r.doc, r.actor, energy);
    expect(searchOf(index, second)).toBe('second\u0001energy');
  });

  it('follows a teammate’s changes merged in', () => {
    const ana = replica('ana', 3);
    const ben = replica('ben', 4);
    createProject(ana.doc, ana.actor, { name: 'P' });
    syncAll(ana.doc, ben.doc);
    const index = annotationIndex(ana.doc);
    expect(annotationIndex(ana.doc)).toBe(index);
    const h = highlight(ben, 'doc-a', 0, 'border incidents');
    addNote(ben.doc, ben.actor, h, 'Compare with 2020');
    syncAll(ana.doc, ben.doc);
    expect(index.entries().map((entry) => entry.search)).toEqual(['border incidents\u0001compare with 2020']);
    expect(snapshot(index)).toEqual(snapshot(createAnnotationIndex(ana.doc)));
  });

  it('answers as a rebuild and as filterAnnotations after random edits by two people', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const ana = replica('ana', 5);
    const ben = replica('ben', 6);
    createProject(ana.doc, ana.actor, { name: 'P' });
    syncAll(ana.doc, ben.doc);
    const index = createAnnotationIndex(ana.doc);
    const words = ['Bakı', 'pipeline', 'Türkiye', 'gas', 'border', 'Straße', 'energy'];
    const word = (): string => words[random(words.length)] as string;
    for (let step = 0; step < 400; step += 1) {
      const r = random(3) === 0 ? ben : ana;
      const { highlights, tags, notes } = roots(r.doc);
      const highlightIds = [...highlights.keys()] as HighlightId[];
      const tagIds = [...tags.keys()] as TagId[];
      const noteIds = [...notes.keys()] as NoteId[];
      const pickH = highlightIds[random(Math.max(1, highlightIds.length))];
      const pickT = tagIds[random(Math.max(1, tagIds.length))];
      const pickN = noteIds[random(Math.max(1, noteIds.length))];
      const action = random(11);
      if (action <= 1 || pickH === undefined) highlight(r, `doc-${random(3)}`, random(500), `${word()} ${word()}`, pickT && random(2) === 0 ? [pickT] : []);
      else if (action === 2 && pickT !== undefined) applyTag(r.doc, r.actor, pickH, pickT);
      else if (action === 3 && pickT !== undefined) removeTag(r.doc, r.actor, pickH, pickT);
      else if (action === 4) addNote(r.doc, r.actor, pickH, word());
      else if (action === 5 && pickN !== undefined) setNoteText(r.doc, r.actor, pickN, `${word()} ${word()}`);
      else if (action === 6 && pickN !== undefined) addReply(r.doc, r.actor, pickN, word());
      else if (action === 7) (random(2) === 0 ? deleteHighlight : restoreHighlight)(r.doc, r.actor, pickH);
      else if (action === 8 || pickT === undefined) createTag(r.doc, r.actor, { name: word() });
      else if (action === 9) updateTag(r.doc, r.actor, pickT, { name: word() });
      else if (random(2) === 0) (random(2) === 0 ? deleteTag : restoreTag)(r.doc, r.actor, pickT);
      else if (tagIds.length > 1) mergeTag(r.doc, r.actor, pickT, tagIds[random(tagIds.length)] as TagId);
      if (random(5) === 0) syncAll(ana.doc, ben.doc);
      if (random(4) === 0) index.refresh(() => random(2) === 0);
      if (step % 100 === 99) expect(snapshot(index)).toEqual(snapshot(createAnnotationIndex(ana.doc)));
    }
    syncAll(ana.doc, ben.doc);
    expect(snapshot(index)).toEqual(snapshot(createAnnotationIndex(ana.doc)));
    for (const text of ['baki', 'gas', 'strasse', 'energy pipeline', 'turkiye']) {
      const criteria = { needle: searchNeedle(text) };
      const fromIndex = index.entries().filter((entry) => meetsCriteria(entry.view, entry.search, criteria)).map((entry) => entry.view.id);
      expect(fromIndex).toEqual(filterAnnotations(ana.doc, { text }).map((view) => view.id));
    }
  });
});
