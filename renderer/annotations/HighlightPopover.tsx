/**
 * A highlight's popover, opened by clicking the highlight or pressing Enter on the focused
 * one with the caret in the article: its codes as chips with a remove button each, "Add
 * code…" (the same tag type-ahead as the selection toolbar, so every code is reachable, not
 * only the nine with number keys), its note, Delete (which says so in a notice with
 * Undo), and its colour (HighlightColourChoice.tsx). A dialog in the ARIA sense: focus moves into it when it opens, Escape closes it
 * and puts the caret back in the article, a click elsewhere closes it.
 *
 * Placed below the highlight (above it where the window has no room) with element.style,
 * fixed to the viewport, following the reader's scrolling without re-rendering React.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { HighlightId, TagId } from '#shared/model/ids.ts';
import { getHighlight } from '#shared/model/queries.ts';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { TagTypeahead, type TagOption } from '../reader/TagTypeahead.tsx';
import { noteFor, toggleTag } from '../store/annotation-actions.ts';
import { trashFocusedCommand } from './annotation-commands.ts';
import { HighlightColourChoice } from './HighlightColourChoice.tsx';
import { addTagOnce, createNamedTag } from './tag-choice.ts';
import { useDocVersion, useWorkspace, useWorkspaceSnapshot } from './use-workspace.ts';
import type { AnnotationWorkspace } from './workspace.ts';
import './highlight-popover.css';

/** Pixels between the highlight and the popover, and kept clear of the window's edges. */
const GAP = 6;
const EDGE = 8;

/** Closes the popover and puts the caret back in the article. */
function closeToArticle(workspace: AnnotationWorkspace): void {
  workspace.showPopover(null);
  workspace.reader()?.view.focus();
}

/** Keeps `element` beside highlight `id` of the open reader while it scrolls. */
function usePlacement(workspace: AnnotationWorkspace, id: HighlightId | null, element: RefObject<HTMLDivElement | null>, version: number): void {
  useEffect(() => {
    const reader = workspace.reader();
    const box = element.current;
    if (id === null || reader === null || box === null) return undefined;
    const place = (): void => {
      const span = reader.highlights.spans().get(id);
      if (span === undefined) return;
      const start = reader.view.coordsAtPos(span.from);
      const end = reader.view.coordsAtPos(span.to);
      const below = end.bottom + GAP;
      const fitsBelow = below + box.offsetHeight <= window.innerHeight - EDGE;
      const top = fitsBelow ? below : Math.max(EDGE, start.top - GAP - box.offsetHeight);
      const left = Math.max(EDGE, Math.min(start.left, window.innerWidth - box.offsetWidth - EDGE));
      box.style.top = `${Math.round(top)}px`;
      box.style.left = `${Math.round(left)}px`;
    };
    place();
    reader.scroller.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    return () => {
      reader.scroller.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
    };
  }, [workspace, id, element, version]);
}

