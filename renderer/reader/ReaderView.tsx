/**
 * The reading pane for one article: title block, find bar and the ProseMirror view inside
 * one scroll container. The EditorView is created once per article (the owner keys this
 * component by document id) and destroyed on unmount; React renders never touch it.
 *
 * Reports upwards what other regions show — selection offsets (status bar), the current
 * section (table of contents) — and hands its owner a small imperative handle for actions
 * that start elsewhere (clicking a contents entry).
 *
 * It knows nothing of annotations: the screen that composes it passes `attachToView`, called
 * with each new view, or with the current one when it changes (to add plugins, e.g.
 * highlights, and register the view), and undone before the view is destroyed or another
 * attaches, and `pageOverlay`, rendered on the page after the text (e.g. the selection
 * toolbar).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Article, OutlineEntry } from '#shared/documents/article.ts';
import { afterNextFrame } from '../services/event-loop.ts';
import type { MenuCommand } from '../services/platform.ts';
import type { ReadingPositionStore } from '../services/reading-positions.ts';
import { clearFind, setFindQuery, stepFindMatch, type FindState } from './find-plugin.ts';
import { FindBar } from './FindBar.tsx';
import { createReaderEditor } from './reader-editor.ts';
import type { TextRange } from './selection.ts';
import { TitleBlock } from './TitleBlock.tsx';
import { skipOffscreenBlocksAfterPaint } from './offscreen-blocks.ts';
import { activeOutlineIndex, scrollToNode, scrollToOffset, topVisibleOffset, visibleProgress } from './viewport.ts';

/** Actions other regions can ask of the reader. */
export interface ReaderHandle {
  /** Scrolls the heading of `entry` to the top and puts the caret there. */
  scrollToHeading(entry: OutlineEntry): void;
}

/** Props of {@link ReaderView}. */
export interface ReaderViewProps {
  readonly article: Article;
  readonly positions: ReadingPositionStore;
  /** Subscribes to app commands (menu or shortcuts); returns an unsubscribe. */
  subscribeCommands(listener: (command: MenuCommand) => void): () => void;
  onSelectionChange(range: TextRange | null): void;
  onActiveSectionChange(index: number): void;
  onReady(handle: ReaderHandle | null): void;
  /**
   * Called with each new editor view and its scroll container, and with the current view
   * when this changes (`onScreen` true: the view has been shown already); returns what
   * undoes it, run before the view is destroyed or the next one attaches. Keep it stable (a
   * new function detaches and attaches again).
   */
  readonly attachToView?: (view: EditorView, scroller: HTMLElement, onScreen: boolean) => () => void;
  /** Rendered on the page after the article text. */
  readonly pageOverlay?: ReactNode;
}

const SAVE_DELAY_MS = 250;

