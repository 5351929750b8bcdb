/**
 * The side panel with one of the annotation panels: codebook, annotations across the
 * corpus, trash, unanchored highlights. It sits in a column the shell reserves for it
 * (ui/panel-column.ts, layout.css), beside the text rather than over it; the class name
 * `panel-drawer` is kept because tests and styles find it by that name.
 *
 * Opening a panel moves focus into it (its first field, else its heading), so a keyboard
 * user lands where the panel's work starts; Escape (one a control inside has not already
 * used) or × closes it and focuses again what had focus when it opened (the top-bar
 * button, or the article). When the focused control leaves the page with what it acted on
 * (a restored highlight's row, a deleted tag's), the panel's heading takes the focus, so
 * the keyboard is not left on the page's body, where Escape and Tab reach nothing of it.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import type { PanelName } from '../store/ui-state.ts';
import type { LibraryStore } from '../store/library-store.ts';
import { useLibraryArticles, useReplacedDocuments } from '../store/use-library-articles.ts';
import { firstTabStopWithin } from '../ui/use-focus-trap.ts';
import { useFocusFallback } from '../ui/use-focus-fallback.ts';
import { AnalysisPanel } from '../analysis/AnalysisPanel.tsx';
import { AnnotationsPanel } from './AnnotationsPanel.tsx';
import { CodebookPanel } from './CodebookPanel.tsx';
import { TrashPanel } from './TrashPanel.tsx';
import { UnanchoredPanel } from './UnanchoredPanel.tsx';

const TITLES: Record<PanelName, string> = {
  codebook: 'Codebook',
  annotations: 'Annotations',
  trash: 'Trash',
  unanchored: 'Unanchored highlights',
  analysis: 'Analysis',
};

/** Props of {@link PanelDrawer}. */
export interface PanelDrawerProps {
  readonly workspace: AnnotationWorkspace;
  readonly panel: PanelName;
  /** The library (document titles, and the texts unanchored highlights are checked against). */
  readonly library: LibraryStore;
}

/** The side panel. */
export function PanelDrawer({ workspace, panel, library }: PanelDrawerProps) {
  const articles = useLibraryArticles(library);
  const replaced = useReplacedDocuments(library);
  const drawer = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const active = document.activeElement;
    if (!(drawer.current?.contains(active) ?? false)) opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    const field = body.current === null ? undefined : firstTabStopWithin(body.current, 'input, select, textarea');
    (field ?? heading.current)?.focus();
  }, [panel]);

  useFocusFallback(drawer, heading);

  const close = (): void => {
    workspace.setPanel(null);
    if (opener.current?.isConnected ?? false) opener.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    close();
  };

  return (
    <aside ref={drawer} className="panel-drawer" aria-label={TITLES[panel]} data-testid={`panel-${panel}`} onKeyDown={onKeyDown}>
      <header className="panel-drawer__header">
        <h2 ref={heading} tabIndex={-1}>{TITLES[panel]}</h2>
        <button type="button" className="button button--quiet" onClick={close} aria-label="Close panel">×</button>
      </header>
      <div ref={body} className="panel-drawer__body">
        {panel === 'codebook' && <CodebookPanel workspace={workspace} />}
        {panel === 'annotations' && <AnnotationsPanel workspace={workspace} articles={articles} />}
        {panel === 'trash' && <TrashPanel workspace={workspace} articles={articles} />}
        {panel === 'unanchored' && <UnanchoredPanel workspace={workspace} articles={articles} replaced={replaced} />}
        {panel === 'analysis' && <AnalysisPanel workspace={workspace} articles={articles} />}
      </div>
    </aside>
  );
}
