/**
 * Changed items: one highlight, one code and one typed note count as three items, however
 * many transactions and keystrokes they took; a code applied to an existing highlight
 * counts as that highlight.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { changedItems } from '#shared/model/changed-items.ts';
import { addHighlight, applyTag } from '#shared/model/highlights.ts';
import { addNote, editNote } from '#shared/model/notes.ts';
import { createProject } from '#shared/model/project.ts';
import { isLocalOrigin } from '#shared/model/origins.ts';
import { createTag } from '#shared/model/tags.ts';
import { replica } from '../../helpers/replicas.ts';

function recordItems(doc: Y.Doc): Set<string> {
  const items = new Set<string>();
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (isLocalOrigin(transaction.origin)) for (const item of changedItems(transaction)) items.add(item);
  });
  return items;
}

describe('changedItems', () => {
  it('counts a highlight, a code and a typed note as three items', () => {
    const ana = replica('ana', 1);
    createProject(ana.doc, ana.actor, { name: 'Caucasus' });
    const items = recordItems(ana.doc);
    const highlight = addHighlight(ana.doc, ana.actor, {
      documentId: 'doc-1',
      documentHash: 'h1',
      position: { start: 0, end: 5 },
      quote: { exact: 'hello', prefix: '', suffix: '' },
    });
    const tag = createTag(ana.doc, ana.actor, { name: 'Energy', colour: '#f00' });
    applyTag(ana.doc, ana.actor, highlight, tag);
    const note = addNote(ana.doc, ana.actor, highlight);
    const text = 'Energy frames it.';
    for (let index = 0; index < text.length; index++) editNote(ana.doc, ana.actor, note, index, 0, text[index] as string);
    expect(items.size).toBe(3);
    expect([...items].map((item) => item.split('/')[1]).sort()).toEqual([highlight, note, tag].sort());
  });

  it('a code applied later to an existing highlight counts as that highlight', () => {
    const ana = replica('ana', 1);
    createProject(ana.doc, ana.actor, { name: 'Caucasus' });
    const highlight = addHighlight(ana.doc, ana.actor, {
      documentId: 'doc-1',
      documentHash: 'h1',
      position: { start: 0, end: 5 },
      quote: { exact: 'hello', prefix: '', suffix: '' },
    });
    const tag = createTag(ana.doc, ana.actor, { name: 'Energy', colour: '#f00' });
    const items = recordItems(ana.doc);
    applyTag(ana.doc, ana.actor, highlight, tag);
    expect([...items].map((item) => item.split('/')[1])).toEqual([highlight]);
  });
});
