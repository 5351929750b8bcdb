/**
 * Opening links in the system browser, https only.
 *
 * Article sources and help pages are https links. Anything else a page might ask for
 * (`file:`, `javascript:`, custom protocol handlers that launch programs, plain http) is
 * refused: the URL is parsed, not pattern-matched, and only its normalised form is handed
 * to the operating system.
 */
import { parseUrl } from './app-origin.ts';

/** The part of Electron's `shell` module used here. */
export interface ShellPort {
  openExternal(url: string): Promise<void>;
}

/** The normalised URL when `candidate` parses as an https URL with a host and no credentials; otherwise null. */
export function parseHttpsUrl(candidate: string): string | null {
  const url = parseUrl(candidate);
  if (url === null || url.protocol !== 'https:' || url.hostname === '') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** Opens `candidate` in the system browser if it is an https URL; resolves whether it did. */
export async function openExternalSafely(shell: ShellPort, candidate: string): Promise<boolean> {
  const href = parseHttpsUrl(candidate);
  if (href === null) return false;
  try {
    await shell.openExternal(href);
    return true;
  } catch {
    return false;
  }
}
