/**
 * The project summary read in idle slices (summarizeDocInSlices): the same summary as the
 * one-task reading, never read inside the caller's task, spread over several idle periods
 * on a large project, started again when the doc changes meanwhile, and cancellable; and the
 * library's per-article counts, which must agree with the highlights' full views.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addHighlight, deleteHighlight } from '#shared/model/highlights.ts';
import { listAllHighlights } from '#shared/model/highlight-reads.ts';
import { addNote, deleteNote } from '#shared/model/notes.ts';
import type { HighlightId } from '#shared/model/ids.ts';
import { createProject } from '#shared/model/project.ts';
import { countsByArticle, splitCounts, summarizeDoc, summarizeDocInSlices } from '../../../renderer/store/project-summary.ts';
import type { ProjectSummary } from '../../../renderer/store/project-registry.ts';
import { replica } from '../../helpers/replicas.ts';

const QUOTE = { exact: 'text', prefix: '', suffix: '' };

/** Idle callbacks queued by the code under test, run by the test one at a time. */
function fakeIdle(): { pending: IdleRequestCallback[]; runOne(): void } {
  const pending: IdleRequestCallback[] = [];
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => pending.push(callback));
  // Every clock read moves 1 ms on, so a slice ends after a few steps whatever the machine.
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
  return {
    pending,
    runOne() {
      const callback = pending.shift();
      if (callback === undefined) throw new Error('no idle callback pending');
      callback({ didTimeout: false, timeRemaining: () => 50 });
    },
  };
}

function project(highlights: number) {
  const ana = replica('ana', 1, { now: 1_750_000_000_000 });
  createProject(ana.doc, ana.actor, { name: 'Sliced' });
  for (let index = 0; index < highlights; index += 1) {
    addHighlight(ana.doc, ana.actor, { documentId: 'd', documentHash: 'h', position: { start: index, end: index + 4 }, quote: QUOTE });
  }
  return ana;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('summarizeDocInSlices', () => {
  it('reads the summary over several idle periods, never in the calling task', () => {
    const ana = project(2000);
    const idle = fakeIdle();
    const done: ProjectSummary[] = [];
    summarizeDocInSlices(ana.doc, (summary) => done.push(summary));
    expect(done).toEqual([]);
    let slices = 0;
    while (idle.pending.length > 0) {
      idle.runOne();
      slices += 1;
    }
    expect(slices).toBeGreaterThan(1);
    expect(done).toEqual([summarizeDoc(ana.doc)]);
    expect(done[0]?.highlights).toBe(2000);
  });

  it('starts again when the doc changes between slices, so the summary is current', () => {
    const ana = project(2000);
    const [first] = [...ana.doc.getMap('h').keys()] as HighlightId[];
    if (first === undefined) throw new Error('no highlight');
    const idle = fakeIdle();
    const done: ProjectSummary[] = [];
    summarizeDocInSlices(ana.doc, (summary) => done.push(summary));
    idle.runOne();
    // One the first slice has already counted goes to the trash.
    deleteHighlight(ana.doc, ana.actor, first);
    while (idle.pending.length > 0) idle.runOne();
    expect(done).toHaveLength(1);
    expect(done[0]?.highlights).toBe(1999);
  });

  it('does nothing more once cancelled', () => {
    const ana = project(2000);
    const idle = fakeIdle();
    const done: ProjectSummary[] = [];
    const cancel = summarizeDocInSlices(ana.doc, (summary) => done.push(summary));
    idle.runOne();
    cancel();
    while (idle.pending.length > 0) idle.runOne();
    expect(done).toEqual([]);
  });
});

describe('countsByArticle', () => {
  it('counts what the full highlight views list: live highlights and their live notes, yours and the team’s', () => {
    const ana = replica('ana', 1, { now: 1_750_000_000_000 });
    const ben = replica('ben', 2, { now: 1_750_000_000_000 });
    createProject(ana.doc, ana.actor, { name: 'Counts' });
    const at = (documentId: string, start: number) => ({ documentId, documentHash: 'h', position: { start, end: start + 4 }, quote: QUOTE });
    const kept = addHighlight(ana.doc, ana.actor, at('a', 0));
    const trashed = addHighlight(ana.doc, ana.actor, at('a', 10));
    addHighlight(ana.doc, ben.actor, at('b', 0));
    addNote(ana.doc, ana.actor, kept, 'mine');
    addNote(ana.doc, ben.actor, kept, 'theirs');
    deleteNote(ana.doc, ana.actor, addNote(ana.doc, ana.actor, kept, 'gone'));
    addNote(ana.doc, ben.actor, trashed, 'on a trashed highlight');
    deleteHighlight(ana.doc, ana.actor, trashed);

    const reference = new Map<string, { highlights: { yours: number; team: number }; notes: { yours: number; team: number } }>();
    for (const highlight of listAllHighlights(ana.doc)) {
      if (highlight.deleted !== null) continue;
      const counts = reference.get(highlight.documentId) ?? { highlights: { yours: 0, team: 0 }, notes: { yours: 0, team: 0 } };
      reference.set(highlight.documentId, counts);
      counts.highlights[highlight.createdBy === ana.actor.member ? 'yours' : 'team'] += 1;
      for (const note of highlight.notes) counts.notes[note.createdBy === ana.actor.member ? 'yours' : 'team'] += 1;
    }
    const counts = new Map([...countsByArticle(ana.doc)].map(([id, byAuthor]) => [id, splitCounts(byAuthor, ana.actor.member)]));
    expect(counts).toEqual(reference);
    expect(counts.get('a')).toEqual({ highlights: { yours: 1, team: 0 }, notes: { yours: 1, team: 1 } });
    expect(counts.get('b')).toEqual({ highlights: { yours: 0, team: 1 }, notes: { yours: 0, team: 0 } });
    // By author, before the split: what a change of the local person re-splits without a recount.
    expect(countsByArticle(ana.doc).get('a')).toEqual({ highlights: new Map([[ana.actor.member, 1]]), notes: new Map([[ana.actor.member, 1], [ben.actor.member, 1]]) });
    expect(splitCounts(countsByArticle(ana.doc).get('a')!, null)).toEqual({ highlights: { yours: 0, team: 1 }, notes: { yours: 0, team: 2 } });
  });
});
