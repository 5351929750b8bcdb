/**
 * The bridge between the project doc and one open article's highlights plugin.
 *
 * On open, every live highlight of the article is placed (the model's `placeHighlight`:
 * anchored once, then cached per project doc, article hash and highlight, so reopening an
 * article anchors only highlights it has not placed before) and mapped to ProseMirror
 * positions through the article's TextMap. Which highlights belong to the article and which
 * carry notes come from the model's per-doc indexes, kept current from each change — never
 * a pass over every note or highlight per open, per keystroke or per highlight created.
 *
 * After that, `observeProject` reports which highlights each transaction touched; only
 * those are re-read and sent to the plugin as "annotations changed" metadata. A codebook
 * change (merge, delete) can change the tags of many highlights, so it refreshes this
 * article's spans — rare, and still no decoration rebuild for untouched ones in PM terms
 * beyond a replace; the spans carrying a changed (e.g. renamed) tag are repainted at once,
 * with the new names, so their hover titles never show an old name. Highlights that cannot be placed are listed as unanchored, never dropped.
 * A project file arrives as many small transactions (one per slice, file-flow.ts): the
 * highlights they touch are gathered and painted together at most every
 * {@link IMPORT_PAINT_MS}, so the editor's decorations are not rebuilt once per slice.
 * While no view is connected the bridge notes which highlights change (or that the codebook
 * did), so a view connecting later — the same article reopened from a kept bridge
 * (attach-annotations.ts) — re-reads only those, not the article's every highlight. `changeTogether` folds the plugin update a local edit causes into the caller's
 * own editor transaction (creating a highlight also collapses the selection and focuses
 * it: one editor update instead of three).
 *
 * The view filter (#shared/analysis/view-filter.ts) applies here, so the reader and the margin
 * (which reads `spans()`) agree: a highlight that is not the shown person's is left out of
 * the spans and counted as hidden; `refilter` re-reads every highlight when the filter changes.
 */
import type * as Y from 'yjs';
import type { Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Article } from '#shared/documents/article.ts';
import { highlightIdsOfDocument, notedHighlights } from '#shared/model/doc-indexes.ts';
import { chosenHighlightColour } from '#shared/model/highlight-colour.ts';
import { liveAnchorOf, liveTagIdsOf } from '#shared/model/highlight-reads.ts';
import type { HighlightId, MemberId } from '#shared/model/ids.ts';
import { isHighlightOf } from '#shared/analysis/view-filter.ts';
import { createViewContext, type ViewContext } from '#shared/model/views.ts';
import { observeProject, type ProjectChange } from '#shared/model/observe.ts';
import { importOrigin } from '#shared/model/origins.ts';
import { placeHighlight, type Placement } from '#shared/model/placements.ts';
import { buildTagIndex, type TagIndex } from '#shared/model/tag-index.ts';
import { highlightsPluginKey, setHighlightsMeta, type HighlightSpan, type HighlightsMeta } from '../reader/highlights-plugin.ts';
import { setTagNames } from '../reader/tag-names.ts';
import { namedColour } from '../store/highlight-colours.ts';

/** How often the highlights a file merge brings in are painted while it runs (ms). */
export const IMPORT_PAINT_MS = 250;

