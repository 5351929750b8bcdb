/**
 * Menu domain of the IPC contract: the commands the native menu forwards to the renderer.
 *
 * The menu lives in the main process but most of its items act on renderer state (find,
 * undo, saving the project); those items send one of these commands to the focused
 * window. The list is data so the preload can refuse anything else.
 */
import { describeType, invalid, valid, type Validation } from './validation.ts';

/** Every command the menu can send to the renderer. */
export const MENU_COMMANDS = [
  'find',
  'find-next',
  'find-previous',
  'search-corpus',
  'show-library',
  'toggle-contents',
  'undo',
  'redo',
  'projects',
  'new-project',
  'open-project',
  'save-project',
  'merge-project',
  'export',
  'team-settings',
  'about',
] as const;

/** A command sent from the native menu (or a window shortcut) to the renderer. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

const menuCommandSet: ReadonlySet<string> = new Set(MENU_COMMANDS);

/** True when `value` is one of {@link MENU_COMMANDS}. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && menuCommandSet.has(value);
}

/** Validates a menu command payload. */
export function validateMenuCommand(payload: unknown): Validation<MenuCommand> {
  if (isMenuCommand(payload)) return valid(payload);
  const shown = typeof payload === 'string' ? `"${payload.slice(0, 40)}"` : describeType(payload);
  return invalid(`Unknown menu command ${shown}; expected one of ${MENU_COMMANDS.join(', ')}.`);
}
