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
 * project info` prints and a merge confirmation uses: notes include replies, which are
 * also counted on their own for the project list).
 */
export function summarizeDoc(doc: Y.Doc): ProjectSummary {
  return summaryOf(describeProject(doc));
}

function summaryOf({ name, members, counts, lastChangeAt }: ProjectDescription): ProjectSummary {
  return { name, members: members.map((member) => member.name), highlights: counts.highlights, codes: counts.codes, notes: counts.notes + counts.replies, replies: counts.replies, lastChange: lastChangeAt ?? null };
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

/** Per author id, how many live highlights (or notes) they made on one article. */
export type CountsByAuthor = ReadonlyMap<MemberId, number>;

/** Live highlights and notes on one article, by author. */
export interface ArticleAuthorCounts {
  readonly highlights: CountsByAuthor;
  readonly notes: CountsByAuthor;
}

/**
 * Live highlights and notes per article id, by author (split for one person with
 * {@link splitCounts}). Reads only what it counts (a highlight's anchor, a note's owner and
 * author), not whole views: on the 10k project building every highlight's view (codes,
 * notes, replies) cost ~100 ms.
 */
export function countsByArticle(doc: Y.Doc): Map<string, ArticleAuthorCounts> {
  const out = new Map<string, { highlights: Map<MemberId, number>; notes: Map<MemberId, number> }>();
  const notesOf = new Map<HighlightId, Map<MemberId, number>>();
  const add = (counts: Map<MemberId, number>, author: MemberId): void => void counts.set(author, (counts.get(author) ?? 0) + 1);
  forEachLiveAnchor(doc, (id, anchor) => {
    let counts = out.get(anchor.documentId);
    if (counts === undefined) out.set(anchor.documentId, (counts = { highlights: new Map(), notes: new Map() }));
    add(counts.highlights, anchor.createdBy);
    notesOf.set(id, counts.notes);
  });
  forEachLiveNoteAuthor(doc, (highlight, createdBy) => {
    const notes = notesOf.get(highlight);
    if (notes !== undefined) add(notes, createdBy);
  });
  return out;
}

/** `counts` split between `member` (yours) and everyone else (team). */
export function splitCounts(counts: ArticleAuthorCounts, member: MemberId | null): ArticleCounts {
  const split = (byAuthor: CountsByAuthor): { yours: number; team: number } => {
    let total = 0;
    for (const count of byAuthor.values()) total += count;
    const yours = member === null ? 0 : byAuthor.get(member) ?? 0;
    return { yours, team: total - yours };
  };
  return { highlights: split(counts.highlights), notes: split(counts.notes) };
}
