/**
 * Whose highlights the reader, the margin and the panels show: everyone's, only mine, or one
 * named person's (independent, "blind" coding — docs/architecture.md §10). A view filter,
 * never a data split: nothing stored changes, a hidden highlight still syncs and merges.
 *
 * A highlight is a person's when they created it or applied one of its live codes (the
 * application's writer, through the client registry, as the exports' "coder"). Notes and
 * replies do not make a highlight someone's: a teammate commenting on my highlight does
 * not put it into their view.
 *
 * The choice is stored as a short JSON string (per project, on this machine); anything
 * unreadable reads as "everyone", so a damaged preference never hides work.
 */
import type * as Y from 'yjs';
import { appliedTagsOf, liveAnchorOf } from '#shared/model/highlight-reads.ts';
import type { HighlightId, MemberId } from '#shared/model/ids.ts';
import { createViewContext, type AppliedTag, type HighlightView, type ViewContext } from '#shared/model/views.ts';

/** What the view shows. */
export type ViewFilter =
  | { readonly show: 'everyone' }
  | { readonly show: 'mine' }
  | { readonly show: 'member'; readonly member: MemberId };

/** The default: everyone's highlights. */
export const SHOW_EVERYONE: ViewFilter = { show: 'everyone' };

/** Reads a stored filter; anything unreadable is "everyone". */
export function parseViewFilter(raw: string | null): ViewFilter {
  if (raw === null) return SHOW_EVERYONE;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return SHOW_EVERYONE;
    const record = value as Record<string, unknown>;
    if (record.show === 'mine') return { show: 'mine' };
    if (record.show === 'member' && typeof record.member === 'string' && record.member !== '') {
      return { show: 'member', member: record.member as MemberId };
    }
  } catch {
    // falls through to everyone
  }
  return SHOW_EVERYONE;
}

/** The stored form of `filter` (the inverse of {@link parseViewFilter}). */
export function serializeViewFilter(filter: ViewFilter): string {
  return JSON.stringify(filter);
}

/** The one person whose highlights are shown, or null for everyone's (`me` null: nobody is "mine" yet). */
export function shownMember(filter: ViewFilter, me: MemberId | null): MemberId | null {
  if (filter.show === 'member') return filter.member;
  if (filter.show === 'mine') return me;
  return null;
}

/** True if two filters show the same thing. */
export function sameViewFilter(a: ViewFilter, b: ViewFilter): boolean {
  return a.show === b.show && (a.show !== 'member' || (b.show === 'member' && a.member === b.member));
}

/**
 * Whether live highlight `id` is `member`'s: created by them, or carrying a live code they
 * applied. False for unknown, trashed or unreadable highlights. `context` lets a caller
 * asking about many highlights share one codebook index.
 */
export function isHighlightOf(doc: Y.Doc, id: HighlightId, member: MemberId, context?: ViewContext): boolean {
  const anchor = liveAnchorOf(doc, id);
  if (anchor === undefined) return false;
  return belongsTo(anchor.createdBy, anchor.createdBy === member ? [] : appliedTagsOf(doc, id, context ?? createViewContext(doc)), member);
}

/** {@link isHighlightOf} for a highlight view the caller already built (the panels' lists). */
export function isViewOf(view: HighlightView, member: MemberId): boolean {
  return view.deleted === null && belongsTo(view.createdBy, view.tags, member);
}

function belongsTo(createdBy: MemberId, tags: readonly AppliedTag[], member: MemberId): boolean {
  return createdBy === member || tags.some((applied) => applied.by === member);
}
