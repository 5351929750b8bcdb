import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '#shared/ipc/menu.ts';
import { buildMenuTemplate, setupApplicationMenu } from '../../../electron/main/menu-template.ts';
import { Menu, resetFakeElectron } from '../../helpers/fake-electron.ts';

type Item = MenuItemConstructorOptions;

function flatten(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, isDevelopment = false) {
  const sent: Array<{ command: MenuCommand; target: unknown }> = [];
  const template = buildMenuTemplate({
    platform,
    isDevelopment,
    appName: 'Marginalia',
    onCommand: (command, target) => sent.push({ command, target }),
  });
  return { template, items: flatten(template), sent };
}

function byLabel(items: Item[], label: string): Item {
  const item = items.find((candidate) => candidate.label === label);
  if (item === undefined) throw new Error(`no menu item "${label}"`);
  return item;
}

function click(item: Item, target: unknown): void {
  (item.click as (menuItem: unknown, window: unknown, event: unknown) => void)({}, target, {});
}

describe.each(['linux', 'win32', 'darwin'] as const)('menu on %s', (platform) => {
  it('labels every item except separators', () => {
    for (const item of build(platform, true).items) {
      if (item.type === 'separator') continue;
      expect(item.label, JSON.stringify(item)).toMatch(/\S/);
    }
  });

  it('never gives two items the same accelerator', () => {
    const accelerators = build(platform, true).items.flatMap((item) => (item.accelerator ? [String(item.accelerator)] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('reaches every menu command from some item', () => {
    const { items, sent } = build(platform);
    for (const item of items) if (item.click) click(item, 'window');
    expect(new Set(sent.map((entry) => entry.command))).toEqual(new Set(MENU_COMMANDS));
  });

  it('has the File, Edit, View and Help menus in order', () => {
    const labels = build(platform).template.map((menu) => menu.label);
    const expected = platform === 'darwin' ? ['Marginalia', 'File', 'Edit', 'View', 'Window', 'Help'] : ['File', 'Edit', 'View', 'Help'];
    expect(labels).toEqual(expected);
  });
});

describe('menu items', () => {
  const { items, sent } = build('linux');

  it.each<[string, string | undefined, MenuCommand]>([
    ['Projects…', 'Shift+CmdOrCtrl+P', 'projects'],
    ['New Project…', 'CmdOrCtrl+N', 'new-project'],
    ['Open Project File…', 'Shift+CmdOrCtrl+N', 'open-project'],
    ['Save Project…', 'CmdOrCtrl+S', 'save-project'],
    ['Merge Project File…', 'CmdOrCtrl+O', 'merge-project'],
    ['Export…', 'CmdOrCtrl+E', 'export'],
    ['Team Settings…', undefined, 'team-settings'],
    ['Undo', 'CmdOrCtrl+Z', 'undo'],
    ['Redo', 'Shift+CmdOrCtrl+Z', 'redo'],
    ['Find…', 'CmdOrCtrl+F', 'find'],
    ['Find Next', 'CmdOrCtrl+G', 'find-next'],
    ['Find Previous', 'Shift+CmdOrCtrl+G', 'find-previous'],
    ['Search All Articles…', 'Shift+CmdOrCtrl+F', 'search-corpus'],
    ['Library', 'CmdOrCtrl+L', 'show-library'],
    ['Contents', 'CmdOrCtrl+Shift+O', 'toggle-contents'],
  ])('%s has accelerator %s and sends %s to the invoking window', (label, accelerator, command) => {
    const item = byLabel(items, label);
    expect(item.accelerator).toBe(accelerator);
    sent.length = 0;
    click(item, 'the-window');
    expect(sent).toEqual([{ command, target: 'the-window' }]);
  });

  it('puts Team Settings… in the File menu, after Export…', () => {
    const file = build('linux').template.find((menu) => menu.label === 'File');
    const labels = (file?.submenu as Item[]).flatMap((item) => (item.label === undefined ? [] : [item.label]));
    expect(labels.indexOf('Team Settings…')).toBeGreaterThan(labels.indexOf('Export…'));
    expect(labels.indexOf('Export…')).toBeGreaterThanOrEqual(0);
  });

  it('uses roles for clipboard, zoom and quit', () => {
    expect(byLabel(items, 'Cut').role).toBe('cut');
    expect(byLabel(items, 'Copy').role).toBe('copy');
    expect(byLabel(items, 'Paste').role).toBe('paste');
    expect(byLabel(items, 'Select All').role).toBe('selectAll');
    expect(byLabel(items, 'Zoom In').role).toBe('zoomIn');
    expect(byLabel(items, 'Quit')).toMatchObject({ role: 'quit', accelerator: 'Ctrl+Q' });
    expect(byLabel(items, 'About Marginalia').click).toBeTypeOf('function');
  });

  it('follows Windows (Ctrl+Y redo) and macOS (app menu quit) conventions', () => {
    expect(byLabel(build('win32').items, 'Redo').accelerator).toBe('Ctrl+Y');
    const mac = build('darwin').items;
    expect(byLabel(mac, 'Quit Marginalia')).toMatchObject({ role: 'quit', accelerator: 'Command+Q' });
    expect(mac.some((item) => item.label === 'Quit')).toBe(false);
  });

  it('offers Reload and developer tools only in development', () => {
    expect(items.some((item) => item.role === 'reload' || item.role === 'toggleDevTools')).toBe(false);
    const dev = build('linux', true).items;
    expect(byLabel(dev, 'Reload')).toMatchObject({ role: 'reload', accelerator: 'CmdOrCtrl+R' });
    expect(byLabel(dev, 'Toggle Developer Tools').role).toBe('toggleDevTools');
  });

  it('setupApplicationMenu installs the built template', () => {
    resetFakeElectron();
    setupApplicationMenu(Menu, { platform: 'linux', isDevelopment: false, appName: 'Marginalia', onCommand: () => {} });
    expect((Menu.applicationMenu?.template as Item[]).map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });
});
