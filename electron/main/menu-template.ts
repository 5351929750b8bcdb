/**
 * The native application menu, as a pure function of platform and build mode.
 *
 * Items the renderer implements (find, undo, project files, panels, about) carry a
 * `MenuCommand` and call `onCommand` with it and the window they were invoked on;
 * clipboard, zoom, full screen and quit use Electron roles. Accelerators follow each
 * platform's conventions (Ctrl+Y redo on Windows, app menu on macOS) and never collide:
 * tests check every item's label and accelerator.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '#shared/ipc/contract.ts';

/** Receives a menu command and the window it was invoked on (undefined if none was focused). */
export type MenuCommandSink = (command: MenuCommand, targetWindow: unknown) => void;

/** What the menu depends on. */
export interface MenuTemplateOptions {
  /** `process.platform`. */
  readonly platform: NodeJS.Platform;
  /** Adds Reload and Developer Tools when true (unpackaged builds). */
  readonly isDevelopment: boolean;
  /** Display name of the app, used in the macOS app menu and About. */
  readonly appName: string;
  readonly onCommand: MenuCommandSink;
}

type Item = MenuItemConstructorOptions;

const separator: Item = { type: 'separator' };

/** The menu template for `options.platform`. */
export function buildMenuTemplate(options: MenuTemplateOptions): Item[] {
  const { platform, isDevelopment, appName, onCommand } = options;
  const isMac = platform === 'darwin';
  const command = (label: string, menuCommand: MenuCommand, accelerator?: string): Item => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: (_item, targetWindow) => onCommand(menuCommand, targetWindow),
  });
  const about = command(`About ${appName}`, 'about');

  const appMenu: Item = {
    label: appName,
    submenu: [
      about,
      separator,
      { label: 'Services', role: 'services' },
      separator,
      { label: `Hide ${appName}`, role: 'hide', accelerator: 'Command+H' },
      { label: 'Hide Others', role: 'hideOthers', accelerator: 'Command+Alt+H' },
      { label: 'Show All', role: 'unhide' },
      separator,
      { label: `Quit ${appName}`, role: 'quit', accelerator: 'Command+Q' },
    ],
  };

  const fileMenu: Item = {
    label: 'File',
    submenu: [
      // The projects on this computer: the switcher lists, renames, removes and restores them.
      command('Projects…', 'projects', 'Shift+CmdOrCtrl+P'),
      command('New Project…', 'new-project', 'CmdOrCtrl+N'),
      // Opening makes the file a project of its own; merging (below) brings it into the
      // current project (a CRDT merge, the same result as syncing).
      { ...command('Open Project File…', 'open-project', 'Shift+CmdOrCtrl+N'), toolTip: 'Opens a project file as a project of its own on this computer.' },
      separator,
      command('Save Project…', 'save-project', 'CmdOrCtrl+S'),
      { ...command('Merge Project File…', 'merge-project', 'CmdOrCtrl+O'), toolTip: 'Merges a project file into the current project; nothing is replaced.' },
      separator,
      command('Export…', 'export', 'CmdOrCtrl+E'),
      separator,
      // No accelerator: joining or leaving a team is rare, and no platform convention fits.
      command('Team Settings…', 'team-settings'),
      separator,
      isMac
        ? { label: 'Close Window', role: 'close', accelerator: 'Command+W' }
        : { label: 'Quit', role: 'quit', accelerator: 'Ctrl+Q' },
    ],
  };

  const editMenu: Item = {
    label: 'Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z'),
      command('Redo', 'redo', platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z'),
      separator,
      { label: 'Cut', role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { label: 'Copy', role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { label: 'Paste', role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { label: 'Select All', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
      separator,
      command('Find…', 'find', 'CmdOrCtrl+F'),
      command('Find Next', 'find-next', 'CmdOrCtrl+G'),
      command('Find Previous', 'find-previous', 'Shift+CmdOrCtrl+G'),
      command('Search All Articles…', 'search-corpus', 'Shift+CmdOrCtrl+F'),
    ],
  };

  const developerItems: Item[] = isDevelopment
    ? [
        separator,
        { label: 'Reload', role: 'reload', accelerator: 'CmdOrCtrl+R' },
        { label: 'Toggle Developer Tools', role: 'toggleDevTools', accelerator: isMac ? 'Alt+Command+I' : 'Ctrl+Shift+I' },
      ]
    : [];

  const viewMenu: Item = {
    label: 'View',
    submenu: [
      command('Library', 'show-library', 'CmdOrCtrl+L'),
      command('Contents', 'toggle-contents', 'CmdOrCtrl+Shift+O'),
      separator,
      { label: 'Actual Size', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { label: 'Zoom In', role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
      { label: 'Zoom Out', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      separator,
      { label: 'Toggle Full Screen', role: 'togglefullscreen', accelerator: isMac ? 'Ctrl+Command+F' : 'F11' },
      ...developerItems,
    ],
  };

  const windowMenu: Item = { label: 'Window', role: 'windowMenu' };
  const helpMenu: Item = { label: 'Help', role: 'help', submenu: [about] };

  return isMac
    ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu, helpMenu]
    : [fileMenu, editMenu, viewMenu, helpMenu];
}

/** The part of Electron's `Menu` that installs the application menu. */
export interface MenuPort<M> {
  buildFromTemplate(template: Item[]): M;
  setApplicationMenu(menu: M | null): void;
}

/** Builds the template and installs it as the application menu. */
export function setupApplicationMenu<M>(menu: MenuPort<M>, options: MenuTemplateOptions): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate(options)));
}
