/**
 * Per-doc indexes: highlight ids by document and the noted-highlight index are built once
 * and then follow every change — local edits and merged ones alike.
 */
import { describe, expect, it } from 'vitest';
import { highlightIdsOfDocument, notedHighlights, pendingDocIndexes } from '#shared/model/doc-indexes.ts';
import { addHighlight, deleteHighlight } from '#shared/model/highlights.ts';
import type { HighlightId } from '#shared/model/ids.ts';
import { addNote, deleteNote, restoreNote } from '#shared/model/notes.ts';
import { push, replica, type Replica } from '../../helpers/replicas.ts';

function highlight(r: Replica, documentId: string, exact: string): HighlightId {
  return addHighlight(r.doc, r.actor, { documentId, documentHash: 'sha256:' + 'ab'.repeat(32), position: { start: 0, end: exact.length }, quote: { exact, prefix: '', suffix: '' } });
}

describe('doc indexes', () => {
  it('lists highlight ids by document and keeps the lists current, trashed ids included', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    const a1 = highlight(ana, 'doc-a', 'border incidents');
    const b1 = highlight(ana, 'doc-b', 'gas transit');
    expect([...highlightIdsOfDocument(ana.doc, 'doc-a')]).toEqual([a1]);
    expect([...highlightIdsOfDocument(ana.doc, 'doc-c')]).toEqual([]);
    const a2 = highlight(ana, 'doc-a', 'oil revenues');
    deleteHighlight(ana.doc, ana.actor, a1);
    const fromBen = highlight(ben, 'doc-b', 'peacekeeping');
    push(ben.doc, ana.doc);
    expect([...highlightIdsOfDocument(ana.doc, 'doc-a')].sort()).toEqual([a1, a2].sort());
    expect([...highlightIdsOfDocument(ana.doc, 'doc-b')].sort()).toEqual([b1, fromBen].sort());
  });

  it('knows which highlights carry a live note as notes come, go to the trash and return', () => {
    const ana = replica('ana', 1);
    const first = highlight(ana, 'doc-a', 'border incidents');
    const second = highlight(ana, 'doc-a', 'gas transit');
    const existing = addNote(ana.doc, ana.actor, first, 'Why here?');
    const noted = notedHighlights(ana.doc);
    expect(notedHighlights(ana.doc)).toBe(noted);
    expect([noted.has(first), noted.has(second)]).toEqual([true, false]);
    const added = addNote(ana.doc, ana.actor, second, 'Compare 2005');
    expect(noted.has(second)).toBe(true);
    deleteNote(ana.doc, ana.actor, existing);
    expect(noted.has(first)).toBe(false);
    restoreNote(ana.doc, ana.actor, existing);
    expect(noted.has(first)).toBe(true);
    deleteNote(ana.doc, ana.actor, added);
    expect(noted.has(second)).toBe(false);
  });

  it('names the builds still pending, each building one index ahead of its first use', () => {
    const ana = replica('ana', 1);
    const a1 = highlight(ana, 'doc-a', 'border incidents');
    addNote(ana.doc, ana.actor, a1, 'why here?');
    const pending = pendingDocIndexes(ana.doc);
    expect(pending).toHaveLength(2);
    for (const build of pending) expect(build(Number.POSITIVE_INFINITY)).toBe(true);
    expect(pendingDocIndexes(ana.doc)).toEqual([]);
    // Built ahead, then kept current like an index built on first use.
    const a2 = highlight(ana, 'doc-a', 'oil revenues');
    addNote(ana.doc, ana.actor, a2, 'and here');
    expect([...highlightIdsOfDocument(ana.doc, 'doc-a')].sort()).toEqual([a1, a2].sort());
    expect(notedHighlights(ana.doc).has(a1) && notedHighlights(ana.doc).has(a2)).toBe(true);
    // Built a record a step (a budget of 0 ms), with changes during the build followed.
    const cal = replica('cal', 3);
    const c1 = highlight(cal, 'doc-a', 'border incidents');
    const c2 = highlight(cal, 'doc-a', 'gas transit');
    const n1 = addNote(cal.doc, cal.actor, c1, 'one');
    addNote(cal.doc, cal.actor, c2, 'two');
    const [byDocument, noted] = pendingDocIndexes(cal.doc) as [(budgetMs: number) => boolean, (budgetMs: number) => boolean];
    expect(byDocument(0)).toBe(false);
    const c3 = highlight(cal, 'doc-a', 'oil revenues');
    expect(noted(0)).toBe(false);
    deleteNote(cal.doc, cal.actor, n1);
    while (!byDocument(0));
    while (!noted(0));
    expect(pendingDocIndexes(cal.doc)).toEqual([]);
    expect([...highlightIdsOfDocument(cal.doc, 'doc-a')].sort()).toEqual([c1, c2, c3].sort());
    expect([notedHighlights(cal.doc).has(c1), notedHighlights(cal.doc).has(c2)]).toEqual([false, true]);
    // Asking for an index half built finishes it at once.
    const dan = replica('dan', 4);
    const d1 = highlight(dan, 'doc-b', 'pipeline');
    highlight(dan, 'doc-b', 'corridor');
    const [danByDocument] = pendingDocIndexes(dan.doc) as [(budgetMs: number) => boolean];
    expect(danByDocument(0)).toBe(false);
    expect([...highlightIdsOfDocument(dan.doc, 'doc-b')]).toContain(d1);
    expect(highlightIdsOfDocument(dan.doc, 'doc-b').size).toBe(2);
    expect(pendingDocIndexes(dan.doc)).toHaveLength(1);
    // An index already asked for is not pending.
    const ben = replica('ben', 2);
    notedHighlights(ben.doc);
    expect(pendingDocIndexes(ben.doc)).toHaveLength(1);
  });
});
