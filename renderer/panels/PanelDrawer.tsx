/**
 * The side panel with one of the annotation panels: codebook, annotations across the
 * corpus, trash, unanchored highlights. It sits in a column the shell reserves for it
 * (ui/panel-column.ts, layout.css), beside the text rather than over it; the class name
 * `panel-drawer` is kept because tests and styles find it by that name.
 */
import type { AnnotationWorkspace } from '../annotations/workspace.ts';
import type { PanelName } from '../store/ui-state.ts';
import type { LibraryStore } from '../store/library-store.ts';
import { useLibraryArticles } from '../store/use-library-articles.ts';
import { AnnotationsPanel } from './AnnotationsPanel.tsx';
import { CodebookPanel } from './CodebookPanel.tsx';
import { TrashPanel } from './TrashPanel.tsx';
import { UnanchoredPanel } from './UnanchoredPanel.tsx';

const TITLES: Record<PanelName, string> = {
  codebook: 'Codebook',
  annotations: 'Annotations',
  trash: 'Trash',
  unanchored: 'Unanchored highlights',
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
  return (
    <aside className="panel-drawer" aria-label={TITLES[panel]} data-testid={`panel-${panel}`}>
      <header className="panel-drawer__header">
        <h2>{TITLES[panel]}</h2>
        <button type="button" className="button button--quiet" onClick={() => workspace.setPanel(null)} aria-label="Close panel">×</button>
      </header>
      <div className="panel-drawer__body">
        {panel === 'codebook' && <CodebookPanel workspace={workspace} />}
        {panel === 'annotations' && <AnnotationsPanel workspace={workspace} articles={articles} />}
        {panel === 'trash' && <TrashPanel workspace={workspace} articles={articles} />}
        {panel === 'unanchored' && <UnanchoredPanel workspace={workspace} articles={articles} />}
      </div>
    </aside>
  );
}
