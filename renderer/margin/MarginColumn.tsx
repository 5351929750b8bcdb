/**
 * The margin column beside the reader: a note card for each noted highlight of the open
 * article (and an "Add note" card for the focused highlight without one), each level with
 * its highlight and stacked without overlap (margin-layout.ts). Positions follow the
 * reader's scrolling: measured from the highlight marks and applied through element.style
 * (CSSOM, which the CSP allows), re-laid out once per frame.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { HighlightId } from '../../shared/model/ids.ts';
import { getHighlight } from '../../shared/model/queries.ts';
import { createViewContext, type HighlightView } from '../../shared/model/views.ts';
import { NOTE, roots } from '../../shared/model/layout.ts';
import { noteFor } from '../store/annotation-actions.ts';
import { useDocVersion, useWorkspace, useWorkspaceSnapshot } from '../store/use-workspace.ts';
import { memberNames } from '../panels/people.ts';
import { layoutMargin } from './margin-layout.ts';
import { NoteCard } from './NoteCard.tsx';

/**
 * Ids of noted highlights whose marks are within a screen of the reader's viewport: only
 * those get cards, so a dense article (hundreds of notes) mounts a handful of editors and
 * the layout pass measures a handful of marks. Recomputed once per frame on scroll.
 */
function useNearbyNotedHighlights(root: HTMLElement | null, scroller: HTMLElement | null, version: number): ReadonlySet<HighlightId> {
  const [ids, setIds] = useState<ReadonlySet<HighlightId>>(() => new Set());
  useEffect(() => {
    if (root === null || scroller === null) return undefined;
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      const box = scroller.getBoundingClientRect();
      const next = new Set<HighlightId>();
      for (const mark of root.querySelectorAll<HTMLElement>('mark.hl-noted')) {
        const rect = mark.getBoundingClientRect();
        if (rect.bottom >= box.top - box.height && rect.top <= box.bottom + box.height) next.add(mark.dataset.highlightId as HighlightId);
      }
      setIds((previous) => (previous.size === next.size && [...next].every((id) => previous.has(id)) ? previous : next));
    };
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    schedule();
    scroller.addEventListener('scroll', schedule, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
    };
  }, [root, scroller, version]);
  return ids;
}

/** The margin column's content. */
export function MarginColumn() {
  const workspace = useWorkspace();
  const doc = workspace.session.doc;
  const snapshot = useWorkspaceSnapshot(workspace);
  const version = useDocVersion(doc);
  const container = useRef<HTMLDivElement>(null);
  const reader = workspace.reader();
  const nearby = useNearbyNotedHighlights(reader?.view.dom ?? null, reader?.scroller ?? null, version);

  const views = useMemo(() => {
    if (reader === null) return [];
    // Only noted highlights (and the focused one) get a card: find them through the notes
    // (one pass), then build views with one shared context — never a context per highlight.
    const spans = reader.highlights.spans();
    const wanted = new Set<HighlightId>();
    roots(doc).notes.forEach((note) => {
      const highlight = note.get(NOTE.highlight) as HighlightId;
      if (spans.has(highlight) && nearby.has(highlight)) wanted.add(highlight);
    });
    if (snapshot.focused !== null && spans.has(snapshot.focused)) wanted.add(snapshot.focused);
    const context = createViewContext(doc);
    const out: HighlightView[] = [];
    for (const id of wanted) {
      const view = getHighlight(doc, id, context);
      if (view && view.deleted === null && (view.notes.length > 0 || id === snapshot.focused)) out.push(view);
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  }, [doc, version, reader, snapshot.focused, snapshot.readerDocumentId, nearby]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const nameOf = useMemo(() => memberNames(doc), [doc, version]);

  // Lay out: measure each highlight's top and each card's height, stack, apply.
  useLayoutEffect(() => {
    const host = container.current;
    if (host === null || reader === null) return undefined;
    let frame = 0;
    const layout = (): void => {
      frame = 0;
      const hostTop = host.getBoundingClientRect().top;
      const cards = [...host.querySelectorAll<HTMLElement>('[data-margin-item]')];
      const items = cards.map((card) => {
        const id = card.dataset.marginItem as HighlightId;
        const mark = reader.view.dom.querySelector(`.hl-${CSS.escape(id)}`);
        const top = mark ? mark.getBoundingClientRect().top - hostTop : -10_000;
        return { id, anchorTop: top, height: card.offsetHeight };
      });
      const tops = layoutMargin(items, { focusedId: workspace.getSnapshot().focused });
      for (const card of cards) {
        const top = tops.get(card.dataset.marginItem as string) ?? 0;
        card.style.transform = `translateY(${Math.round(top)}px)`;
      }
    };
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(layout);
    };
    layout();
    reader.scroller.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    const observer = new ResizeObserver(schedule);
    for (const card of host.querySelectorAll('[data-margin-item]')) observer.observe(card);
    return () => {
      cancelAnimationFrame(frame);
      reader.scroller.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      observer.disconnect();
    };
  });

  useEffect(() => {
    if (snapshot.editNote !== null) {
      const timer = window.setTimeout(() => workspace.requestNoteEditor(null), 0);
      return () => window.clearTimeout(timer);
    }
    return undefined;
  }, [snapshot.editNote, workspace]);

  if (reader === null) return null;
  return (
    <div className="margin-notes" ref={container}>
      {views.map((view) => {
        const focused = view.id === snapshot.focused;
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
                focused={focused}
                nameOf={nameOf}
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
