/**
 * Application-level lifecycle rules that are not about any one window.
 *
 * - Data lives in the OS per-user app data folder under the product name
 *   (Linux `~/.config/Marginalia`, macOS `~/Library/Application Support/Marginalia`,
 *   Windows `%APPDATA%\Marginalia`), the same in development and in installed builds,
 *   because Electron would otherwise derive it from package.json's lower-case `name`.
 * - Closing the last window quits, except on macOS where apps stay in the dock and a
 *   click on the dock icon (`activate`) opens a new window.
 */
import path from 'node:path';

/** Product name; also the name of the user data folder. */
export const PRODUCT_NAME = 'Marginalia';

/** The part of Electron's `app` used here. */
export interface LifecycleAppPort {
  setName(name: string): void;
  getPath(name: 'appData'): string;
  setPath(name: 'userData', value: string): void;
  quit(): void;
  on(event: 'window-all-closed' | 'activate', listener: () => void): unknown;
}

/** Names the app and points `userData` at `<appData>/Marginalia`. Call before `ready`. */
export function setupUserDataFolder(app: LifecycleAppPort): string {
  app.setName(PRODUCT_NAME);
  const userDataPath = path.join(app.getPath('appData'), PRODUCT_NAME);
  app.setPath('userData', userDataPath);
  return userDataPath;
}

/** Installs quit-on-last-window (not on macOS) and reopen-on-activate. */
export function setupWindowLifecycle(
  app: LifecycleAppPort,
  platform: NodeJS.Platform,
  openWindowCount: () => number,
  openWindow: () => void,
): void {
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (openWindowCount() === 0) openWindow();
  });
}
