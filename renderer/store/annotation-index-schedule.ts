/**
 * Keeps the Annotations panel's index (#shared/model/annotation-index.ts) current without a
 * long main-thread task: stale entries — all of them once the project has loaded, then
 * whatever each change touched — are recomputed in slices of a few milliseconds, in idle
 * time while nobody is looking (and, once current, put in text order in another idle
 * period), and in back-to-back tasks (one slice each, so frames and input still run
 * between them) while an open panel is waiting for them.
 */
import type * as Y from 'yjs';
import { annotationIndex, type AnnotationIndex } from '#shared/model/annotation-index.ts';

/** Longest slice of index work in one task (ms). */
const SLICE_MS = 8;

/** `ticket` names the one outstanding request (0: none); a superseded request's slice does nothing. */
type Schedule = { urgent: number; ticket: number; index: AnnotationIndex };

let tickets = 0;

const schedules = new WeakMap<Y.Doc, Schedule>();

function runSlice(schedule: Schedule, ticket: number, budget: number): void {
  if (schedule.ticket !== ticket) return;
  schedule.ticket = 0;
  const end = performance.now() + budget;
  const current = schedule.index.refresh(() => performance.now() >= end);
  // Current in idle time: its entries are put in text order now too (sorting 10,000 was
  // 12–16 ms of the panel's first open), in an idle period of their own.
  if (current && schedule.urgent === 0 && typeof requestIdleCallback === 'function') requestIdleCallback(() => void schedule.index.entries(), { timeout: 2000 });
  request(schedule);
}

function request(schedule: Schedule): void {
  if (schedule.ticket !== 0 || schedule.index.stale() === 0) return;
  const ticket = (schedule.ticket = (tickets += 1));
  if (schedule.urgent === 0 && typeof requestIdleCallback === 'function') {
    requestIdleCallback((deadline) => runSlice(schedule, ticket, Math.min(SLICE_MS, Math.max(1, deadline.timeRemaining()))), { timeout: 2000 });
  } else {
    setTimeout(() => runSlice(schedule, ticket, SLICE_MS), 0);
  }
}

function scheduleOf(doc: Y.Doc): Schedule {
  let schedule = schedules.get(doc);
  if (schedule === undefined) {
    const created: Schedule = { urgent: 0, ticket: 0, index: annotationIndex(doc) };
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
  schedule.urgent += 1;
  schedule.ticket = 0; // an idle request may wait long: this one replaces it
  request(schedule);
  return () => void (schedule.urgent -= 1);
}
