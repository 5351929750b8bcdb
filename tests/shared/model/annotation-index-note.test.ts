/**
 * The Annotations panel's index and a note typed into while the panel is open: every
 * keystroke tells the listeners, even when the highlight's entry is still waiting to be
 * recomputed from the previous one, and reading then gives the new text.
 */
import { expect, it } from 'vitest';
import { annotationIndex } from '#shared/model/annotation-index.ts';
import { addHighlight } from '#shared/model/highlights.ts';
import { addNote, editNote } from '#shared/model/notes.ts';
import { replica } from '../../helpers/replicas.ts';

it('tells its listeners of each edit of a note and reads the new text', () => {
  const ana = replica('ana', 1);
  const id = addHighlight(ana.doc, ana.actor, { documentId: 'a', documentHash: '0123456789abcdef', position: { start: 0, end: 4 }, quote: { exact: 'text', prefix: '', suffix: '' } });
  const note = addNote(ana.doc, ana.actor, id, 'Sets the frame.');
  const index = annotationIndex(ana.doc);
  expect(index.entries()[0]?.view.notes[0]?.text).toBe('Sets the frame.');
  let heard = 0;
  index.subscribe(() => void (heard += 1));
  editNote(ana.doc, ana.actor, note, 15, 0, ' More');
  editNote(ana.doc, ana.actor, note, 20, 0, '.');
  expect(heard).toBe(2);
  expect(index.entries()[0]?.view.notes[0]?.text).toBe('Sets the frame. More.');
});
