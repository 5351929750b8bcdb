/**
 * What a project holds, read from its doc through the model's queries: the summary the
 * project list caches (name, members, counts, last change) and, per article, how many
 * live highlights and notes are the local person's and how many the team's (the library
 * cards show both).
 *
 * Both walk every highlight once; the callers run them at most once per frame or after a
 * pause in changes, never inside a keystroke.
 */
import type * as Y from 'yjs';
import type { MemberId } from '#shared/model/ids.ts';
import { listAllHighlights } from '#shared/model/highlight-reads.ts';
import { describeProject } from '#shared/model/project-summary.ts';
import type { ProjectSummary } from './project-registry.ts';

/**
 * The summary of `doc`, from the model's own description (the same counts `marginalia
 * project info` prints and a merge confirmation uses: notes include replies).
 */
export function summarizeDoc(doc: Y.Doc): ProjectSummary {
  const { name, members, counts, lastChangeAt } = describeProject(doc);
  return { name, members: members.map((member) => member.name), highlights: counts.highlights, codes: counts.codes, notes: counts.notes + counts.replies, lastChange: lastChangeAt ?? null };
}

/** Highlights and notes on one article: the local person's and everyone else's. */
export interface ArticleCounts {
  readonly highlights: { readonly yours: number; readonly team: number };
  readonly notes: { readonly yours: number; readonly team: number };
}

/** Live highlights and notes per article id, split between `member` and the others. */
export function countsByArticle(doc: Y.Doc, member: MemberId | null): Map<string, ArticleCounts> {
  const out = new Map<string, { highlights: { yours: number; team: number }; notes: { yours: number; team: number } }>();
  for (const highlight of listAllHighlights(doc)) {
    if (highlight.deleted !== null) continue;
    let counts = out.get(highlight.documentId);
    if (counts === undefined) {
      counts = { highlights: { yours: 0, team: 0 }, notes: { yours: 0, team: 0 } };
      out.set(highlight.documentId, counts);
    }
    counts.highlights[highlight.createdBy === member ? 'yours' : 'team'] += 1;
    for (const note of highlight.notes) counts.notes[note.createdBy === member ? 'yours' : 'team'] += 1;
  }
  return out;
}
