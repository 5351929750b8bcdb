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

  it('shares one feed among listeners: each hears every change in the order it subscribed, until it unsubscribes', () => {
    const ana = replica('ana', 1);
    createProject(ana.doc, ana.actor, { name: 'P' });
    const heard: string[] = [];
    const stopFirst = observeProject(ana.doc, (change) => heard.push(`first:${[...change.tags].length}`));
    const stopSecond = observeProject(ana.doc, (change) => heard.push(`second:${[...change.tags].length}`));
    const tag = createTag(ana.doc, ana.actor, { name: 'T' });
    expect(heard).toEqual(['first:1', 'second:1']);

    stopFirst();
    updateTag(ana.doc, ana.actor, tag, { colour: '#123' });
    expect(heard).toEqual(['first:1', 'second:1', 'second:1']);

    // With no listener left the feed stops; a new listener starts it again.
    stopSecond();
    updateTag(ana.doc, ana.actor, tag, { colour: '#456' });
    expect(heard).toHaveLength(3);
    const stopThird = observeProject(ana.doc, (change) => heard.push(`third:${[...change.tags].length}`));
    updateTag(ana.doc, ana.actor, tag, { name: 'renamed' });
    expect(heard.at(-1)).toBe('third:1');
    stopThird();
  });

  it('gives a listener subscribed during a change the changes after it, and the same function subscribed twice each time', () => {
    const ana = replica('ana', 1);
    createProject(ana.doc, ana.actor, { name: 'P' });
    const late: ProjectChange[] = [];
    const twice: ProjectChange[] = [];
    const record = (change: ProjectChange): void => void twice.push(change);
    let stopLate: (() => void) | null = null;
    const stopOuter = observeProject(ana.doc, () => {
      stopLate ??= observeProject(ana.doc, (change) => late.push(change));
    });
    const stopA = observeProject(ana.doc, record);
    const stopB = observeProject(ana.doc, record);
    const tag = createTag(ana.doc, ana.actor, { name: 'T' });
    expect(late).toHaveLength(0);
    expect(twice).toHaveLength(2);
    updateTag(ana.doc, ana.actor, tag, { colour: '#123' });
    expect(late).toHaveLength(1);
    expect(twice).toHaveLength(4);
    stopA();
    updateTag(ana.doc, ana.actor, tag, { colour: '#456' });
    expect(twice).toHaveLength(5);
    for (const stop of [stopOuter, stopB, stopLate as unknown as () => void]) stop();
  });

  it('does not call a listener unsubscribed by an earlier listener of the same change (a view torn down mid-delivery)', () => {
    const ana = replica('ana', 1);
    createProject(ana.doc, ana.actor, { name: 'P' });
    const heard: string[] = [];
    let stopSecond: () => void = () => undefined;
    const stopFirst = observeProject(ana.doc, () => {
      heard.push('first');
      stopSecond();
    });
    stopSecond = observeProject(ana.doc, () => heard.push('second'));
    const stopThird = observeProject(ana.doc, () => heard.push('third'));
    createTag(ana.doc, ana.actor, { name: 'T' });
    expect(heard).toEqual(['first', 'third']);
    stopFirst();
    stopThird();
  });

  it('reports the documents of a merge\'s highlights when asked, for every listener alike', () => {
    const ana = replica('ana', 1);
    const ben = replica('ben', 2);
    createProject(ana.doc, ana.actor, { name: 'P' });
    push(ana.doc, ben.doc);
    const quote = { exact: 'abc', prefix: '', suffix: '' };
    const first = addHighlight(ana.doc, ana.actor, { documentId: 'doc-a', documentHash: 'h', position: { start: 0, end: 3 }, quote });
    const second = addHighlight(ana.doc, ana.actor, { documentId: 'doc-b', documentHash: 'h', position: { start: 0, end: 3 }, quote });
    const seen: ProjectChange[] = [];
    const stops = [observeProject(ben.doc, (change) => seen.push(change)), observeProject(ben.doc, (change) => seen.push(change))];
    push(ana.doc, ben.doc);
    expect(seen).toHaveLength(2);
    for (const change of seen) {
      expect(change.highlights).toEqual(new Set([first, second]));
      expect(change.documents).toEqual(new Set(['doc-a', 'doc-b']));
    }
    for (const stop of stops) stop();
  });
});

