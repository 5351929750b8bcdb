/**
 * What a project holds, read from its doc through the model's queries: the summary the
 * project list caches (name, members, counts, last change) and, per article, how many
 * live highlights and notes are the local person's and how many the team's (the library
 * cards show both).
 *
 * Both walk every highlight once; the callers run them at most once per frame or after a
 * pause in changes, never inside a keystroke. The summary after a change is read in idle
 * slices of at most {@link SUMMARY_SLICE_MS} (`summarizeDocInSlices`): on the 10k project
 * the whole walk is one ~10–30 ms task, which a key press arriving at that moment would wait
 * for, so a cached project-list entry is not worth a slower highlight.
 */
import type * as Y from 'yjs';
import type { HighlightId, MemberId } from '#shared/model/ids.ts';
import { forEachLiveAnchor } from '#shared/model/highlight-reads.ts';
import { forEachLiveNoteAuthor } from '#shared/model/views.ts';
import { describeProject, describeProjectSteps, type ProjectDescription } from '#shared/model/project-summary.ts';
import type { ProjectSummary } from './project-registry.ts';

/**
 * The summary of `doc`, from the model's own description (the same counts `marginalia
 * project info` prints and a merge confirmation uses: notes include replies).
 */
export function summarizeDoc(doc: Y.Doc): ProjectSummary {
  return summaryOf(describeProject(doc));
}

function summaryOf({ name, members, counts, lastChangeAt }: ProjectDescription): ProjectSummary {
  return { name, members: members.map((member) => member.name), highlights: counts.highlights, codes: counts.codes, notes: counts.notes + counts.replies, lastChange: lastChangeAt ?? null };
}

/** Longest slice of summary reading in one task (ms). */
export const SUMMARY_SLICE_MS = 8;

/**
 * Reads {@link summarizeDoc}'s summary of `doc` in slices of at most
 * {@link SUMMARY_SLICE_MS} in idle periods (a task each where there are none, e.g. in
 * Node), starting again if the doc changes meanwhile, then calls `done` with it. Returns a
 * function that cancels the reading.
 */
export function summarizeDocInSlices(doc: Y.Doc, done: (summary: ProjectSummary) => void): () => void {
  let steps = describeProjectSteps(doc);
  let cancelled = false;
  const restart = (): void => {
    steps = describeProjectSteps(doc);
  };
  doc.on('update', restart);
  const stop = (): void => {
    cancelled = true;
    doc.off('update', restart);
  };
  const slice = (budget: number): void => {
    if (cancelled) return;
    const end = performance.now() + budget;
    for (;;) {
      const step = steps.next();
      if (step.done === true) {
        stop();
        done(summaryOf(step.value));
        return;
      }
      if (performance.now() >= end) break;
    }
    schedule();
  };
  const schedule = (): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback((deadline) => slice(Math.min(SUMMARY_SLICE_MS, Math.max(1, deadline.timeRemaining()))), { timeout: 1000 });
    else setTimeout(() => slice(SUMMARY_SLICE_MS), 0);
  };
  schedule();
  return stop;
}

/** Highlights and notes on one article: the local person's and everyone else's. */
export interface ArticleCounts {
  readonly highlights: { readonly yours: number; readonly team: number };
  readonly notes: { readonly yours: number; readonly team: number };
}

/**
 * Live highlights and notes per article id, split between `member` and the others. Reads
 * only what it counts (a highlight's anchor, a note's owner and author), not whole views:
 * on the 10k project building every highlight's view (codes, notes, replies) cost ~100 ms.
 */
export function countsByArticle(doc: Y.Doc, member: MemberId | null): Map<string, ArticleCounts> {
  const out = new Map<string, { highlights: { yours: number; team: number }; notes: { yours: number; team: number } }>();
  const countsOf = new Map<HighlightId, { yours: number; team: number }>();
  forEachLiveAnchor(doc, (id, anchor) => {
    let counts = out.get(anchor.documentId);
    if (counts === undefined) {
      counts = { highlights: { yours: 0, team: 0 }, notes: { yours: 0, team: 0 } };
      out.set(anchor.documentId, counts);
    }
    counts.highlights[anchor.createdBy === member ? 'yours' : 'team'] += 1;
    countsOf.set(id, counts.notes);
  });
  forEachLiveNoteAuthor(doc, (highlight, createdBy) => {
    const notes = countsOf.get(highlight);
    if (notes !== undefined) notes[createdBy === member ? 'yours' : 'team'] += 1;
  });
  return out;
}
