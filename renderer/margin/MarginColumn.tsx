/**
 * The margin column beside the reader: a note card for each noted highlight of the open
 * article near the viewport (and an "Add note" card for the focused highlight without one),
 * each level with its highlight and stacked without overlap (margin-layout.ts).
 *
 * Shaped for dense articles (docs/architecture.md §8): the margin re-renders after the frame that
 * paints a model change or a focus change, never inside it (margin-hooks.ts); only cards near the viewport are
 * mounted, found from the spans' positions; cards are memoised so a change re-renders only
 * the cards it concerns; and alignment is one batched pass — read every anchor's top
 * (`coordsAtPos` of the highlight's start) and every card's height, then write all
 * transforms (CSSOM, which the CSP allows) — on render, and once per frame on scroll/resize.
 *
 * Writing in the margin (a note's editor, a reply) ends the text selection in the reader
 * (the selection toolbar's own rule for any text field), so the toolbar leaves instead of
 * floating over the text while the person types; and a card being written in is kept above
 * the window's bottom edge, the article scrolled up for it.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { HighlightId } from '#shared/model/ids.ts';
import { getHighlight } from '#shared/model/queries.ts';
import { createViewContext, type HighlightView } from '#shared/model/views.ts';
import { noteFor } from '../store/annotation-actions.ts';
import { namedColour } from '../store/highlight-colours.ts';
import type { OpenReader } from '../annotations/reader-registry.ts';
import { useWorkspace, useWorkspaceSnapshot } from '../annotations/use-workspace.ts';
import { memberNames } from '../panels/people.ts';
import { layoutMargin } from './margin-layout.ts';
import { useAfterPaint, useMarginVersion, useNearbyNotedHighlights } from './margin-hooks.ts';
import { NoteCard } from './NoteCard.tsx';

/**
 * Reads every card's anchor top and height, then writes every card's transform (one layout).
 * `reveal`: the cards changed or grew (not a scroll), so a card being written in is kept in view.
 */
function alignCards(host: HTMLElement, reader: OpenReader, focusedId: HighlightId | null, reveal: boolean): void {
  const cards = [...host.querySelectorAll<HTMLElement>('[data-margin-item]')];
  if (cards.length === 0 || reader.view.isDestroyed) return; // no forced layout while an article opens without cards yet
  const hostTop = host.getBoundingClientRect().top;
  const spans = reader.highlights.spans();
  const items = cards.map((card) => {
    const id = card.dataset.marginItem as HighlightId;
    const span = spans.get(id);
    const top = span ? reader.view.coordsAtPos(span.from, 1).top - hostTop : -10_000;
    return { id, anchorTop: top, height: card.offsetHeight };
  });
  // No floor at the column's top: a card whose highlight has scrolled up goes up with it
  // (clipped by the column), instead of waiting at the top and pushing the cards of the
  // highlights on screen down, away from their text.
  const tops = layoutMargin(items, { focusedId, minTop: Number.NEGATIVE_INFINITY });
  for (const card of cards) card.style.transform = `translateY(${Math.round(tops.get(card.dataset.marginItem as string) ?? 0)}px)`;
  if (reveal) revealFieldBeingWritten(host, reader);
}

/** Room kept between a note being written and the window's bottom edge (px). */
const REVEAL_GAP_PX = 12;

/**
 * When the person is writing in a card (a note, a reply) that is on screen but ends below
 * the margin's visible bottom edge, scrolls the article up by the difference: the card is
 * level with its highlight, so both come up together (the scroll re-aligns the cards).
 * Never so far that the card's top leaves the column's top. A note begun on the window's
 * last lines, or grown line by line, stays in view while it is typed. Called when a field
 * is newly focused or its card grew, never on a scroll: a person who scrolls away from the
 * note they are writing is not brought back to it.
 */
function revealFieldBeingWritten(host: HTMLElement, reader: OpenReader): void {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !host.contains(active) || !active.matches('textarea, input')) return;
  const card = active.closest<HTMLElement>('[data-margin-item]');
  const column = host.parentElement;
  if (card === null || column === null) return;
  const visible = column.getBoundingClientRect();
  const bottom = Math.min(visible.bottom, window.innerHeight);
  const box = card.getBoundingClientRect();
  const below = box.bottom + REVEAL_GAP_PX - bottom;
  if (below <= 0 || box.top >= bottom) return;
  const room = box.top - Math.max(visible.top, 0);
  const by = Math.min(below, Math.max(room, 0));
  if (by > 0) reader.scroller.scrollTop += by;
}

