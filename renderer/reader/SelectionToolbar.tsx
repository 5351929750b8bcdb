/**
 * The small toolbar above a text selection in the reader: Highlight, Tag (type-ahead over
 * the codebook; a new name creates the tag) and Note. Positioned from the selection's
 * coordinates with element.style (CSSOM, allowed by the CSP), fixed to the viewport so it
 * follows scrolling without re-rendering React.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { buildTagIndex } from '#shared/model/tag-index.ts';
import { hasSelection, highlightSelection, noteCommand, tagByNameCommand } from '../annotations/annotation-commands.ts';
import { useDocVersion, useWorkspace, useWorkspaceSnapshot } from '../annotations/use-workspace.ts';

/** Pixels between the toolbar and the selection's top. */
const OFFSET = 8;

/** The selection toolbar (renders nothing without a selection). */
export function SelectionToolbar() {
  const workspace = useWorkspace();
  const snapshot = useWorkspaceSnapshot(workspace);
  const version = useDocVersion(workspace.session.doc);
  const toolbar = useRef<HTMLDivElement>(null);
  const [tagging, setTagging] = useState(false);
  const [name, setName] = useState('');
  const visible = snapshot.selectionVersion >= 0 && hasSelection(workspace);

  useEffect(() => {
    if (!visible) {
      setTagging(false);
      setName('');
    }
  }, [visible]);

  useEffect(() => {
    const element = toolbar.current;
    const reader = workspace.reader();
    if (!visible || element === null || reader === null) return undefined;
    const place = (): void => {
      const { from, to } = reader.view.state.selection;
      const start = reader.view.coordsAtPos(from);
      const end = reader.view.coordsAtPos(to);
      const left = Math.max(8, Math.min((start.left + end.left) / 2 - element.offsetWidth / 2, window.innerWidth - element.offsetWidth - 8));
      const top = Math.max(8, Math.min(start.top, end.top) - element.offsetHeight - OFFSET);
      element.style.left = `${Math.round(left)}px`;
      element.style.top = `${Math.round(top)}px`;
    };
    place();
    reader.scroller.addEventListener('scroll', place, { passive: true });
    return () => reader.scroller.removeEventListener('scroll', place);
  }, [visible, workspace, snapshot.selectionVersion, tagging]);

  const suggestions = useMemo(() => {
    const index = buildTagIndex(workspace.session.doc);
    const needle = name.trim().toLowerCase();
    return [...index.tags.values()]
      .filter((tag) => index.isLive(tag.id) && tag.name.toLowerCase().includes(needle))
      .sort((a, b) => Number(!a.name.toLowerCase().startsWith(needle)) - Number(!b.name.toLowerCase().startsWith(needle)) || a.name.localeCompare(b.name))
      .slice(0, 8);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version stands for the doc's content
  }, [workspace, name, version]);

  if (!visible) return null;
  const submitTag = (event: FormEvent) => {
    event.preventDefault();
    const chosen = name.trim();
    if (chosen === '') return;
    tagByNameCommand(workspace, chosen);
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
        <form className="selection-toolbar__tag" onSubmit={submitTag}>
          <input
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setTagging(false);
            }}
            placeholder="Tag name"
            aria-label="Tag name"
            data-testid="toolbar-tag-input"
           
          />
          <button type="submit" className="button button--primary">{suggestions.some((tag) => tag.name.toLowerCase() === name.trim().toLowerCase()) || name.trim() === '' ? 'Apply' : 'Create tag'}</button>
          <ul className="selection-toolbar__suggestions" role="listbox" aria-label="Matching tags">
            {suggestions.map((tag) => (
              <li key={tag.id} role="option" aria-selected={false}>
                <button type="button" className="button button--quiet" onClick={() => tagByNameCommand(workspace, tag.name)}>
                  <span className={`tag-swatch tag-swatch-${tag.id}`} aria-hidden="true" />{tag.name}
                </button>
              </li>
            ))}
          </ul>
        </form>
      )}
    </div>
  );
}
