/**
 * A project at a glance: name, id, members, how much it holds and when it last changed —
 * what the app's project list and `marginalia project info` show.
 *
 * Counts are of live items (not trashed; codes also not merged away; replies only under
 * live notes). The last change is the latest time any record carries (creation, edit,
 * trash or restore, tag application, chosen number key, profile, project rename): the doc
 * stores times with its records rather than a log, so this is the one honest reading.
 * Records no reader can use (not a map) are left out, as every reader does (read-guards.ts).
 *
 * Reading every record is proportional to the corpus (~10 ms for the 10k reference project
 * on a quiet machine), so `describeProjectSteps` offers the same reading in steps — it
 * pauses after every {@link DESCRIBE_STEP} records — for a caller that spreads it over idle
 * time instead of one task that input could queue behind.
 */
import type * as Y from 'yjs';
import type { ProjectId, TagId } from './ids.ts';
import { HIGHLIGHT, NOTE, NOTE_OTHER_EDIT_PREFIX, TAG, isApplicationKey, roots, type AnchorRecord, type TagKeyRecord, type TrashRecord } from './layout.ts';
import { getProjectMeta, listMembers, type MemberView } from './project.ts';
import { isRecordMap } from './read-guards.ts';
import { buildTagIndex } from './tag-index.ts';

/** Live item counts of a project. */
export type ProjectCounts = { readonly highlights: number; readonly codes: number; readonly notes: number; readonly replies: number };

/** A project at a glance. */
export type ProjectDescription = {
  readonly id: ProjectId | undefined;
  readonly name: string;
  readonly members: readonly MemberView[];
  readonly counts: ProjectCounts;
  /** Latest time (ms since the epoch) carried by any record, or undefined for an empty doc. */
  readonly lastChangeAt: number | undefined;
};

/** True if a highlight, note or reply map carries a trash record saying deleted (key `x` for all three). */
function isTrashed(map: Y.Map<unknown>): boolean {
  return (map.get(HIGHLIGHT.trash) as TrashRecord | undefined)?.d === 1;
}

/** Latest-time accumulator: ignores anything that is not a finite number. */
function latest(): { see(value: unknown): void; readonly value: number | undefined } {
  let max: number | undefined;
  return {
    see(value) {
      if (typeof value === 'number' && Number.isFinite(value) && (max === undefined || value > max)) max = value;
    },
    get value() {
      return max;
    },
  };
}

function seeStamps(map: Y.Map<unknown>, at: ReturnType<typeof latest>): void {
  for (const [key, value] of map.entries()) {
    if (key === NOTE.createdAt || key === NOTE.updatedAt || key.startsWith(NOTE_OTHER_EDIT_PREFIX)) at.see(value);
    else if (key === NOTE.trash) at.see((value as TrashRecord | undefined)?.a);
  }
}

/** Records read between two pauses of {@link describeProjectSteps}. */
export const DESCRIBE_STEP = 250;

/** Describes `doc`: identity, members, live counts, last change. */
export function describeProject(doc: Y.Doc): ProjectDescription {
  const steps = describeProjectSteps(doc);
  for (let step = steps.next(); ; step = steps.next()) if (step.done === true) return step.value;
}

/**
 * {@link describeProject} in steps: each `next()` reads up to {@link DESCRIBE_STEP} more
 * records; the last returns the description. The doc must not change between steps (a
 * caller that sees a change starts again).
 */
export function* describeProjectSteps(doc: Y.Doc): Generator<void, ProjectDescription, void> {
  const { members, tags, highlights, notes } = roots(doc);
  const at = latest();
  const projectMeta = getProjectMeta(doc);
  at.see(projectMeta.updatedAt);
  members.forEach((member: unknown) => at.see(typeof member === 'object' && member !== null ? (member as { a?: unknown }).a : undefined));

  const tagIndex = buildTagIndex(doc);
  let codes = 0;
  tags.forEach((map, id) => {
    if (!isRecordMap(map)) return;
    if (tagIndex.isLive(id as TagId)) codes += 1;
    at.see(map.get(TAG.createdAt));
    at.see(map.get(TAG.updatedAt));
    at.see((map.get(TAG.trash) as TrashRecord | undefined)?.a);
    at.see((map.get(TAG.key) as TagKeyRecord | null | undefined)?.a);
  });

  let read = 0;
  const pause = (): boolean => (read += 1) % DESCRIBE_STEP === 0;

  let liveHighlights = 0;
  for (const map of highlights.values()) {
    if (pause()) yield;
    if (!isRecordMap(map)) continue;
    const anchor = map.get(HIGHLIGHT.anchor) as AnchorRecord | null | undefined;
    if (anchor != null && !isTrashed(map)) liveHighlights += 1;
    at.see(anchor?.a);
    at.see((map.get(HIGHLIGHT.trash) as TrashRecord | undefined)?.a);
    for (const [key, value] of map.entries()) if (isApplicationKey(key) && typeof value === 'number') at.see(Math.abs(value) * 1000);
  }

  let liveNotes = 0;
  let liveReplies = 0;
  for (const map of notes.values()) {
    if (pause()) yield;
    if (!isRecordMap(map)) continue;
    const live = !isTrashed(map);
    if (live) liveNotes += 1;
    seeStamps(map, at);
    const replies = map.get(NOTE.replies);
    if (!isRecordMap(replies)) continue;
    replies.forEach((reply) => {
      if (!isRecordMap(reply)) return;
      if (live && !isTrashed(reply)) liveReplies += 1;
      seeStamps(reply, at);
    });
  }

  return {
    id: projectMeta.id,
    name: projectMeta.name,
    members: listMembers(doc),
    counts: { highlights: liveHighlights, codes, notes: liveNotes, replies: liveReplies },
    lastChangeAt: at.value,
  };
}
