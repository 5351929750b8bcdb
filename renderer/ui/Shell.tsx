/**
 * The application frame: top bar, left sidebar, centre pane, right margin column, status
 * bar — each a landmark. Screens fill the slots; the frame itself holds no state, so the
 * side panels (codebook, annotations) are added by filling or splitting slots, not by
 * rewriting the layout. The margin column holds the notes aligned with highlights.
 *
 * "Marginalia" at the start of the top bar is a link home, to the library, from every screen.
 *
 * When a side panel is open (PanelColumnContext), the grid gives it a column of its own at
 * the right, so the reader column shrinks and reflows instead of being covered. The margin
 * notes stay beside the text, since a panel and the notes are used together (writing a
 * note while the Annotations panel lists the others); below 1600 px wide windows the
 * sidebar steps aside for the panel instead, as there is not room for sidebar, a readable
 * text column, notes and a panel at once; from 1600 px all four fit (see layout.css).
 *
 * The right end of the top bar (the team corner) comes from TopBarEndContext, provided by
 * the app root, so this frame imports no feature folder.
 */
import { useContext, type ReactNode } from 'react';
import { PanelColumnContext } from './panel-column.ts';
import { TopBarEndContext } from './top-bar-end.ts';

/** Props of {@link Shell}. */
export interface ShellProps {
  /** What is open, shown after the app name (e.g. the article's title). */
  readonly context?: ReactNode;
  /** Controls on the right of the top bar. */
  readonly actions?: ReactNode;
  readonly sidebar: ReactNode;
  readonly sidebarLabel: string;
  readonly sidebarHidden?: boolean;
  readonly main: ReactNode;
  readonly mainLabel: string;
  /** Content of the margin column; omit for an empty (reserved) margin. */
  readonly margin?: ReactNode;
  /** False on screens without a text to annotate (the library): the centre takes the room. */
  readonly marginShown?: boolean;
  readonly status: ReactNode;
}

/**
 * Where "Marginalia" in the top bar leads: the library's route, the same as app/routes.ts's
 * `libraryHref()` (a unit test holds them equal; ui/ may not import app/).
 */
export const HOME_HREF = '#/';

/** The layout frame. */
export function Shell({ context, actions, sidebar, sidebarLabel, sidebarHidden = false, main, mainLabel, margin, marginShown = true, status }: ShellProps) {
  const panelOpen = useContext(PanelColumnContext);
  const topBarEnd = useContext(TopBarEndContext);
  return (
    <div className={`shell${sidebarHidden ? ' shell--sidebar-hidden' : ''}${marginShown ? '' : ' shell--no-margin'}${panelOpen ? ' shell--panel-open' : ''}`}>
      <a className="skip-link" href="#main-pane">Skip to content</a>
      <header className="top-bar">
        <a className="top-bar__app" href={HOME_HREF} title="Library">Marginalia</a>
        {context !== undefined && <span className="top-bar__context">{context}</span>}
        <span className="top-bar__actions">{actions}</span>
        {topBarEnd}
      </header>
      <nav className="sidebar" aria-label={sidebarLabel} hidden={sidebarHidden}>
        {sidebar}
      </nav>
      <main className="main-pane" id="main-pane" aria-label={mainLabel} tabIndex={-1}>
        {main}
      </main>
      {marginShown && (
        <aside className="margin-column" aria-label="Margin notes">
          {margin}
        </aside>
      )}
      <footer className="status-bar">
        {status}
      </footer>
    </div>
  );
}
