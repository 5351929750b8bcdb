/**
 * The bridge between the project doc and one open article's highlights plugin.
 *
 * On open, every live highlight of the article is anchored once with `anchor()` (hash match
 * → stored position; else exact, then fuzzy quote search) and mapped to ProseMirror
 * positions through the article's TextMap. Anchors are immutable in the model, so a
 * highlight's placement depends only on its id and the article's text: placements are
 * cached per project doc, article hash and highlight, and reopening an article anchors only
 * highlights it has not placed before (anchoring ~2,000 highlights cost ~25 ms per open).
 *
 * After that, `observeProject` reports which highlights each transaction touched; only
 * those are re-read and sent to the plugin as "annotations changed" metadata. A codebook
 * change (merge, delete) can change the tags of many highlights, so it refreshes this
 * article's spans — rare, and still no decoration rebuild for untouched ones in PM terms
 * beyond a replace. Highlights that cannot be placed are listed as unanchored, never dropped.
 * Which highlights carry notes, and which highlights belong to which document, are indexes
 * per project doc: one pass the first time an article opens, then kept current from each
 * change by their own listener — never a pass over every note or highlight per open, per
 * keystroke or per highlight created. The catch-up refresh at `connect` runs only if the
 * doc changed since the bridge was created. `changeTogether` folds the plugin update a
 * local edit causes into the caller's own editor transaction (creating a highlight also
 * collapses the selection and focuses it: one editor update instead of three).
 */
import type * as Y from 'yjs';
import type { Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Article } from '#shared/documents/article.ts';
import { anchor } from '#shared/anchoring/anchor.ts';
import type { HighlightId, NoteId, TagId } from '#shared/model/ids.ts';
import { HIGHLIGHT, NOTE, roots, type AnchorRecord, type TrashRecord } from '#shared/model/layout.ts';
import { observeProject, type ProjectChange } from '#shared/model/observe.ts';
import { buildTagIndex, type TagIndex } from '#shared/model/tag-index.ts';
import { appliedTags, type ViewContext } from '#shared/model/views.ts';
import { highlightsPluginKey, setHighlightsMeta, type HighlightSpan, type HighlightsMeta } from '../reader/highlights-plugin.ts';

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
  /**
   * Runs `change` (edits of the project doc) and dispatches to `view` ONE transaction: what
   * `extend` builds from `view.state.tr` and `change`'s result, carrying the highlight
   * changes `change` caused. Returns `change`'s result.
   */
  changeTogether<T>(view: EditorView, change: () => T, extend: (tr: Transaction, result: T) => Transaction): T;
}

/** `later`'s metadata applied after `earlier`'s, as one (upserts and removals of different highlights). */
function combineMeta(earlier: HighlightsMeta, later: HighlightsMeta): HighlightsMeta {
  return {
    ...earlier,
    ...later,
    upsert: [...(earlier.upsert ?? []), ...(later.upsert ?? [])],
    remove: [...(earlier.remove ?? []), ...(later.remove ?? [])],
  };
}

function isLiveIn(map: Y.Map<unknown> | undefined, documentId: string): map is Y.Map<unknown> {
  if (!map) return false;
  const anchorRecord = map.get(HIGHLIGHT.anchor) as AnchorRecord | undefined;
  if (!anchorRecord || anchorRecord.d !== documentId) return false;
  return (map.get(HIGHLIGHT.trash) as TrashRecord | undefined)?.d !== 1;
}

/** Which highlights carry live notes. */
interface NotedIndex {
  has(id: HighlightId): boolean;
}

const notedIndexes = new WeakMap<Y.Doc, NotedIndex>();

/**
 * The noted-highlight index of `doc`: one pass over all notes the first time, then kept up
 * to date from the notes each change touched (its listener lives as long as the doc, and is
 * registered before any bridge's, so it is current when a bridge reads it).
 */
