import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIpcHandlers } from '../../../electron/main/ipc-handlers.ts';
import { app, BrowserWindow, dialog, resetFakeElectron, shell } from '../../helpers/fake-electron.ts';

let folder: string;
let window: BrowserWindow;
const filters = [{ name: 'CSV', extensions: ['csv'] }];

beforeEach(async () => {
  resetFakeElectron();
  folder = await mkdtemp(path.join(tmpdir(), 'marginalia-handlers-'));
  window = new BrowserWindow();
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function handlers() {
  return createIpcHandlers<BrowserWindow>({ app, dialog, shell });
}

describe('appInfo', () => {
  it('reports name, version and the user data folder', async () => {
    app.setName('Marginalia');
    app.setPath('userData', '/home/r/.config/Marginalia');
    expect(await handlers().appInfo(undefined, { window })).toEqual({
      name: 'Marginalia',
      version: '0.1.0',
      userDataPath: '/home/r/.config/Marginalia',
    });
  });
});

describe('saveFile', () => {
  it('asks where to save (parented to the calling window) and writes the chosen file', async () => {
    const target = path.join(folder, 'excerpts.csv');
    dialog.nextSave = { canceled: false, filePath: target };
    const result = await handlers().saveFile({ suggestedName: 'excerpts.csv', content: 'quote,tag\n', filters }, { window });
    expect(result).toEqual({ saved: true, path: target });
    expect(await readFile(target, 'utf8')).toBe('quote,tag\n');
    expect(dialog.saveCalls[0]?.window).toBe(window);
    expect(dialog.saveCalls[0]?.options).toMatchObject({ defaultPath: path.join('/fake/home/Documents', 'excerpts.csv'), filters });
  });

  it('reports a cancelled dialog without writing', async () => {
    dialog.nextSave = { canceled: true, filePath: '' };
    expect(await handlers().saveFile({ suggestedName: 'a.csv', content: 'x', filters }, { window })).toEqual({
      saved: false,
      reason: 'canceled',
    });
  });

  it('reports write failures as a message', async () => {
    dialog.nextSave = { canceled: false, filePath: path.join(folder, 'missing-folder', 'a.csv') };
    const result = await handlers().saveFile({ suggestedName: 'a.csv', content: 'x', filters }, { window });
    expect(result).toEqual({ saved: false, reason: 'error', message: expect.stringMatching(/^Not found:/) });
  });

  it('reports a dialog that fails to open', async () => {
    dialog.nextSave = new Error('no display');
    const result = await handlers().saveFile({ suggestedName: 'a.csv', content: 'x', filters }, { window });
    expect(result).toEqual({ saved: false, reason: 'error', message: 'The save dialog could not open: no display' });
  });
});

describe('openFile', () => {
  it('returns the chosen file name and bytes', async () => {
    const source = path.join(folder, 'team.qdpx');
    await writeFile(source, Buffer.from([80, 75]));
    dialog.nextOpen = { canceled: false, filePaths: [source] };
    const result = await handlers().openFile({ filters }, { window });
    expect(result).toMatchObject({ opened: true, name: 'team.qdpx' });
    expect(result.opened && [...result.content]).toEqual([80, 75]);
    expect(dialog.openCalls[0]?.options).toMatchObject({ properties: ['openFile'], filters });
  });

  it('reports cancel and unreadable files', async () => {
    dialog.nextOpen = { canceled: true, filePaths: [] };
    expect(await handlers().openFile({ filters }, { window })).toEqual({ opened: false, reason: 'canceled' });
    dialog.nextOpen = { canceled: false, filePaths: [path.join(folder, 'gone.qdpx')] };
    expect(await handlers().openFile({ filters }, { window })).toMatchObject({ opened: false, reason: 'error' });
  });
});

describe('openExternal', () => {
  it('opens https links only', async () => {
    expect(await handlers().openExternal('https://example.org/', { window })).toBe(true);
    expect(await handlers().openExternal('file:///etc/passwd', { window })).toBe(false);
    expect(shell.openedExternal).toEqual(['https://example.org/']);
  });
});
