/**
 * Whether a side panel (codebook, annotations, trash, unanchored) is open, told to the
 * shell so it can give the panel a column of its own instead of letting it cover the text.
 *
 * The panel itself is rendered by the annotations gate, above the screens, so it keeps
 * its state (filters, scroll) when a jump from the panel opens another article and the
 * screen under it is replaced; the shell only reserves the room. Both sides size that
 * room with the same token (`--panel-width` in theme.css), so they cannot disagree.
 */
import { createContext } from 'react';

/**
 * Windows this narrow (layout.css, the same width) have no room for the contents, the text,
 * the margin notes and a panel side by side: the contents start hidden, and an open panel
 * stands where the margin notes were.
 */
export const NARROW_WINDOW_QUERY = '(max-width: 1100px)';

/** Whether an open panel covers the margin notes' column in this window now. */
export function panelCoversMargin(): boolean {
  return typeof matchMedia === 'function' && matchMedia(NARROW_WINDOW_QUERY).matches;
}

/** True while a side panel is open; the shell then reserves the panel's column. */
export const PanelColumnContext = createContext<boolean>(false);
