/**
 * Hooks that keep the margin cheap beside a densely coded article:
 * - `useMarginVersion`: re-renders the margin after a relevant model change, but only after
 *   the frame that paints the change (rAF, then a task), so margin work never sits between
 *   a keypress and the highlight appearing; coalesced to one render per frame;
 * - `useNearbyNotedHighlights`: which noted highlights near the viewport get a card (as many as the column shows),
 *   from the visible range (the reader's top-level blocks, viewport.ts) and the spans' positions — not from
 *   measuring every noted highlight's element; first measured after the frame that paints
 *   a newly opened article (cards a frame later, instead of a forced layout and the margin's
 *   render inside the opening frame);
 * - `useAfterPaint`: a value as of after the frame that paints its change (the margin's
 *   focused card), so the margin's work leaves the input → paint frame;
 * - `formatNoteTime`: note timestamps through one shared `Intl.DateTimeFormat` (creating a
 *   formatter per call, as `toLocaleString` does, cost ~1 ms per card per render).
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { HighlightId } from '#shared/model/ids.ts';
import { observeProject } from '#shared/model/observe.ts';
import type { OpenReader } from '../annotations/reader-registry.ts';
import type { HighlightSpan } from '../reader/highlight-segments.ts';
import { positionsBetween } from '../reader/viewport.ts';
import { FIRST_CARDS, cardsNear } from './margin-layout.ts';

/** A counter bumped after the frame following each model change that concerns the margin of `documentId`. */
export function useMarginVersion(doc: Y.Doc, documentId: string | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let frame = 0;
    let timer = 0;
    const bump = (): void => {
      if (frame !== 0 || timer !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        timer = window.setTimeout(() => {
          timer = 0;
          setVersion((value) => value + 1);
        }, 0);
      });
    };
    const stop = observeProject(doc, (change) => {
      if (change.members || change.notes.size > 0 || (documentId !== null && change.documents.has(documentId))) bump();
    });
    return () => {
      stop();
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [doc, documentId]);
  return version;
}

/** The open article's noted spans, read as they are iterated (once per scroll frame: no copy of every span). */
function* notedSpans(reader: OpenReader): Generator<HighlightSpan> {
  for (const span of reader.highlights.spans().values()) if (span.hasNote) yield span;
}

/**
 * Ids of the noted highlights of the open article that get a card: those on screen and
 * within a screen below or above it (estimated in document positions from the visible
 * range), as many as the column can show (`cardsNear`). Recomputed at most once per frame
 * on scroll, when the reader's spans change (a merged file's highlights are painted a
 * moment after its notes arrive), and whenever `version` or `filter` (the view filter) changes.
 * An empty margin first gets the cards of the highlights on screen (`FIRST_CARDS`), the
 * rest after the next frame is painted.
 */
export function useNearbyNotedHighlights(reader: OpenReader | null, version: number, filter?: unknown): ReadonlySet<HighlightId> {
  const [ids, setIds] = useState<ReadonlySet<HighlightId>>(() => new Set());
  /** The ids last set, and the reader they were measured in. */
  const shown = useRef({ ids, reader });
  useEffect(() => {
    if (reader === null) return undefined;
    const { view, scroller } = reader;
    let frame = 0;
    let timer = 0;
    const measure = (): void => {
      frame = 0;
      timer = 0;
      if (view.isDestroyed) return; // the article closed before this (after-paint) measure ran
      const box = scroller.getBoundingClientRect();
      const content = view.dom.getBoundingClientRect();
      const onScreen = positionsBetween(view, Math.max(box.top, content.top), Math.min(box.bottom, content.bottom));
      if (onScreen === null) {
        // Nothing of the article on screen: no card.
        if (shown.current.ids.size > 0) setIds((shown.current = { ids: new Set(), reader }).ids);
        return;
      }
      const [top, bottom] = onScreen;
      const sameReader = shown.current.reader === reader;
      const previous = sameReader ? shown.current.ids : new Set<HighlightId>();
      const first = previous.size === 0;
      const next = new Set(cardsNear(notedSpans(reader), top, bottom, Math.max(1, bottom - top), ...(first ? [FIRST_CARDS] : [])));
      if (sameReader && previous.size === next.size && [...next].every((id) => previous.has(id))) return;
      shown.current = { ids: next, reader };
      setIds(next);
      if (first && next.size > 0) afterPaint(); // the rest of the cards, a frame later
    };
    const schedule = (): void => {
      if (frame === 0 && timer === 0) frame = requestAnimationFrame(measure);
    };
    // After the next frame is painted (rAF, then a task), not inside it.
    const afterPaint = (): void => {
      window.clearTimeout(timer);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        frame = 0;
        timer = window.setTimeout(measure, 0);
      });
    };
    afterPaint();
    scroller.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    const stopFollowing = reader.highlights.subscribe(schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      scroller.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      stopFollowing();
    };
  }, [reader, version, filter]);
  return ids;
}

/** `value`, updated only after the frame following its change is painted (rAF, then a task); the first render returns it at once. */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(value, shown)) return undefined;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setShown(() => value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}

const noteTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A note or reply time as "21 Nov 2026, 06:24" (the panels' format); '' when unknown. */
export function formatNoteTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  return noteTimeFormat.format(ms);
}