/** One open article's highlights. */
export interface DocumentHighlights {
  readonly documentId: string;
  /** The article it shows. */
  readonly article: Article;
  /** Spans for the plugin's initial state (current with the doc). */
  initialSpans(): HighlightSpan[];
  /** Current spans by id (anchored, live highlights of this article). */
  spans(): ReadonlyMap<HighlightId, HighlightSpan>;
  /** Live highlights of this article that could not be placed. */
  unanchored(): readonly HighlightId[];
  /** How many live highlights of this article the view filter hides. */
  hiddenCount(): number;
  /** Re-reads every highlight after the view filter changed (repaints the connected view). */
  refilter(): void;
  /** Canonical text range of a placed highlight. */
  rangeOf(id: HighlightId): Placement;
  /** Sends model changes to `view` until the returned function is called. */
  connect(view: EditorView): () => void;
  /** True while a view is connected. */
  connected(): boolean;
  /** Stops following the doc while no view is connected (a bridge no longer kept). */
  dispose(): void;
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

/**
 * Creates the bridge for `article` over the project `doc`; `shownMember` says whose
 * highlights are shown (null: everyone's).
 */
export function createDocumentHighlights(doc: Y.Doc, article: Article, shownMember: () => MemberId | null = () => null): DocumentHighlights {
  const documentId = article.meta.id;
  const spans = new Map<HighlightId, HighlightSpan>();
  const unanchored = new Set<HighlightId>();
  const hidden = new Set<HighlightId>();
  const listeners = new Set<() => void>();
  let tagIndex: TagIndex = buildTagIndex(doc);
  // Asked for before this bridge registers its own change listener, so it is current when that runs.
  const noted = notedHighlights(doc);
  // While no view is connected: the highlights changed since the spans were read (null: re-read
  // all, after a codebook change), so a (re)connecting view catches up on those alone.
  let missed: Set<HighlightId> | null = new Set();
  const track = (): (() => void) => observeProject(doc, (change) => {
    if (change.tags.size > 0) missed = null;
    else for (const id of change.highlights) missed?.add(id);
  });
  let stopTracking = track();
  let memberRead = shownMember();
  const spanOf = (id: HighlightId, member: MemberId | null, context: () => ViewContext): HighlightSpan | 'unplaced' | 'hidden' | null => {
    const stored = liveAnchorOf(doc, id);
    if (stored === undefined || stored.documentId !== documentId) return null;
    if (member !== null && !isHighlightOf(doc, id, member, context())) return 'hidden';
    const placement = placeHighlight(doc, id, article, stored);
    if (placement === null) return 'unplaced';
    return {
      id,
      from: article.textMap.offsetToPos(placement.start),
      to: article.textMap.offsetToPos(placement.end),
      tags: liveTagIdsOf(doc, id, tagIndex),
      hasNote: noted.has(id),
      // Only the palette's colours have a rule; any other stored value paints as the code colour.
      colour: namedColour(chosenHighlightColour(doc, id))?.colour ?? null,
    };
  };

  /**
   * Re-reads `ids` and returns the plugin metadata that brings the spans up to date; spans
   * carrying a tag of `renamed` are repainted even when unchanged (their hover titles name it).
   */
  const refresh = (ids: Iterable<HighlightId> | null, renamed: ReadonlySet<string> = new Set()): HighlightsMeta => {
    const wanted = ids === null ? null : new Set(ids);
    const upsert: HighlightSpan[] = [];
    const remove: HighlightId[] = [];
    const member = shownMember();
    let shared: ViewContext | null = null;
    const context = (): ViewContext => (shared ??= createViewContext(doc));
    const visit = (id: HighlightId): void => {
      const span = spanOf(id, member, context);
      if (span === 'hidden') hidden.add(id);
      else hidden.delete(id);
      if (span === null || span === 'hidden') {
        unanchored.delete(id);
        if (spans.delete(id)) remove.push(id);
        return;
      }
      if (span === 'unplaced') {
        unanchored.add(id);
        if (spans.delete(id)) remove.push(id);
        return;
      }
      unanchored.delete(id);
      const previous = spans.get(id);
      const same = previous && previous.hasNote === span.hasNote && previous.colour === span.colour && previous.tags.join() === span.tags.join();
      if (same && !span.tags.some((tag) => renamed.has(tag))) return;
      spans.set(id, span);
      upsert.push(span);
    };
    for (const id of wanted ?? highlightIdsOfDocument(doc, documentId)) visit(id);
    return { upsert, remove };
  };

  refresh(null);
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  let connectedView: EditorView | null = null;
  // While `changeTogether` runs: the plugin updates held back for its transaction.
  let held: HighlightsMeta[] | null = null;
  // Highlights touched by a file merge's slices and not yet painted, and the timer that paints them.
  const imported = new Set<HighlightId>();
  let importTimer: ReturnType<typeof setTimeout> | undefined;

  /** Brings the spans up to date with what changed while no view was connected. */
  const catchUp = (): HighlightsMeta => {
    const all = missed === null || memberRead !== shownMember();
    if (missed === null) tagIndex = buildTagIndex(doc);
    const meta = all ? refresh(null) : refresh(missed ?? []);
    missed = new Set();
    memberRead = shownMember();
    return meta;
  };

  return {
    documentId,
    article,
    initialSpans: () => {
      if (connectedView === null) catchUp();
      return [...spans.values()];
    },
    spans: () => spans,
    unanchored: () => [...unanchored],
    hiddenCount: () => hidden.size,
    connected: () => connectedView !== null,
    refilter() {
      const meta = refresh(null);
      const view = connectedView;
      if (view !== null && (meta.upsert?.length ?? 0) + (meta.remove?.length ?? 0) > 0) view.dispatch(setHighlightsMeta(view.state.tr, meta));
      notify();
    },
    rangeOf: (id) => (spans.has(id) ? placeHighlight(doc, id, article) : null),
    connect(view) {
      // Catch up on anything that changed since the spans were read.
      stopTracking();
      const caught = catchUp();
      if ((caught.upsert?.length ?? 0) + (caught.remove?.length ?? 0) > 0) view.dispatch(setHighlightsMeta(view.state.tr, caught));
      connectedView = view;
      const stop = observeProject(doc, (change: ProjectChange) => {
        if (change.tags.size > 0) {
          tagIndex = buildTagIndex(doc);
          // The names hover titles read, current before the marks carrying a changed tag repaint.
          setTagNames(new Map([...tagIndex.tags.values()].map((tag) => [tag.id, tag.name])));
        }
        if (change.tags.size === 0 && change.origin === importOrigin) {
          for (const id of change.highlights) imported.add(id);
          importTimer ??= setTimeout(paintImported, IMPORT_PAINT_MS);
          return;
        }
        paint(change.tags.size > 0 ? null : change.highlights, change.tags);
      });
      const paintImported = (): void => {
        importTimer = undefined;
        const ids = [...imported];
        imported.clear();
        if (ids.length > 0) paint(ids, new Set());
      };
      const paint = (relevant: Iterable<HighlightId> | ReadonlySet<HighlightId> | null, renamedTags: ReadonlySet<string>): void => {
        if (relevant === null) imported.clear();
        else if (relevant instanceof Set && relevant.size === 0) return;
        const hiddenBefore = hidden.size;
        const meta = refresh(relevant, renamedTags);
        if ((meta.upsert?.length ?? 0) + (meta.remove?.length ?? 0) === 0) {
          // A hidden teammate's highlight arrived or left: only the hidden count changed.
          if (hidden.size !== hiddenBefore) notify();
          return;
        }
        if (held !== null) {
          held.push(meta);
          return;
        }
        view.dispatch(setHighlightsMeta(view.state.tr, meta));
        notify();
      };
      return () => {
        stop();
        if (importTimer !== undefined) clearTimeout(importTimer);
        importTimer = undefined;
        imported.clear();
        if (connectedView === view) {
          connectedView = null;
          memberRead = shownMember();
          stopTracking = track();
        }
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
    dispose: () => stopTracking(),
  };
}
