/**
 * The small toolbar above a text selection in the reader: Highlight, Tag… (the tag
 * type-ahead over the codebook: an existing tag is applied, a new name creates the tag) and
 * Note. Positioned from the selection's coordinates with element.style (CSSOM, allowed by
 * the CSP), fixed to the viewport so it follows scrolling without re-rendering React.
 *
 * It sits above the selection, or below it where the window has no room above. While
 * tagging, the room needed includes the suggestion list, which opens on the side away from
 * the selection (the toolbar's data-popup-side, read by tag-typeahead.css), so the list
 * never covers the passage being tagged. It leaves when the person starts writing in a text
 * field anywhere else (the selection is ended then).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { TextSelection } from 'prosemirror-state';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { hasSelection, highlightSelection, noteCommand } from './annotation-commands.ts';
import { useDocVersion, useWorkspace, useWorkspaceSnapshot } from './use-workspace.ts';
import { TagTypeahead, type TagOption } from '../reader/TagTypeahead.tsx';
import { applyChosenTag, createAndApplyTag } from './tag-choice.ts';

/** Pixels between the toolbar and the selection's top. */
const OFFSET = 8;
/** Pixels kept clear of the window's edges. */
const EDGE = 8;
/** Room the tag suggestion list may take beside the toolbar: its max-height (16rem) and gap. */
const LIST_ROOM = 272;

/** Input types a person types text into (a checkbox or a button takes no typing). */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'number', 'password']);

/** True for a field that takes typed text: a textarea or a text-like input. */
function isTextField(target: EventTarget | null): target is HTMLElement {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type));
}

/** The selection toolbar (renders nothing without a selection). */
export function SelectionToolbar() {
  const workspace = useWorkspace();
  const snapshot = useWorkspaceSnapshot(workspace);
  const version = useDocVersion(workspace.session.doc);
  const toolbar = useRef<HTMLDivElement>(null);
  const [tagging, setTagging] = useState(false);
  const visible = snapshot.selectionVersion >= 0 && hasSelection(workspace);

  useEffect(() => {
    if (!visible) setTagging(false);
  }, [visible]);

  // Typing elsewhere — a text field in a panel, the margin, the find bar — ends the reader's
  // selection, so the toolbar leaves instead of floating over the text (its own tag field
  // is the exception: that is where the selection is being tagged).
  useEffect(() => {
    if (!visible) return undefined;
    const onFocusIn = (event: FocusEvent): void => {
      const target = event.target;
      if (!isTextField(target) || toolbar.current?.contains(target) === true) return;
      const reader = workspace.reader();
      if (reader === null || reader.view.isDestroyed || reader.view.state.selection.empty) return;
      const { state } = reader.view;
      reader.view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, state.selection.to)));
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [visible, workspace]);

  useEffect(() => {
    const element = toolbar.current;
    const reader = workspace.reader();
    if (!visible || element === null || reader === null) return undefined;
    const place = (): void => {
      const { from, to } = reader.view.state.selection;
      const start = reader.view.coordsAtPos(from);
      const end = reader.view.coordsAtPos(to);
      const height = element.offsetHeight;
      const selectionTop = Math.min(start.top, end.top);
      const selectionBottom = Math.max(start.bottom, end.bottom);
      const roomAbove = selectionTop - EDGE;
      const roomBelow = window.innerHeight - EDGE - selectionBottom;
      const needed = height + OFFSET + (tagging ? LIST_ROOM : 0);
      const above = roomAbove >= needed || roomAbove >= roomBelow;
      const wanted = above ? selectionTop - height - OFFSET : selectionBottom + OFFSET;
      const top = Math.max(EDGE, Math.min(wanted, window.innerHeight - height - EDGE));
      const left = Math.max(EDGE, Math.min((start.left + end.left) / 2 - element.offsetWidth / 2, window.innerWidth - element.offsetWidth - EDGE));
      element.style.left = `${Math.round(left)}px`;
      element.style.top = `${Math.round(top)}px`;
      element.dataset['popupSide'] = above ? 'above' : 'below';
    };
    place();
    reader.scroller.addEventListener('scroll', place, { passive: true });
    return () => reader.scroller.removeEventListener('scroll', place);
  }, [visible, workspace, snapshot.selectionVersion, tagging]);

  const liveTags = useMemo((): TagOption[] => {
    const index = buildTagIndex(workspace.session.doc);
    return [...index.tags.values()].filter((tag) => index.isLive(tag.id)).map((tag) => ({ id: tag.id, name: tag.name }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  }, [workspace, version]);

  if (!visible) return null;
  // Back to the reader, where the selection (or the highlight just made) is, so the keys keep
  // acting on it: the tag field leaves with the toolbar and would leave the keyboard nowhere.
  const backToReader = (): void => workspace.reader()?.view.focus();
  const closeTagEntry = (): void => {
    setTagging(false);
    backToReader();
  };
  return (
    <div className="selection-toolbar" ref={toolbar} role="toolbar" aria-label="Annotate selection" data-testid="selection-toolbar" onMouseDown={(event) => {
      // Keep the reader's selection while clicking buttons (but let the tag input take focus).
      if (!(event.target instanceof HTMLInputElement)) event.preventDefault();
    }}>
      {!tagging ? (
        <>
          <button type="button" className="button" onClick={() => highlightSelection(workspace)}>Highlight</button>
          <button type="button" className="button" onClick={() => setTagging(true)}>Tag…</button>
          <button type="button" className="button" onClick={() => noteCommand(workspace)}>Note</button>
        </>
      ) : (
        <TagTypeahead
          tags={liveTags}
          onApply={(tag) => {
            applyChosenTag(workspace, tag.id);
            backToReader();
          }}
          onCreate={(name) => {
            createAndApplyTag(workspace, name);
            backToReader();
          }}
          onCancel={closeTagEntry}
        />
      )}
    </div>
  );
}