/** The popover of the highlight whose popover is open (renders nothing otherwise). */
export function HighlightPopover() {
  const workspace = useWorkspace();
  const snapshot = useWorkspaceSnapshot(workspace);
  const doc = workspace.session.doc;
  const version = useDocVersion(doc);
  const id = snapshot.popover;
  const box = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [adding, setAdding] = useState(false);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  const highlight = useMemo(() => (id === null ? undefined : getHighlight(doc, id)), [doc, id, version]);
  const liveTags = useMemo((): TagOption[] => {
    const index = buildTagIndex(doc);
    return [...index.tags.values()].filter((tag) => index.isLive(tag.id)).map((tag) => ({ id: tag.id, name: tag.name }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  }, [doc, version]);
  usePlacement(workspace, id, box, version);

  // A new popover starts with its buttons, focus on "Add code…" (inside the dialog).
  useEffect(() => {
    setAdding(false);
    if (id !== null) requestAnimationFrame(() => addButton.current?.focus());
  }, [id]);

  // A press anywhere outside the popover closes it (a highlight's own click reopens it);
  // Escape closes it wherever the focus is (the type-ahead keeps its own Escape). Listening
  // from before the popover is painted: an Escape pressed the moment it shows must close it.
  useLayoutEffect(() => {
    if (id === null) return undefined;
    const onPointerDown = (event: PointerEvent): void => {
      if (event.target instanceof Node && box.current?.contains(event.target)) return;
      workspace.showPopover(null);
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      // The article's editor prevents Escape's default whenever the caret is in it, as it is
      // until the focus moves into the popover a frame after it shows: that Escape is ours too.
      const fromArticle = event.target instanceof Element && event.target.closest('.reader-document') !== null;
      if (event.defaultPrevented && !fromArticle) return;
      event.preventDefault();
      closeToArticle(workspace);
    };
    // Tab out of it (to the margin, a panel, the top bar) closes it, as a click elsewhere does;
    // the article keeps it open (the caret is there until the focus moves into the popover).
    const onFocusIn = (event: FocusEvent): void => {
      const target = event.target;
      if (!(target instanceof Element) || box.current?.contains(target) === true || target.closest('.reader-document') !== null) return;
      workspace.showPopover(null);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('focusin', onFocusIn);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('focusin', onFocusIn);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [id, workspace]);

  if (id === null || highlight === undefined || highlight.deleted !== null) return null;
  const actor = (): ReturnType<AnnotationWorkspace['actor']> => workspace.actor();
  const quote = highlight.quote.exact.length > 60 ? `${highlight.quote.exact.slice(0, 60)}…` : highlight.quote.exact;
  const addCode = (tag: TagId): void => {
    addTagOnce(doc, actor(), id, tag);
    setAdding(false);
    requestAnimationFrame(() => addButton.current?.focus());
  };
  return (
    <div
      ref={box}
      className="highlight-popover"
      role="dialog"
      aria-label={`Highlight “${quote}”`}
      data-testid="highlight-popover"
    >
      <p className="highlight-popover__quote">“{quote}”</p>
      <ul className="highlight-popover__codes" aria-label="Codes">
        {highlight.tags.length === 0 && <li className="highlight-popover__empty">No codes yet</li>}
        {highlight.tags.map((applied) => (
          <li key={applied.tag.id} className="tag-chip">
            <span className={`tag-swatch tag-swatch-${applied.tag.id}`} aria-hidden="true" />
            <span data-testid="popover-code">{applied.tag.name}</span>
            <button
              type="button"
              className="button button--quiet highlight-popover__remove"
              aria-label={`Remove code ${applied.tag.name}`}
              title={`Remove code ${applied.tag.name}`}
              onClick={() => {
                toggleTag(doc, actor(), id, applied.tag.id);
                // The chip and its button go: keep the focus in the popover.
                requestAnimationFrame(() => addButton.current?.focus());
              }}
            >×</button>
          </li>
        ))}
      </ul>
      {adding ? (
        <TagTypeahead
          tags={liveTags}
          label="Add a code"
          onApply={(tag) => addCode(tag.id)}
          onCreate={(name) => addCode(createNamedTag(doc, actor(), name))}
          onCancel={() => {
            setAdding(false);
            requestAnimationFrame(() => addButton.current?.focus());
          }}
        />
      ) : (
        <div className="highlight-popover__actions">
          <button ref={addButton} type="button" className="button" onClick={() => setAdding(true)}>Add code…</button>
          <button type="button" className="button" onClick={() => {
            const note = noteFor(doc, actor(), id);
            workspace.showPopover(null);
            workspace.requestNoteEditor(note);
          }}>{highlight.notes.length > 0 ? 'Note' : 'Add note'}</button>
          <button type="button" className="button button--danger" onClick={() => {
            trashFocusedCommand(workspace);
            workspace.reader()?.view.focus();
          }}>Delete highlight</button>
          <button type="button" className="button button--quiet" aria-label="Close" onClick={() => closeToArticle(workspace)}>×</button>
        </div>
      )}
      <HighlightColourChoice workspace={workspace} highlight={id} chosen={highlight.chosenColour} />
    </div>
  );
}
