import { describe, expect, it } from 'vitest';
import { addHighlight, applyTag } from '#shared/model/highlights.ts';
import { addNote, editNote } from '#shared/model/notes.ts';
import { observeProject, type ProjectChange } from '#shared/model/observe.ts';
import { isLocalOrigin, syncOrigin } from '#shared/model/origins.ts';
import { createProject } from '#shared/model/project.ts';
import { createTag, updateTag } from '#shared/model/tags.ts';
import { push, replica } from '../../helpers/replicas.ts';

describe('observeProject', () => {
  it('reports which highlights, documents, tags and notes each transaction changed, and its origin', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    createProject(ana.doc, ana.actor, { name: 'P' });
    const tag = createTag(ana.doc, ana.actor, { name: 'T' });
    push(ana.doc, ben.doc);
    const changes: ProjectChange[] = [];
    const stop = observeProject(ben.doc, (change) => changes.push(change));

    const h = addHighlight(ben.doc, ben.actor, {
      documentId: 'doc-a',
      documentHash: 'h',
      position: { start: 0, end: 3 },
      quote: { exact: 'abc', prefix: '', suffix: '' },
    });
    expect(changes.pop()).toMatchObject({ highlights: new Set([h]), documents: new Set(['doc-a']), local: true });

    applyTag(ben.doc, ben.actor, h, tag);
    expect([...changes.pop()!.highlights]).toEqual([h]);

    const note = addNote(ben.doc, ben.actor, h, 'x');
    editNote(ben.doc, ben.actor, note, 1, 0, 'y');
    const edit = changes.pop()!;
    expect(edit.notes).toEqual(new Set([note]));
    expect(edit.highlights).toEqual(new Set([h]));
    expect(edit.documents).toEqual(new Set(['doc-a']));
    expect(isLocalOrigin(edit.origin)).toBe(true);

    updateTag(ana.doc, ana.actor, tag, { colour: '#123' });
    push(ana.doc, ben.doc);
    const remote = changes.pop()!;
    expect(remote).toMatchObject({ tags: new Set([tag]), origin: syncOrigin, local: false });
    expect(remote.highlights.size).toBe(0);

    stop();
    const count = changes.length;
    updateTag(ben.doc, ben.actor, tag, { name: 'renamed' });
    expect(changes).toHaveLength(count);
  });
});
