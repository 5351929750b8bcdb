/** highlightedDocumentIds: the documents with live highlights, following trash and restore and merges from other replicas. */
import { describe, expect, it } from 'vitest';
import { addHighlight, deleteHighlight, restoreHighlight } from '#shared/model/highlights.ts';
import { highlightedDocumentIds } from '#shared/model/highlighted-documents.ts';
import type { HighlightId } from '#shared/model/ids.ts';
import { createProject } from '#shared/model/project.ts';
import { replica, syncAll, type Replica } from '../../helpers/replicas.ts';

function highlight(r: Replica, documentId: string, start: number): HighlightId {
  return addHighlight(r.doc, r.actor, {
    documentId,
    documentHash: 'sha256:' + 'cd'.repeat(32),
    position: { start, end: start + 5 },
    quote: { exact: 'words', prefix: '', suffix: '' },
    tags: [],
  });
}

describe('highlightedDocumentIds', () => {
  it('is empty for a project without highlights', () => {
    const ana = replica('ana', 1);
    createProject(ana.doc, ana.actor, { name: 'P' });
    expect(highlightedDocumentIds(ana.doc)).toEqual(new Set());
  });

  it('lists each document with a live highlight once, including ones merged from a teammate', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    createProject(ana.doc, ana.actor, { name: 'P' });
    highlight(ana, 'doc-a', 0);
    highlight(ana, 'doc-a', 10);
    highlight(ben, 'doc-b', 0);
    expect(highlightedDocumentIds(ana.doc)).toEqual(new Set(['doc-a']));
    syncAll(ana.doc, ben.doc);
    expect(highlightedDocumentIds(ana.doc)).toEqual(new Set(['doc-a', 'doc-b']));
  });

  it('leaves out a document whose only highlight is in the trash, and brings it back on restore', () => {
    const ana = replica('ana', 1);
    createProject(ana.doc, ana.actor, { name: 'P' });
    highlight(ana, 'doc-a', 0);
    const only = highlight(ana, 'doc-c', 0);
    deleteHighlight(ana.doc, ana.actor, only);
    expect(highlightedDocumentIds(ana.doc)).toEqual(new Set(['doc-a']));
    restoreHighlight(ana.doc, ana.actor, only);
    expect(highlightedDocumentIds(ana.doc)).toEqual(new Set(['doc-a', 'doc-c']));
  });
});
