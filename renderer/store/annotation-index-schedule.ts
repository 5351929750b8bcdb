/**
 * Keeps the Annotations panel's index (#shared/model/annotation-index.ts) current without a
 * long main-thread task: stale entries — all of them once the project has loaded, then
 * whatever each change touched — are recomputed in slices of a few milliseconds, in idle
 * time while nobody is looking, and while an open panel is waiting for them in tasks paced
 * by frames (`framePacedPause`: slices back to back for up to a frame's budget, then the
 * next frame is painted), not in timers, which browsers clamp to 4 ms once they nest.
 */
import type * as Y from 'yjs';
import { annotationIndex, type AnnotationIndex } from '#shared/model/annotation-index.ts';
import { framePacedPause } from '../services/event-loop.ts';

/** Longest slice of index work in one task (ms). */
const SLICE_MS = 8;

/**
 * `ticket` names the one outstanding request (0: none); a superseded request's slice does
 * nothing. `pace` paces the slices while the index is hurried (one per hurry, so it counts
 * the time held since its own last frame).
 */
type Schedule = { urgent: number; ticket: number; index: AnnotationIndex; pace: () => Promise<void> };

let tickets = 0;

const schedules = new WeakMap<Y.Doc, Schedule>();

function runSlice(schedule: Schedule, ticket: number, budget: number): void {
  if (schedule.ticket !== ticket) return;
  schedule.ticket = 0;
  const end = performance.now() + budget;
  schedule.index.refresh(() => performance.now() >= end);
  request(schedule);
}

function request(schedule: Schedule): void {
  if (schedule.ticket !== 0 || schedule.index.stale() === 0) return;
  const ticket = (schedule.ticket = (tickets += 1));
  if (schedule.urgent === 0 && typeof requestIdleCallback === 'function') {
    requestIdleCallback((deadline) => runSlice(schedule, ticket, Math.min(SLICE_MS, Math.max(1, deadline.timeRemaining()))), { timeout: 2000 });
  } else {
    void schedule.pace().then(() => runSlice(schedule, ticket, SLICE_MS));
  }
}

function scheduleOf(doc: Y.Doc): Schedule {
  let schedule = schedules.get(doc);
  if (schedule === undefined) {
    const created: Schedule = { urgent: 0, ticket: 0, index: annotationIndex(doc), pace: framePacedPause() };
    created.index.subscribe(() => request(created));
    schedules.set(doc, (schedule = created));
  }
  return schedule;
}

/** Starts keeping `doc`'s annotation index current in idle time (call once the project has loaded). */
export function keepAnnotationIndexWarm(doc: Y.Doc): void {
  request(scheduleOf(doc));
}

/**
 * While the returned function is not called, stale entries of `doc`'s index are recomputed
 * in consecutive tasks rather than in idle time (an open panel is waiting for them).
 */
export function hurryAnnotationIndex(doc: Y.Doc): () => void {
  const schedule = scheduleOf(doc);
  if (schedule.urgent === 0) schedule.pace = framePacedPause();
  schedule.urgent += 1;
  schedule.ticket = 0; // an idle request may wait long: this one replaces it
  request(schedule);
  return () => void (schedule.urgent -= 1);
}