/** The reading pane. */
export function ReaderView({ article, positions, subscribeCommands, onSelectionChange, onActiveSectionChange, onReady, attachToView, pageOverlay }: ReaderViewProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const mount = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  /** Undoes `attachToView` on the current view. */
  const detach = useRef<(() => void) | null>(null);
  /** True from the view's creation until the end of that commit's effects (not yet shown). */
  const viewIsNew = useRef(false);
  /** The article's editor once created (a frame after the pane): what attaching waits for. */
  const [view, setView] = useState<EditorView | null>(null);
  const [findOpen, setFindOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [find, setFind] = useState<FindState | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  // Latest callbacks, read by the long-lived editor and listeners without re-creating them.
  const callbacks = useRef({ onSelectionChange, onActiveSectionChange });
  callbacks.current = { onSelectionChange, onActiveSectionChange };

  const saveNow = useCallback(() => {
    const view = viewRef.current;
    const container = scroller.current;
    if (view === null || container === null) return;
    positions.record(article.meta.id, topVisibleOffset(view, container, article.textMap), visibleProgress(view, container, article.textMap));
  }, [article, positions]);

  // Leaving the article saves where the reader is, even within the save delay of the last
  // scroll: a layout effect's cleanup runs while the text is still in the page (a passive
  // effect's runs after React has removed it and cleared the refs).
  useLayoutEffect(() => saveNow, [saveNow]);

  // Create the editor once per article, a frame after the pane around it: the pane's render
  // and the article's text with its first full layout would otherwise share one long frame
  // (the click that opened it, 35–70 ms at 10,000 highlights). Then restore the reading
  // position and track scrolling.
  useEffect(() => {
    const host = mount.current;
    const container = scroller.current;
    if (host === null || container === null) return undefined;
    let teardown: (() => void) | null = null;
    let cancelled = false;
    void afterNextFrame().then(() => {
      if (!cancelled) teardown = openEditor(host, container);
    });
    return () => {
      cancelled = true;
      teardown?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- openEditor reads the same inputs
  }, [article, positions, saveNow, onReady]);

  /** Creates the article's editor in `host`; returns what destroys it. */
  function openEditor(host: HTMLElement, container: HTMLElement): () => void {
    const view = createReaderEditor(host, article, {
      selectionChanged: (range) => callbacks.current.onSelectionChange(range),
      findChanged: setFind,
    });
    viewRef.current = view;
    viewIsNew.current = true;
    const saved = positions.get(article.meta.id);
    if (saved !== null && saved.offset > 0) scrollToOffset(view, container, article.textMap, saved.offset);
    else container.scrollTop = 0;

    const stopSkipping = skipOffscreenBlocksAfterPaint(container);

    let frame = 0;
    let saveTimer = 0;
    const onScroll = (): void => {
      if (frame === 0) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          callbacks.current.onActiveSectionChange(activeOutlineIndex(view, container, article.outline));
        });
      }
      window.clearTimeout(saveTimer);
      saveTimer = window.setTimeout(saveNow, SAVE_DELAY_MS);
    };
    container.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', saveNow);
    callbacks.current.onActiveSectionChange(activeOutlineIndex(view, container, article.outline));
    // Recorded as after a scroll, not in the task that shows the article (measuring the blocks
    // on screen there took 2–13 ms); leaving the article records it at once in any case.
    saveTimer = window.setTimeout(saveNow, SAVE_DELAY_MS);
    // Committed at once, so whatever attaches to the view does so before its first frame.
    flushSync(() => setView(view));
    onReady({
      scrollToHeading(entry) {
        scrollToNode(view, container, entry.pos);
        const caret = TextSelection.create(view.state.doc, entry.pos + 1);
        view.dispatch(view.state.tr.setSelection(caret));
        (view.dom as HTMLElement).focus({ preventScroll: true });
      },
    });
    return () => {
      container.removeEventListener('scroll', onScroll);
      window.removeEventListener('pagehide', saveNow);
      cancelAnimationFrame(frame);
      window.clearTimeout(saveTimer);
      saveNow();
      stopSkipping();
      onReady(null);
      detach.current?.();
      detach.current = null;
      view.destroy();
      viewRef.current = null;
      setView(null);
    };
  }

  // Attach whatever the composing screen plugs in to the view of the article, without
  // rebuilding it: annotations arrive once the project has loaded, and a reader who
  // selected or scrolled meanwhile keeps their selection and place. A new article's view is
  // attached in the task that creates it (committed with flushSync), before its first frame.
  useEffect(() => {
    const container = scroller.current;
    const onScreen = !viewIsNew.current;
    viewIsNew.current = false;
    if (attachToView === undefined || view === null || view.isDestroyed || container === null) return undefined;
    detach.current = attachToView(view, container, onScreen);
    return () => {
      detach.current?.();
      detach.current = null;
    };
  }, [view, attachToView]);

  const revealCurrentMatch = useCallback(() => {
    const current = viewRef.current?.dom.querySelector('.find-match-current');
    current?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, []);

  const runQuery = useCallback((next: string) => {
    setQuery(next);
    const view = viewRef.current;
    const container = scroller.current;
    if (view === null || container === null) return;
    // Refining a query keeps the current match if it still matches; a new search starts at the reading position.
    const current = find?.matches[find.current];
    const near = current?.start ?? topVisibleOffset(view, container, article.textMap);
    view.dispatch(setFindQuery(view.state, next, near));
    revealCurrentMatch();
  }, [article, find, revealCurrentMatch]);

  // A search typed in the frame before the article's editor existed runs once it does.
  useEffect(() => {
    if (view !== null && findOpen && query !== '' && find?.query !== query) runQuery(query);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the editor arrives
  }, [view]);

  const step = useCallback((direction: 1 | -1) => {
    const view = viewRef.current;
    if (view === null) return;
    view.dispatch(stepFindMatch(view.state, direction));
    revealCurrentMatch();
  }, [revealCurrentMatch]);

  const closeFind = useCallback(() => {
    setFindOpen(false);
    const view = viewRef.current;
    if (view === null) return;
    const state = find;
    const current = state?.matches[state.current];
    const tr = clearFind(view.state);
    // Like a browser's find, leave the current match selected so the reader can act on it.
    if (current !== undefined) tr.setSelection(TextSelection.create(view.state.doc, current.from, current.to));
    view.dispatch(tr);
    (view.dom as HTMLElement).focus({ preventScroll: true });
  }, [find]);

  useEffect(() => subscribeCommands((command) => {
    if (command === 'find') {
      setFindOpen(true);
      setFocusRequest((count) => count + 1);
      // Closing cleared the matches but kept the query in the field: it is searched again.
      if (query !== '' && find?.query !== query) runQuery(query);
    } else if (command === 'find-next' || command === 'find-previous') {
      if (!findOpen) {
        setFindOpen(true);
        setFocusRequest((count) => count + 1);
      }
      step(command === 'find-next' ? 1 : -1);
    }
  }), [subscribeCommands, step, runQuery, findOpen, query, find]);

  return (
    <div
      className="reader"
      data-document-id={article.meta.id}
      onKeyDown={(event) => {
        // Escape closes the find bar from anywhere in the reader, not only from its field.
        const inFindBar = event.target instanceof Element && event.target.closest('.find-bar') !== null;
        if (event.key === 'Escape' && findOpen && !inFindBar) {
          event.preventDefault();
          closeFind();
        }
      }}
    >
      {findOpen && (
        <FindBar query={query} find={find} focusRequest={focusRequest} onQueryChange={runQuery} onStep={step} onClose={closeFind} />
      )}
      <div className="reader__scroll" ref={scroller} data-testid="reader-scroll">
        <article className="reader__page" aria-label={article.meta.title}>
          <TitleBlock meta={article.meta} doc={article.doc} />
          <div ref={mount} className="reader__text" />
          {pageOverlay}
        </article>
      </div>
    </div>
  );
}
