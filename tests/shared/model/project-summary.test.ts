/**
 * describeProject: a project at a glance for the project list and `marginalia project info`
 * — live counts (trashed, merged-away and trashed-note replies left out) and the latest
 * time any record carries; the same reading in steps (describeProjectSteps).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addHighlight, applyTag, deleteHighlight } from '#shared/model/highlights.ts';
import { addNote, addReply, deleteNote, deleteReply } from '#shared/model/notes.ts';
import { createProject, setMember } from '#shared/model/project.ts';
import { DESCRIBE_STEP, describeProject, describeProjectSteps } from '#shared/model/project-summary.ts';
import { createTag, deleteTag, mergeTag } from '#shared/model/tags.ts';
import { replica } from '../../helpers/replicas.ts';

const QUOTE = { exact: 'text', prefix: '', suffix: '' };

describe('describeProject', () => {
  it('gives identity, members, live counts and the last change', () => {
    const clock = { now: 1_750_000_000_000 };
    const ana = replica('ana', 1, clock);
    const projectId = createProject(ana.doc, ana.actor, { name: 'Caucasus corpus' });
    setMember(ana.doc, ana.actor, { name: 'Ana', colour: '#123456' });
    const energy = createTag(ana.doc, ana.actor, { name: 'Energy' });
    const energy2 = createTag(ana.doc, ana.actor, { name: 'energy' });
    const gone = createTag(ana.doc, ana.actor, { name: 'Gone' });
    mergeTag(ana.doc, ana.actor, energy2, energy);
    deleteTag(ana.doc, ana.actor, gone);
    const kept = addHighlight(ana.doc, ana.actor, { documentId: 'd', documentHash: 'h', position: { start: 0, end: 4 }, quote: QUOTE });
    const trashed = addHighlight(ana.doc, ana.actor, { documentId: 'd', documentHash: 'h', position: { start: 5, end: 9 }, quote: QUOTE });
    deleteHighlight(ana.doc, ana.actor, trashed);
    const note = addNote(ana.doc, ana.actor, kept, 'first');
    addReply(ana.doc, ana.actor, note, 'kept reply');
    const dropped = addReply(ana.doc, ana.actor, note, 'dropped reply');
    deleteReply(ana.doc, ana.actor, note, dropped);
    const trashedNote = addNote(ana.doc, ana.actor, kept, 'second');
    addReply(ana.doc, ana.actor, trashedNote, 'reply under a trashed note');
    deleteNote(ana.doc, ana.actor, trashedNote);
    clock.now += 90_000;
    applyTag(ana.doc, ana.actor, kept, energy);

    const description = describeProject(ana.doc);
    expect(description).toMatchObject({
      id: projectId,
      name: 'Caucasus corpus',
      counts: { highlights: 1, codes: 1, notes: 1, replies: 1 },
      lastChangeAt: Math.floor(clock.now / 1000) * 1000,
    });
    expect(description.members.map((member) => member.name)).toEqual(['Ana']);
  });

  it('describes an empty doc as nothing, with no last change', () => {
    expect(describeProject(new Y.Doc())).toEqual({
      id: undefined, name: '', members: [], counts: { highlights: 0, codes: 0, notes: 0, replies: 0 }, lastChangeAt: undefined,
    });
  });
});

describe('describeProjectSteps', () => {
  it('pauses every DESCRIBE_STEP records and ends with what describeProject says', () => {
    const clock = { now: 1_750_000_000_000 };
    const ana = replica('ana', 1, clock);
    createProject(ana.doc, ana.actor, { name: 'Stepped' });
    const count = DESCRIBE_STEP * 2 + 10;
    for (let index = 0; index < count; index += 1) {
      clock.now += 1000;
      const id = addHighlight(ana.doc, ana.actor, { documentId: 'd', documentHash: 'h', position: { start: index, end: index + 4 }, quote: QUOTE });
      if (index % 100 === 0) addNote(ana.doc, ana.actor, id, `note ${index}`);
    }
    const steps = describeProjectSteps(ana.doc);
    let pauses = 0;
    let step = steps.next();
    for (; step.done !== true; step = steps.next()) pauses += 1;
    expect(pauses).toBe(Math.floor((count + Math.ceil(count / 100)) / DESCRIBE_STEP));
    expect(step.value).toEqual(describeProject(ana.doc));
    expect(step.value.counts).toMatchObject({ highlights: count, notes: Math.ceil(count / 100) });
  });
});
