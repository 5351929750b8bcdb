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
import { getProjectMeta, listMembers } from '#shared/model/project.ts';
import { listTags, type TagTreeNode } from '#shared/model/queries.ts';
import type { ProjectSummary } from './project-registry.ts';

function countTags(nodes: readonly TagTreeNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countTags(node.children), 0);
}

/** The summary of `doc` (the live highlights, codes and notes; the newest change seen). */
export function summarizeDoc(doc: Y.Doc): ProjectSummary {
  const meta = getProjectMeta(doc);
  let highlights = 0;
  let notes = 0;
  let lastChange = meta.updatedAt ?? null;
  const later = (at: number | undefined): void => {
    if (at !== undefined && (lastChange === null || at > lastChange)) lastChange = at;
  };
  for (const highlight of listAllHighlights(doc)) {
    later(highlight.createdAt);
    later(highlight.deleted?.at);
    if (highlight.deleted !== null) continue;
    highlights += 1;
    for (const applied of highlight.tags) later(applied.at);
    for (const note of highlight.notes) {
      notes += 1;
      later(note.updatedAt ?? note.createdAt);
    }
  }
  return { name: meta.name, members: listMembers(doc).map((member) => member.name), highlights, codes: countTags(listTags(doc)), notes, lastChange };
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