function notedIndexOf(doc: Y.Doc): NotedIndex {
  const existing = notedIndexes.get(doc);
  if (existing !== undefined) return existing;
  const index = createNotedIndex(doc);
  observeProject(doc, (change) => {
    for (const noteId of change.notes) index.update(noteId);
  });
  notedIndexes.set(doc, index);
  return index;
}

function createNotedIndex(doc: Y.Doc) {
  const notes = roots(doc).notes;
  const ownerOf = new Map<NoteId, HighlightId>();
  const liveNotes = new Map<HighlightId, Set<NoteId>>();
  const update = (noteId: NoteId): void => {
    const previous = ownerOf.get(noteId);
    if (previous !== undefined) liveNotes.get(previous)?.delete(noteId);
    const note = notes.get(noteId);
    const highlight = note?.get(NOTE.highlight) as HighlightId | undefined;
    if (note === undefined || highlight === undefined || (note.get(NOTE.trash) as TrashRecord | undefined)?.d === 1) {
      ownerOf.delete(noteId);
      return;
    }
    ownerOf.set(noteId, highlight);
    let set = liveNotes.get(highlight);
    if (set === undefined) liveNotes.set(highlight, (set = new Set()));
    set.add(noteId);
  };
  notes.forEach((_note, noteId) => update(noteId as NoteId));
  return {
    update,
    has: (id: HighlightId): boolean => (liveNotes.get(id)?.size ?? 0) > 0,
  };
}

/** Placements by project doc, then article hash, then highlight (anchors never change). */
const placementCache = new WeakMap<Y.Doc, Map<string, Map<HighlightId, Placement>>>();

function placementsFor(doc: Y.Doc, articleHash: string): Map<HighlightId, Placement> {
  let byHash = placementCache.get(doc);
  if (byHash === undefined) placementCache.set(doc, (byHash = new Map()));
  let placements = byHash.get(articleHash);
  if (placements === undefined) byHash.set(articleHash, (placements = new Map()));
  return placements;
}

/**
 * Highlight ids by document id, per project doc: built with one pass over every highlight
 * the first time an article opens, then kept current from each change — so opening an
 * article visits its own ~2,000 highlights, not the project's 10,000. A highlight never
 * moves to another document (anchors are immutable), so ids are only added; ids whose
 * highlight is gone or trashed stay listed and are skipped as not live.
 */
const highlightsByDocument = new WeakMap<Y.Doc, Map<string, Set<HighlightId>>>();

function highlightIdsOf(doc: Y.Doc, documentId: string): ReadonlySet<HighlightId> {
  let index = highlightsByDocument.get(doc);
  if (index === undefined) {
    const built = new Map<string, Set<HighlightId>>();
    const highlights = roots(doc).highlights;
    const file = (id: HighlightId, map: Y.Map<unknown> | undefined): void => {
      const owner = (map?.get(HIGHLIGHT.anchor) as AnchorRecord | undefined)?.d;
      if (owner === undefined) return;
      let ids = built.get(owner);
      if (ids === undefined) built.set(owner, (ids = new Set()));
      ids.add(id);
    };
    highlights.forEach((map, id) => file(id as HighlightId, map));
    // Lives as long as the doc (both are only reachable from each other once the doc goes).
    observeProject(doc, (change) => {
      for (const id of change.highlights) file(id, highlights.get(id));
    });
    highlightsByDocument.set(doc, (index = built));
  }
  return index.get(documentId) ?? new Set();
}

