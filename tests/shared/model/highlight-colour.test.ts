/**
 * A highlight's own colour (docs/architecture.md §5): chosen and reset through the model,
 * read by the views in place of the first code's colour, undone as one step of its
 * chooser, and merged like every other field (concurrent choices: one wins on both replicas).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addHighlight, applyTag } from '#shared/model/highlights.ts';
import { chosenHighlightColour, setHighlightColour } from '#shared/model/highlight-colour.ts';
import type { HighlightId } from '#shared/model/ids.ts';
import { HIGHLIGHT, roots } from '#shared/model/layout.ts';
import { getHighlight } from '#shared/model/queries.ts';
import { createTag } from '#shared/model/tags.ts';
import { createUndoManager } from '#shared/model/undo.ts';
import { replica, syncAll, type Replica } from '../../helpers/replicas.ts';

function highlightIn(r: Replica): HighlightId {
  return addHighlight(r.doc, r.actor, {
    documentId: 'doc-1',
    documentHash: 'h1',
    position: { start: 10, end: 20 },
    quote: { exact: 'strategic', prefix: '', suffix: '' },
  });
}

describe('a highlight colour', () => {
  it('is the first code’s colour until one is chosen; a chosen colour is read by the views, null resets it', () => {
    const ana = replica('ana', 1);
    const energy = createTag(ana.doc, ana.actor, { name: 'Energy', colour: '#ff0000' });
    const id = highlightIn(ana);
    applyTag(ana.doc, ana.actor, id, energy);
    expect(getHighlight(ana.doc, id)).toMatchObject({ colour: '#ff0000', chosenColour: null });
    expect(setHighlightColour(ana.doc, ana.actor, id, '#F4C542')).toBe(true);
    expect(getHighlight(ana.doc, id)).toMatchObject({ colour: '#f4c542', chosenColour: '#f4c542' });
    expect(chosenHighlightColour(ana.doc, id)).toBe('#f4c542');
    expect(setHighlightColour(ana.doc, ana.actor, id, '#f4c542')).toBe(false);
    expect(setHighlightColour(ana.doc, ana.actor, id, null)).toBe(true);
    expect(getHighlight(ana.doc, id)).toMatchObject({ colour: '#ff0000', chosenColour: null });
  });

  it('refuses a value that is not a colour, and an unknown highlight, writing nothing', () => {
    const ana = replica('ana', 1);
    const id = highlightIn(ana);
    const before = Y.encodeStateVector(ana.doc);
    expect(() => setHighlightColour(ana.doc, ana.actor, id, 'amber')).toThrow(/not a highlight colour/);
    expect(() => setHighlightColour(ana.doc, ana.actor, 'nope' as HighlightId, '#f4c542')).toThrow(/unknown highlight/);
    expect(Y.encodeStateVector(ana.doc)).toEqual(before);
  });

  it('reads a damaged stored value as no choice', () => {
    const ana = replica('ana', 1);
    const id = highlightIn(ana);
    roots(ana.doc).highlights.get(id)!.set(HIGHLIGHT.colour, 42);
    expect(getHighlight(ana.doc, id)).toMatchObject({ colour: null, chosenColour: null });
  });

  it('is undone and redone by its chooser’s undo', () => {
    const ana = replica('ana', 1);
    const id = highlightIn(ana);
    const undo = createUndoManager(ana.doc, ana.actor.member, { captureTimeout: 0 });
    setHighlightColour(ana.doc, ana.actor, id, '#5aa9e6');
    undo.undo();
    expect(chosenHighlightColour(ana.doc, id)).toBeNull();
    undo.redo();
    expect(chosenHighlightColour(ana.doc, id)).toBe('#5aa9e6');
  });

  it('concurrent choices merge to one winner, the same on both replicas', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    const id = highlightIn(ana);
    syncAll(ana.doc, ben.doc);
    setHighlightColour(ana.doc, ana.actor, id, '#5aa9e6');
    setHighlightColour(ben.doc, ben.actor, id, '#7bc96f');
    syncAll(ana.doc, ben.doc);
    const winner = chosenHighlightColour(ana.doc, id);
    expect(['#5aa9e6', '#7bc96f']).toContain(winner);
    expect(chosenHighlightColour(ben.doc, id)).toBe(winner);
  });
});
