/**
 * The Annotations panel's results from the incremental index (#shared/model/annotation-index.ts):
 * one pass over the live entries' precomputed views and search strings per change of the
 * filters or of the project — never a rebuild of the views — and, while the text filter only
 * grows (a person typing on), a pass over the previous results alone. The view filter
 * (status bar) applies on top and what it hides is counted. While the index still has many
 * stale entries (the first build, or a large merge), it is hurried along in short tasks and
 * the results say so.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { MemberId, TagId } from '#shared/model/ids.ts';
import { annotationIndex, type AnnotationEntry, type AnnotationIndex } from '#shared/model/annotation-index.ts';
import { meetsCriteria, searchNeedle, type PreparedCriteria } from '#shared/model/annotation-search.ts';
import { isViewOf } from '#shared/analysis/view-filter.ts';
import { hurryAnnotationIndex } from '../store/annotation-index-schedule.ts';

/** The panel's filter fields as chosen ('' = any). */
export type PanelFilter = {
  readonly tag: string;
  readonly person: string;
  readonly documentId: string;
  readonly withNote: boolean;
  readonly text: string;
};

/** What the panel shows. */
export type AnnotationResults = {
  readonly index: AnnotationIndex;
  /** Bumps when the index changed (use it as a memo dependency). */
  readonly version: number;
  /** Matching entries in text order, after the view filter. */
  readonly results: readonly AnnotationEntry[];
  /** Matching entries the view filter hides. */
  readonly hidden: number;
  /** Entries not yet (re)computed: the list is partly out of date while > 0. */
  readonly pending: number;
  /** False until every highlight was read once (the first build after loading; the results are then empty). */
  readonly built: boolean;
};

type Previous = { entries: readonly AnnotationEntry[]; key: string; needle: string | undefined; matching: readonly AnnotationEntry[] };

/** Subscribes to `doc`'s annotation index; hurries it while mounted. */
export function useAnnotationIndex(doc: Y.Doc): { index: AnnotationIndex; version: number } {
  const index = annotationIndex(doc);
  useEffect(() => hurryAnnotationIndex(doc), [doc]);
  const version = useSyncExternalStore(index.subscribe, index.version);
  return { index, version };
}

/**
 * The results for `filter`, with `shown` the member the view filter keeps (null: everyone);
 * none while `active` is false (a panel's first frame, before its list is rendered).
 */
export function useAnnotationResults(doc: Y.Doc, filter: PanelFilter, shown: MemberId | null, active = true): AnnotationResults {
  const { index, version } = useAnnotationIndex(doc);
  const previous = useRef<Previous | null>(null);
  const { tag, person, documentId, withNote, text } = filter;
  const built = index.built();
  const computed = useMemo(() => {
    // Until every highlight was read once there is nothing to list (the panel counts what is left).
    if (!active || !built) return { results: [], hidden: 0 };
    const entries = index.entries();
    const tags = tag === '' ? undefined : index.tagIndex().descendants(index.tagIndex().resolve(tag as TagId));
    const criteria: PreparedCriteria = {
      ...(tags !== undefined ? { tags } : {}),
      ...(person !== '' ? { members: new Set([person as MemberId]) } : {}),
      ...(documentId !== '' ? { documents: new Set([documentId]) } : {}),
      ...(withNote ? { withNote: true } : {}),
    };
    const needle = searchNeedle(text);
    const key = JSON.stringify([tag, person, documentId, withNote]);
    const last = previous.current;
    // Typing on only narrows: the entries that matched the shorter text are the only candidates.
    const narrowing = last !== null && last.entries === entries && last.key === key && needle !== undefined && (last.needle === undefined || needle.includes(last.needle));
    const candidates = narrowing ? last.matching : entries;
    const withText = needle === undefined ? criteria : { ...criteria, needle };
    const matching = candidates.filter((entry) => meetsCriteria(entry.view, entry.search, withText));
    previous.current = { entries, key, needle, matching };
    const results = shown === null ? matching : matching.filter((entry) => isViewOf(entry.view, shown));
    return { results, hidden: matching.length - results.length };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the index's content
  }, [index, version, tag, person, documentId, withNote, text, shown, active, built]);
  return { index, version, ...computed, pending: index.stale(), built };
}