/** Creates the bridge for `article` over the project `doc`. */
export function createDocumentHighlights(doc: Y.Doc, article: Article): DocumentHighlights {
  const documentId = article.meta.id;
  const placements = placementsFor(doc, article.hash);
  const spans = new Map<HighlightId, HighlightSpan>();
  const unanchored = new Set<HighlightId>();
  const listeners = new Set<() => void>();
  let tagIndex: TagIndex = buildTagIndex(doc);
  const noted = notedIndexOf(doc);
  // Whether the doc changed between creating the bridge and connecting a view (then, and
  // only then, `connect` catches up with a full refresh).
  let changedBeforeConnect = false;
  const onEarlyTransaction = (transaction: Y.Transaction): void => {
    if (transaction.changed.size > 0) changedBeforeConnect = true;
  };
  doc.on('afterTransaction', onEarlyTransaction);

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

  const context: ViewContext = { doc, tagIndex, notesOf: () => [], memberOf: () => undefined };
  const spanOf = (id: HighlightId, map: Y.Map<unknown>): HighlightSpan | null => {
    const placement = place(id, map);
    if (placement === null) return null;
    const tags: TagId[] = appliedTags({ ...context, tagIndex }, map).map((applied) => applied.tag.id);
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
    const upsert: HighlightSpan[] = [];
    const remove: HighlightId[] = [];
    const visit = (id: HighlightId, map: Y.Map<unknown> | undefined): void => {
      if (!isLiveIn(map, documentId)) {
        unanchored.delete(id);
        if (spans.delete(id)) remove.push(id);
        return;
      }
      const span = spanOf(id, map);
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
    for (const id of wanted ?? highlightIdsOf(doc, documentId)) visit(id, highlights.get(id));
    return { upsert, remove };
  };

  refresh(null);
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  let connectedView: EditorView | null = null;
  // While `changeTogether` runs: the plugin updates held back for its transaction.
  let held: HighlightsMeta[] | null = null;

  return {
    documentId,
    initialSpans: () => [...spans.values()],
    spans: () => spans,
    unanchored: () => [...unanchored],
    rangeOf: (id) => (spans.has(id) ? placements.get(id) ?? null : null),
    connect(view) {
      // Catch up on anything that changed between creating the bridge and the view.
      doc.off('afterTransaction', onEarlyTransaction);
      if (changedBeforeConnect) {
        const catchUp = refresh(null);
        if ((catchUp.upsert?.length ?? 0) + (catchUp.remove?.length ?? 0) > 0) view.dispatch(setHighlightsMeta(view.state.tr, catchUp));
      }
      connectedView = view;
      const stop = observeProject(doc, (change: ProjectChange) => {
        if (change.tags.size > 0) tagIndex = buildTagIndex(doc);
        const relevant = change.tags.size > 0 ? null : change.highlights;
        if (relevant !== null && relevant.size === 0) return;
        const meta = refresh(relevant);
        if ((meta.upsert?.length ?? 0) + (meta.remove?.length ?? 0) === 0) return;
        if (held !== null) {
          held.push(meta);
          return;
        }
        view.dispatch(setHighlightsMeta(view.state.tr, meta));
        notify();
      });
      return () => {
        stop();
        if (connectedView === view) connectedView = null;
      };
    },
    changeTogether<T>(view: EditorView, change: () => T, extend: (tr: Transaction, result: T) => Transaction): T {
      if (connectedView !== view || held !== null) {
        const result = change();
        view.dispatch(extend(view.state.tr, result));
        return result;
      }
      const metas: HighlightsMeta[] = [];
      held = metas;
      let result: T;
      try {
        result = change();
      } catch (error) {
        held = null;
        // Whatever did change is still painted.
        for (const meta of metas) view.dispatch(setHighlightsMeta(view.state.tr, meta));
        if (metas.length > 0) notify();
        throw error;
      }
      held = null;
      // Separate model transactions stay separate updates, except the last one.
      for (const meta of metas.slice(0, -1)) view.dispatch(setHighlightsMeta(view.state.tr, meta));
      const tr = extend(view.state.tr, result);
      const last = metas.at(-1);
      if (last !== undefined) {
        const own = tr.getMeta(highlightsPluginKey) as HighlightsMeta | undefined;
        setHighlightsMeta(tr, own === undefined ? last : combineMeta(last, own));
      }
      view.dispatch(tr);
      if (metas.length > 0) notify();
      return result;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
