/**
 * Permission policy for the UI's session: deny, with two narrow exceptions.
 *
 * The UI needs no camera, microphone, location, notifications, MIDI, HID or the like, so
 * every permission request and check is refused. Two are granted, and only to a page on
 * the app origin:
 * - local network access (`local-network-access`, `local-network`, `loopback-network`):
 *   Chromium is starting to gate requests to private addresses behind these, and the team
 *   sync server usually runs on the lab's network or on this machine;
 * - `clipboard-sanitized-write`: write-only clipboard, used to copy an invite link.
 */
import { isAppUrl } from './app-origin.ts';

/** The part of Electron's `Session` that installs permission handlers. */
export interface PermissionSessionPort {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string, details: { requestingUrl?: string }) => boolean,
  ): void;
}

/** Permissions granted to the app origin; everything else is denied everywhere. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set([
  'local-network-access',
  'local-network',
  'loopback-network',
  'clipboard-sanitized-write',
]);

/** Whether `permission` may be used by a page at `requestingUrl` (an origin or full URL). */
export function isPermissionGranted(permission: string, requestingUrl: string | undefined): boolean {
  if (requestingUrl === undefined || !isAppUrl(requestingUrl)) return false;
  return GRANTED_PERMISSIONS.has(permission);
}

/** Installs the deny-by-default request and check handlers on a session. */
export function setupPermissionHandlers(session: PermissionSessionPort): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted(permission, details.requestingUrl ?? requestingOrigin),
  );
}