/** The margin column's content. */
export function MarginColumn() {
  const workspace = useWorkspace();
  const doc = workspace.session.doc;
  const snapshot = useWorkspaceSnapshot(workspace);
  const version = useMarginVersion(doc, snapshot.readerDocumentId);
  // The focused highlight as the margin shows it: a frame after the reader, so building its
  // card and aligning cards never sit between a keypress and the highlight being painted.
  const marginFocus = useAfterPaint(snapshot.focused);
  const container = useRef<HTMLDivElement>(null);
  const reader = workspace.reader();
  // The view filter changes which highlights have spans: measure again when it changes.
  const nearby = useNearbyNotedHighlights(reader, version, snapshot.viewFilter);
  // Views of the current model version by highlight: a focus change or a scroll reuses them.
  const viewCache = useRef<{ version: number; reader: OpenReader | null; views: Map<HighlightId, HighlightView | undefined> }>({ version: -1, reader: null, views: new Map() });

  const views = useMemo(() => {
    if (reader === null) return [];
    // Only noted highlights near the viewport (and the focused one) get a card; views are
    // built with one shared context — never a context per highlight.
    const spans = reader.highlights.spans();
    const wanted = new Set<HighlightId>([...nearby].filter((id) => spans.get(id)?.hasNote === true));
    if (marginFocus !== null && spans.has(marginFocus)) wanted.add(marginFocus);
    if (viewCache.current.version !== version || viewCache.current.reader !== reader) viewCache.current = { version, reader, views: new Map() };
    const cache = viewCache.current.views;
    let context: ReturnType<typeof createViewContext> | null = null;
    const out: HighlightView[] = [];
    for (const id of wanted) {
      if (!cache.has(id)) cache.set(id, getHighlight(doc, id, (context ??= createViewContext(doc))) ?? undefined);
      const view = cache.get(id);
      if (view && view.deleted === null && (view.notes.length > 0 || id === marginFocus)) out.push(view);
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  }, [doc, version, reader, marginFocus, snapshot.readerDocumentId, nearby]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const nameOf = useMemo(() => memberNames(doc), [doc, version]);

  // Align after the cards changed (before paint, so a new card never shows out of place);
  // a field newly being written in (a note's editor just opened) is brought into view.
  const revealedFor = useRef<Element | null>(null);
  useLayoutEffect(() => {
    const host = container.current;
    if (host === null || reader === null) return;
    const newlyFocused = document.activeElement !== revealedFor.current;
    revealedFor.current = document.activeElement;
    alignCards(host, reader, workspace.getSnapshot().focused, newlyFocused);
  }, [views, reader, workspace]);

  // Re-align once per frame on scroll, resize, and card size changes.
  useEffect(() => {
    const host = container.current;
    if (host === null || reader === null) return undefined;
    let frame = 0;
    let grew = false;
    const schedule = (): void => {
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          alignCards(host, reader, workspace.getSnapshot().focused, grew);
          grew = false;
        });
      }
    };
    // A card's first size is where it starts (observing reports it at once); a later one is growth.
    const heights = new WeakMap<Element, number>();
    const cardResized = (entries: ResizeObserverEntry[]): void => {
      for (const entry of entries) {
        const known = heights.get(entry.target);
        if (known !== undefined && known !== entry.contentRect.height) grew = true;
        heights.set(entry.target, entry.contentRect.height);
      }
      schedule();
    };
    reader.scroller.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    const observer = new ResizeObserver(cardResized);
    for (const card of host.querySelectorAll('[data-margin-item]')) observer.observe(card);
    return () => {
      cancelAnimationFrame(frame);
      reader.scroller.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      observer.disconnect();
    };
  }, [views, reader, workspace]);

  // The request for a note editor is consumed once its card is on screen (the margin
  // renders a frame after the model change that created the note); given up after a second.
  useEffect(() => {
    const requested = snapshot.editNote;
    if (requested === null) return undefined;
    const shown = views.some((view) => view.notes.some((note) => note.id === requested));
    const timer = window.setTimeout(() => workspace.requestNoteEditor(null), shown ? 0 : 1000);
    return () => window.clearTimeout(timer);
  }, [snapshot.editNote, views, workspace]);

  if (reader === null) return null;
  return (
    <div className="margin-notes" ref={container}>
      {views.map((view) => {
        const focused = view.id === marginFocus;
        const focus = () => workspace.focusHighlight(view.id, { reveal: false });
        return (
          <div key={view.id} className="margin-notes__item" data-margin-item={view.id}>
            {view.notes.length === 0 ? (
              <div className="note-card note-card--focused note-card--empty">
                <button type="button" className="button" data-testid="add-note" onClick={() => workspace.requestNoteEditor(noteFor(doc, workspace.actor(), view.id))}>Add a note</button>
              </div>
            ) : view.notes.map((note) => (
              <NoteCard
                key={note.id}
                workspace={workspace}
                note={note}
                quote={view.quote.exact}
                codes={view.tags.map((applied) => applied.tag)}
                colour={namedColour(view.chosenColour) ?? null}
                focused={focused}
                nameOf={nameOf}
                me={snapshot.member?.id ?? null}

                editRequested={snapshot.editNote === note.id}
                onFocusHighlight={focus}
              />
            ))}
          </div>
        );
      })}
    </div>
  );
}
