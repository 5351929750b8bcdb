/**
 * The margin column beside the reader: a note card for each noted highlight of the open
 * article (and an "Add note" card for the focused highlight without one), each level with
 * its highlight and stacked without overlap (margin-layout.ts). Positions follow the
 * reader's scrolling: measured from the highlight marks and applied through element.style
 * (CSSOM, which the CSP allows), re-laid out once per frame.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { HighlightId } from '../../shared/model/ids.ts';
import { getHighlight } from '../../shared/model/queries.ts';
import type { HighlightView } from '../../shared/model/views.ts';
import { noteFor } from '../store/annotation-actions.ts';
import { useDocVersion, useWorkspace, useWorkspaceSnapshot } from '../store/use-workspace.ts';
import { memberNames } from '../panels/people.ts';
import { layoutMargin } from './margin-layout.ts';
import { NoteCard } from './NoteCard.tsx';

/** The margin column's content. */
export function MarginColumn() {
  const workspace = useWorkspace();
  const doc = workspace.session.doc;
  const snapshot = useWorkspaceSnapshot(workspace);
  const version = useDocVersion(doc);
  const container = useRef<HTMLDivElement>(null);
  const reader = workspace.reader();

  const views = useMemo(() => {
    if (reader === null) return [];
    const spans = reader.highlights.spans();
    const out: HighlightView[] = [];
    for (const id of spans.keys()) {
      const view = getHighlight(doc, id);
      if (view && view.deleted === null && (view.notes.length > 0 || id === snapshot.focused)) out.push(view);
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  }, [doc, version, reader, snapshot.focused, snapshot.readerDocumentId]);
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
