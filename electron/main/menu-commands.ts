/**
 * Delivering menu commands to a window's page.
 *
 * Menu items that act on renderer state send a `MenuCommand` over the contract's event
 * channel to the window the user was looking at. F3 / Shift+F3 (the second find-next /
 * find-previous keys on Windows and Linux) cannot be a second accelerator on one menu
 * item, so they are caught before the page sees them and sent the same way.
 */
import { EVENT_CONTRACT, type MenuCommand } from '#shared/ipc/contract.ts';
import type { BrowserWindowPort, KeyInputPort } from './electron-ports.ts';

/** Sends `command` to the page of `window`, unless it is already gone. */
export function sendMenuCommand(window: BrowserWindowPort, command: MenuCommand): void {
  if (window.isDestroyed() || window.webContents.isDestroyed()) return;
  window.webContents.send(EVENT_CONTRACT.onMenuCommand.channel, command);
}

/** The command a key press stands for outside the menu (F3 family), or null. */
export function shortcutCommandFor(input: KeyInputPort): MenuCommand | null {
  if (input.type !== 'keyDown' || input.key !== 'F3' || input.control || input.alt || input.meta) return null;
  return input.shift ? 'find-previous' : 'find-next';
}

/** Forwards the F3 family of shortcuts of `window` as menu commands. */
export function forwardWindowShortcuts(window: BrowserWindowPort): void {
  window.webContents.on('before-input-event', (event, input) => {
    const command = shortcutCommandFor(input);
    if (command === null) return;
    event.preventDefault();
    sendMenuCommand(window, command);
  });
}
