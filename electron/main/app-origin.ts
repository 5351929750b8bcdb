/**
 * The one origin the desktop UI is served from: `app://marginalia`.
 *
 * IndexedDB, and with it every teammate's offline work, is keyed by origin, so this is
 * chosen once and never changed. Security checks (navigation, IPC sender, permissions)
 * all ask the same question — "is this URL our UI?" — through {@link isAppUrl}.
 */

/** Custom scheme of the UI, registered as standard and secure before the app is ready. */
export const APP_SCHEME = 'app';
/** Host part of every UI URL. */
export const APP_HOST = 'marginalia';
/** Origin of the UI (`app://marginalia`). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page a window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Parses a URL, returning null instead of throwing on malformed input. */
export function parseUrl(candidate: string): URL | null {
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}

/** True when `candidate` is a URL on the UI origin (scheme, host, no credentials or port). */
export function isAppUrl(candidate: string): boolean {
  const url = parseUrl(candidate);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
