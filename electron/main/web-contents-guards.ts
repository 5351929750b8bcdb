/**
 * Guards on every page the app shows: it stays on the app origin and opens nothing new.
 *
 * - Navigation (any frame) and redirects to anything but `app://marginalia/...` are
 *   cancelled; a link to an article's https source goes to the system browser instead.
 * - `window.open` and `target=_blank` never create a window; https targets are handed to
 *   the system browser, everything else is dropped.
 * - `<webview>` elements are refused even though `webviewTag` is already off.
 */
import { isAppUrl } from './app-origin.ts';
import type { WebContentsPort } from './electron-ports.ts';

/** Opens a URL outside the app if it is allowed to (see external-links.ts). */
export type ExternalOpener = (url: string) => Promise<boolean>;

/** Installs navigation, window-open and webview guards on a page. */
export function guardWebContents(contents: WebContentsPort, openExternal: ExternalOpener): void {
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    void openExternal(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    void openExternal(details.url);
    return { action: 'deny' };
  });
}
