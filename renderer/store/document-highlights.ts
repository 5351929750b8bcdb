/**
 * The bridge between the project doc and one open article's highlights plugin.
 *
 * On open, every live highlight of the article is anchored once with `anchor()` (hash match
 * → stored position; else exact, then fuzzy quote search) and mapped to ProseMirror
 * positions through the article's TextMap. Anchors are immutable in the model, so each
 * highlight is anchored at most once per article load and cached.
 *
 * After that, `observeProject` reports which highlights each transaction touched; only
 * those are re-read and sent to the plugin as "annotations changed" metadata. A codebook
 * change (merge, delete) can change the tags of many highlights, so it refreshes this
 * article's spans — rare, and still no decoration rebuild for untouched ones in PM terms
 * beyond a replace. Highlights that cannot be placed are listed as unanchored, never dropped.
 */
import type * as Y from 'yjs';
import type { EditorView } from 'prosemirror-view';
import type { Article } from '../../shared/documents/article.ts';
import { anchor } from '../../shared/anchoring/anchor.ts';
import type { HighlightId, TagId } from '../../shared/model/ids.ts';
import { HIGHLIGHT, NOTE, roots, type AnchorRecord, type TrashRecord } from '../../shared/model/layout.ts';
import { observeProject, type ProjectChange } from '../../shared/model/observe.ts';
import { buildTagIndex, type TagIndex } from '../../shared/model/tag-index.ts';
import { appliedTags, type ViewContext } from '../../shared/model/views.ts';
import { setHighlightsMeta, type HighlightSpan, type HighlightsMeta } from '../reader/highlights-plugin.ts';

/** Where a highlight sits in the open article (canonical offsets), or null when unanchored. */
export type Placement = { readonly start: number; readonly end: number } | null;

/** One open article's highlights. */
export interface DocumentHighlights {
  readonly documentId: string;
  /** Spans for the plugin's initial state. */
  initialSpans(): HighlightSpan[];
  /** Current spans by id (anchored, live highlights of this article). */
  spans(): ReadonlyMap<HighlightId, HighlightSpan>;
  /** Live highlights of this article that could not be placed. */
  unanchored(): readonly HighlightId[];
  /** Canonical text range of a placed highlight. */
  rangeOf(id: HighlightId): Placement;
  /** Sends model changes to `view` until the returned function is called. */
  connect(view: EditorView): () => void;
  /** Calls `listener` after spans changed (margin layout, unanchored list). */
  subscribe(listener: () => void): () => void;
}

function isLiveIn(map: Y.Map<unknown> | undefined, documentId: string): map is Y.Map<unknown> {
  if (!map) return false;
  const anchorRecord = map.get(HIGHLIGHT.anchor) as AnchorRecord | undefined;
  if (!anchorRecord || anchorRecord.d !== documentId) return false;
  return (map.get(HIGHLIGHT.trash) as TrashRecord | undefined)?.d !== 1;
}

/** Ids of highlights carrying at least one live note, among `wanted` (one pass over notes). */
function notedHighlights(doc: Y.Doc, wanted: ReadonlySet<HighlightId> | null): Set<HighlightId> {
  const out = new Set<HighlightId>();
  roots(doc).notes.forEach((note) => {
    const highlight = note.get(NOTE.highlight) as HighlightId;
    if (wanted !== null && !wanted.has(highlight)) return;
    if ((note.get(NOTE.trash) as TrashRecord | undefined)?.d === 1) return;
    out.add(highlight);
  });
  return out;
}

/** Creates the bridge for `article` over the project `doc`. */
export function createDocumentHighlights(doc: Y.Doc, article: Article): DocumentHighlights {
  const documentId = article.meta.id;
  const placements = new Map<HighlightId, Placement>();
  const spans = new Map<HighlightId, HighlightSpan>();
  const unanchored = new Set<HighlightId>();
  const listeners = new Set<() => void>();
  let tagIndex: TagIndex = buildTagIndex(doc);

  const place = (id: HighlightId, map: Y.Map<unknown>): Placement => {
    if (placements.has(id)) return placements.get(id) ?? null;
    const record = map.get(HIGHLIGHT.anchor) as AnchorRecord;
    const result = anchor(
      article.text,
      { position: { start: record.p[0], end: record.p[1] }, quote: { exact: record.q[0], prefix: record.q[1], suffix: record.q[2] } },
      { hash: article.hash, expectedHash: record.h },
    );
    const placement = result.status === 'anchored' ? { start: result.start, end: result.end } : null;
    placements.set(id, placement);
    return placement;
  };

  const spanOf = (id: HighlightId, map: Y.Map<unknown>, noted: ReadonlySet<HighlightId>): HighlightSpan | null => {
    const placement = place(id, map);
    if (placement === null) return null;
    const context: ViewContext = { doc, tagIndex, notesOf: () => [], memberOf: () => undefined };
    const tags: TagId[] = appliedTags(context, map).map((applied) => applied.tag.id);
    return {
      id,
      from: article.textMap.offsetToPos(placement.start),
      to: article.textMap.offsetToPos(placement.end),
      tags,
      hasNote: noted.has(id),
    };
  };

  /** Re-reads `ids` and returns the plugin metadata that brings the spans up to date. */
  const refresh = (ids: Iterable<HighlightId> | null): HighlightsMeta => {
    const highlights = roots(doc).highlights;
    const wanted = ids === null ? null : new Set(ids);
    const noted = notedHighlights(doc, wanted);
    const upsert: HighlightSpan[] = [];
    const remove: HighlightId[] = [];
    const visit = (id: HighlightId, map: Y.Map<unknown> | undefined): void => {
      if (!isLiveIn(map, documentId)) {
        unanchored.delete(id);
        if (spans.delete(id)) remove.push(id);
        return;
      }
      const span = spanOf(id, map, noted);
      if (span === null) {
        unanchored.add(id);
        if (spans.delete(id)) remove.push(id);
        return;
      }
      unanchored.delete(id);
      const previous = spans.get(id);
      if (previous && previous.hasNote === span.hasNote && previous.tags.join() === span.tags.join()) return;
      spans.set(id, span);
      upsert.push(span);
    };
    if (wanted === null) highlights.forEach((map, id) => visit(id as HighlightId, map));
    else for (const id of wanted) visit(id, highlights.get(id));
    return { upsert, remove };
  };

  refresh(null);
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };

  return {
    documentId,
    initialSpans: () => [...spans.values()],
    spans: () => spans,
    unanchored: () => [...unanchored],
    rangeOf: (id) => (spans.has(id) ? placements.get(id) ?? null : null),
    connect(view) {
      // Catch up on anything that changed between creating the bridge and the view.
      const catchUp = refresh(null);
      if ((catchUp.upsert?.length ?? 0) + (catchUp.remove?.length ?? 0) > 0) view.dispatch(setHighlightsMeta(view.state.tr, catchUp));
      return observeProject(doc, (change: ProjectChange) => {
        if (change.tags.size > 0) tagIndex = buildTagIndex(doc);
        const relevant = change.tags.size > 0 ? null : change.highlights;
        if (relevant !== null && relevant.size === 0) return;
        const meta = refresh(relevant);
        if ((meta.upsert?.length ?? 0) + (meta.remove?.length ?? 0) === 0) return;
        view.dispatch(setHighlightsMeta(view.state.tr, meta));
        notify();
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
