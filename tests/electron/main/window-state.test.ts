import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  parseWindowState,
  SAVE_DEBOUNCE_MS,
  saveWindowState,
  trackWindowState,
  WINDOW_STATE_FILE,
  type TimerPort,
  type WindowState,
} from '../../../electron/main/window-state.ts';
import { BrowserWindow, resetFakeElectron } from '../../helpers/fake-electron.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('accepts a saved state and rounds coordinates', () => {
    expect(parseWindowState({ x: 10.4, y: 20, width: 1000, height: 700, maximized: true })).toEqual({
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it('bounds sizes and drops a half-given position', () => {
    expect(parseWindowState({ width: 10, height: 1e9, x: 5 })).toEqual({ width: 720, height: 16384, maximized: false });
  });

  it.each([null, 'x', [], {}, { width: '800', height: 600 }, { width: Number.NaN, height: 600 }, { width: 800, height: Infinity }])(
    'rejects %j',
    (data) => {
      expect(parseWindowState(data)).toBeNull();
    },
  );
});

describe('fitToDisplays', () => {
  it('keeps a window that lies fully on a display', () => {
    const state: WindowState = { x: 1500, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop, monitorRight])).toEqual(state);
  });

  it('pulls a window from an unplugged monitor back onto the nearest display', () => {
    const state: WindowState = { x: 3000, y: 200, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual({ x: 240, y: 70, width: 1200, height: 800, maximized: false });
  });

  it('shrinks a window larger than its display', () => {
    const state: WindowState = { x: 0, y: 0, width: 3000, height: 2000, maximized: true };
    expect(fitToDisplays(state, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 870, maximized: true });
  });

  it('moves a window straddling two displays onto the one it overlaps most', () => {
    const state: WindowState = { x: 1300, y: 100, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(state, [laptop, monitorRight])).toMatchObject({ x: 1440, y: 100 });
  });

  it('bounds only the size when there is no position', () => {
    expect(fitToDisplays({ width: 5000, height: 5000, maximized: false }, [laptop])).toEqual({
      width: 1440,
      height: 870,
      maximized: false,
    });
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [])).toBe(DEFAULT_WINDOW_STATE);
  });
});

describe('load and save', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'marginalia-window-state-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('round-trips a state through JSON in the user data folder', async () => {
    const state: WindowState = { x: 5, y: 6, width: 900, height: 650, maximized: false };
    expect(await saveWindowState(folder, state)).toBeNull();
    expect(JSON.parse(await readFile(path.join(folder, WINDOW_STATE_FILE), 'utf8'))).toEqual(state);
    expect(await loadWindowState(folder)).toEqual(state);
    expect(await readdir(folder)).toEqual([WINDOW_STATE_FILE]);
  });

  it('falls back to defaults for a missing or corrupt file', async () => {
    expect(await loadWindowState(folder)).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(path.join(folder, WINDOW_STATE_FILE), '{"width": 90');
    expect(await loadWindowState(folder)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('creates a missing user data folder', async () => {
    expect(await saveWindowState(path.join(folder, 'new', 'Marginalia'), DEFAULT_WINDOW_STATE)).toBeNull();
    expect(await loadWindowState(path.join(folder, 'new', 'Marginalia'))).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('reports a failed save as a message', async () => {
    const blocker = path.join(folder, 'a-file');
    await writeFile(blocker, 'not a folder');
    const problem = await saveWindowState(path.join(blocker, 'Marginalia'), DEFAULT_WINDOW_STATE);
    expect(problem).toMatch(/^Could not create ".*a-file.Marginalia"/);
  });
});

describe('trackWindowState', () => {
  let pending: Array<{ callback: () => void; ms: number; cleared: boolean }>;
  const timers: TimerPort = {
    setTimeout: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      pending.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
  };
  const runTimers = () => {
    for (const timer of pending.splice(0)) if (!timer.cleared) timer.callback();
  };

  beforeEach(() => {
    resetFakeElectron();
    pending = [];
  });

  it('saves once after a burst of moves and resizes settles', () => {
    const window = new BrowserWindow({ x: 0, y: 0, width: 800, height: 600 });
    const saved: WindowState[] = [];
    trackWindowState(window, (state) => saved.push(state), timers);
    window.simulateBounds({ x: 10, y: 10, width: 800, height: 600 });
    window.simulateBounds({ x: 20, y: 30, width: 900, height: 650 });
    expect(saved).toEqual([]);
    expect(pending.filter((timer) => !timer.cleared).map((timer) => timer.ms)).toEqual([SAVE_DEBOUNCE_MS]);
    runTimers();
    expect(saved).toEqual([{ x: 20, y: 30, width: 900, height: 650, maximized: false }]);
  });

  it('saves immediately on close and cancels the pending save', () => {
    const window = new BrowserWindow({ x: 0, y: 0, width: 800, height: 600 });
    const saved: WindowState[] = [];
    trackWindowState(window, (state) => saved.push(state), timers);
    window.simulateBounds({ x: 50, y: 60, width: 1000, height: 700 });
    window.maximize();
    window.close();
    expect(saved).toEqual([{ x: 50, y: 60, width: 1000, height: 700, maximized: true }]);
    runTimers();
    expect(saved).toHaveLength(1);
  });
});
