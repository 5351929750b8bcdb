/**
 * The project summary read in idle slices (summarizeDocInSlices): the same summary as the
 * one-task reading, never read inside the caller's task, spread over several idle periods
 * on a large project, started again when the doc changes meanwhile, and cancellable.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addHighlight, deleteHighlight } from '#shared/model/highlights.ts';
import type { HighlightId } from '#shared/model/ids.ts';
import { createProject } from '#shared/model/project.ts';
import { summarizeDoc, summarizeDocInSlices } from '../../../renderer/store/project-summary.ts';
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
