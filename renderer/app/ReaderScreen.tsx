/**
 * The reading screen: the shell filled with the library list and table of contents
 * (sidebar), the reader (centre), the reserved margin column and the selection status.
 * Holds the state shared between those regions (selection, current section, whether the
 * contents are shown — the Contents button is pressed exactly when they are on screen; in a
 * narrow window they start hidden, leaving the room to the text and the margin notes).
 *
 * It composes the reader with annotations, which the reader itself knows nothing of: once
 * the annotation workspace is available (after first run and loading), it hands the reader
 * `attachAnnotations` for each view it creates, and the selection toolbar and the highlight
 * popover for its page.
 */
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { Article, OutlineEntry } from '#shared/documents/article.ts';
import type { LibraryEntry } from '../services/documents.ts';
import type { ReadingPositionStore } from '../services/reading-positions.ts';
import type { CommandBus } from '../store/command-bus.ts';
import { attachAnnotations } from '../annotations/attach-annotations.ts';
import { useOptionalWorkspace } from '../annotations/use-workspace.ts';
import { documentMemoTabSubject, MEMOS_TAB } from '../analysis/memo-subjects.ts';
import { LibraryNav } from '../library/LibraryNav.tsx';
import { MarginColumn } from '../margin/MarginColumn.tsx';
import { ViewFilterMenu } from '../analysis/ViewFilterMenu.tsx';
import { ProjectMenu } from '../panels/ProjectMenu.tsx';
import { Contents } from '../reader/Contents.tsx';
import { ReaderView, type ReaderHandle } from '../reader/ReaderView.tsx';
import { describeTextRange, type TextRange } from '../reader/selection.ts';
import { SelectionToolbar } from '../annotations/SelectionToolbar.tsx';
import { HighlightPopover } from '../annotations/HighlightPopover.tsx';
import { useAfterPaintSetter } from '../reader/use-after-paint-setter.ts';
import { Shell } from '../ui/Shell.tsx';
import { NARROW_WINDOW_QUERY, PanelColumnContext } from '../ui/panel-column.ts';
import { useMediaQuery } from '../ui/use-media-query.ts';

/** Below this width an open side panel takes the sidebar's place (layout.css says the same). */
const PANEL_REPLACES_SIDEBAR = '(max-width: 1599.98px)';

/** Props of {@link ReaderScreen}. */
export interface ReaderScreenProps {
  readonly article: Article;
  readonly entries: readonly LibraryEntry[];
  readonly positions: ReadingPositionStore;
  readonly commands: CommandBus;
}

/** Reader with its sidebar, margin and status bar. */
export function ReaderScreen({ article, entries, positions, commands }: ReaderScreenProps) {
  const annotations = useOptionalWorkspace();
  // The status bar's selection follows after the frame that paints a selection change, so a
  // key press that creates a highlight does not re-render the whole screen inside that frame.
  const [selection, setSelection] = useState<TextRange | null>(null);
  const onSelectionChange = useAfterPaintSetter(setSelection);
  const [activeSection, setActiveSection] = useState(-1);
  const [handle, setHandle] = useState<ReaderHandle | null>(null);
  // Shown unless hidden with the Contents button; in a narrow window hidden until shown with it.
  const narrow = useMediaQuery(NARROW_WINDOW_QUERY);
  const [contentsChoice, setContentsChoice] = useState<'auto' | 'shown' | 'hidden'>('auto');
  const contentsHidden = contentsChoice === 'auto' ? narrow : contentsChoice === 'hidden';
  // Below 1600 px an open panel stands where the contents were: the Contents button is then
  // not pressed, and pressing it closes the panel so the contents come back.
  const panelOpen = useContext(PanelColumnContext);
  const panelReplacesContents = useMediaQuery(PANEL_REPLACES_SIDEBAR) && panelOpen;
  const contentsShown = !contentsHidden && !panelReplacesContents;
  const shown = useRef(contentsShown);
  shown.current = contentsShown;
  const replaced = useRef(panelReplacesContents);
  replaced.current = panelReplacesContents;

  useEffect(() => commands.subscribe((command) => {
    if (command !== 'toggle-contents') return;
    if (replaced.current && annotations !== null) {
      annotations.setPanel(null);
      setContentsChoice('shown');
    } else {
      setContentsChoice(shown.current ? 'hidden' : 'shown');
    }
  }), [commands, annotations]);

  // Stable per workspace and article: a new function makes the reader detach and attach again.
  const attachToView = useMemo(
    () => (annotations === null ? undefined : (view: EditorView, scroller: HTMLElement, onScreen: boolean) => attachAnnotations(annotations, view, article, scroller, onScreen)),
    [annotations, article],
  );

  const onSelect = useCallback((entry: OutlineEntry, index: number) => {
    handle?.scrollToHeading(entry);
    setActiveSection(index);
  }, [handle]);

  const id = article.meta.id;
  return (
    <Shell
      context={<span className="top-bar__title" title={article.meta.title}>{article.meta.title}</span>}
      actions={(
        <>
          <button type="button" className="button button--quiet" onClick={() => commands.emit('toggle-contents')} aria-pressed={contentsShown}>Contents</button>
          <button type="button" className="button button--quiet" onClick={() => commands.emit('find')}>Find</button>
          <ProjectMenu commands={commands} />
        </>
      )}
      sidebarLabel="Library and contents"
      sidebarHidden={contentsHidden}
      sidebar={(
        <>
          <LibraryNav entries={entries} currentId={id} />
          {annotations !== null && (
            <button type="button" className="button button--quiet sidebar__memo" onClick={() => annotations.openAnalysis(MEMOS_TAB, documentMemoTabSubject(id))}>Document memo</button>
          )}
          <h2 className="sidebar__heading" id="contents-heading">Contents</h2>
          <Contents outline={article.outline} activeIndex={activeSection} onSelect={onSelect} />
        </>
      )}
      mainLabel={`Article: ${article.meta.title}`}
      margin={annotations === null ? undefined : <MarginColumn />}
      main={(
        <ReaderView
          key={id}
          article={article}
          positions={positions}
          subscribeCommands={commands.subscribe}
          onSelectionChange={onSelectionChange}
          onActiveSectionChange={setActiveSection}
          onReady={setHandle}
          attachToView={attachToView}
          pageOverlay={annotations === null ? null : <><SelectionToolbar /><HighlightPopover /></>}
        />
      )}
      status={(
        <>
          {annotations !== null && <ViewFilterMenu workspace={annotations} />}
          <span
            className="status-bar__selection"
            data-testid="selection-status"
            data-selection-start={selection?.start ?? ''}
            data-selection-end={selection?.end ?? ''}
            aria-live="polite"
          >
            {selection === null ? 'No selection' : describeTextRange(selection)}
          </span>
          <span className="status-bar__spacer" />
          <span className="status-bar__meta">{article.text.length.toLocaleString('en')} characters · {article.outline.length} sections</span>
        </>
      )}
    />
  );
}
