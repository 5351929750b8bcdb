/**
 * Hooks that keep the margin cheap beside a densely coded article:
 * - `useMarginVersion`: re-renders the margin after a relevant model change, but only after
 *   the frame that paints the change (rAF, then a task), so margin work never sits between
 *   a keypress and the highlight appearing; coalesced to one render per frame;
 * - `useNearbyNotedHighlights`: which noted highlights are within a screen of the viewport,
 *   from the visible range (the reader's top-level blocks, viewport.ts) and the spans' positions — not from
 *   measuring every noted highlight's element; first measured after the frame that paints
 *   a newly opened article (cards a frame later, instead of a forced layout and the margin's
 *   render inside the opening frame);
 * - `useAfterPaint`: a value as of after the frame that paints its change (the margin's
 *   focused card), so the margin's work leaves the input → paint frame;
 * - `formatNoteTime`: note timestamps through one shared `Intl.DateTimeFormat` (creating a
 *   formatter per call, as `toLocaleString` does, cost ~1 ms per card per render).
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { HighlightId } from '#shared/model/ids.ts';
import { observeProject } from '#shared/model/observe.ts';
import type { OpenReader } from '../annotations/reader-registry.ts';
import { positionsBetween } from '../reader/viewport.ts';

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

/**
 * Ids of noted highlights of the open article lying within a screen above or below the
 * reader's viewport (estimated in document positions from the visible range), recomputed at
 * most once per frame on scroll and whenever `version` or `filter` (the view filter) changes.
 */
export function useNearbyNotedHighlights(reader: OpenReader | null, version: number, filter?: unknown): ReadonlySet<HighlightId> {
  const [ids, setIds] = useState<ReadonlySet<HighlightId>>(() => new Set());
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
      const shown = positionsBetween(view, Math.max(box.top, content.top), Math.min(box.bottom, content.bottom));
      const [top, bottom] = shown ?? [0, -1]; // nothing of the article on screen: no card
      const screen = shown === null ? 0 : Math.max(1, bottom - top);
      const from = top - screen;
      const to = bottom + screen;
      const next = new Set<HighlightId>();
      for (const span of reader.highlights.spans().values()) {
        if (span.hasNote && span.to >= from && span.from <= to) next.add(span.id);
      }
      setIds((previous) => (previous.size === next.size && [...next].every((id) => previous.has(id)) ? previous : next));
    };
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    // After the next frame is painted (rAF, then a task), not inside it.
    frame = requestAnimationFrame(() => {
      timer = window.setTimeout(measure, 0);
    });
    scroller.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
      scroller.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
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
