/**
 * What the Annotations panel's filters ask of one highlight, without touching the doc: its
 * search string (quote, live notes, live replies and code names, search-folded and joined)
 * and the criteria tests over a built {@link HighlightView}. The incremental index
 * (annotation-index.ts) keeps one search string per highlight, so a keystroke in the text
 * filter is one `includes` per highlight over precomputed strings; `filterAnnotations`
 * (queries.ts) folds the same string for its one-off queries, so both agree on what matches.
 */
import { foldText } from '#shared/text/fold.ts';
import type { MemberId, TagId } from './ids.ts';
import type { HighlightView } from './views.ts';

/** Joins the parts of a search string: a filter text never contains it, so no match spans two parts. */
const PART_SEPARATOR = '\u0001';

/** The search-folded text a highlight is found by: quote, live notes, live replies and its codes' names. */
export function searchTextOf(view: HighlightView): string {
  const parts = [view.quote.exact];
  for (const note of view.notes) {
    parts.push(note.text);
    for (const reply of note.replies) if (reply.deleted === null) parts.push(reply.text);
  }
  for (const applied of view.tags) parts.push(applied.tag.name);
  return foldText(parts.join(PART_SEPARATOR));
}

/** The folded, trimmed needle of a filter text, or undefined when it filters nothing. */
export function searchNeedle(text: string | undefined): string | undefined {
  const needle = foldText(text ?? '').replaceAll(PART_SEPARATOR, '').trim();
  return needle === '' ? undefined : needle;
}

/** True if `view` was created, tagged or annotated (note or live reply) by any of `members`. */
export function involves(view: HighlightView, members: ReadonlySet<MemberId>): boolean {
  if (members.has(view.createdBy)) return true;
  if (view.tags.some((applied) => applied.by !== undefined && members.has(applied.by))) return true;
  return view.notes.some(
    (note) => members.has(note.createdBy) || note.replies.some((reply) => !reply.deleted && members.has(reply.createdBy)),
  );
}

/** The filter criteria in the form the tests take them (sets built once per query). */
export type PreparedCriteria = {
  /** Resolved tags and their descendants, any of which a highlight must carry. */
  readonly tags?: ReadonlySet<TagId>;
  readonly members?: ReadonlySet<MemberId>;
  readonly documents?: ReadonlySet<string>;
  readonly withNote?: boolean;
  /** Folded needle (see {@link searchNeedle}). */
  readonly needle?: string;
};

/** True if a highlight (its view and its search string) meets every given criterion. */
export function meetsCriteria(view: HighlightView, search: string, criteria: PreparedCriteria): boolean {
  if (criteria.documents && !criteria.documents.has(view.documentId)) return false;
  if (criteria.tags) {
    const tags = criteria.tags;
    if (!view.tags.some((applied) => tags.has(applied.tag.id))) return false;
  }
  if (criteria.withNote && view.notes.length === 0) return false;
  if (criteria.members && !involves(view, criteria.members)) return false;
  if (criteria.needle !== undefined && !search.includes(criteria.needle)) return false;
  return true;
}
