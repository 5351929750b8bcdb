/**
 * Remembering the main window's size and position between runs.
 *
 * The state is a small JSON file in the per-user app data folder. Everything about it is
 * distrusted on load: a missing, corrupt or hand-edited file yields the defaults, sizes
 * are bounded, and a position that no longer lies on any display (a monitor was
 * unplugged) is pulled back onto the nearest work area. Saving is debounced while the
 * user drags or resizes, and immediate when the window closes; writes are atomic.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { saveFile } from '../services/files.ts';
import type { BrowserWindowPort, RectanglePort } from './electron-ports.ts';

/** The remembered geometry. `x`/`y` are absent until the window has been placed once. */
export interface WindowState {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly maximized: boolean;
}

/** File name of the state inside the user data folder. */
export const WINDOW_STATE_FILE = 'window-state.json';
/** Size of a window opened for the first time. */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };
/** Smallest window the layout works in. */
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const;
/** Largest size accepted from the file (guards against absurd values). */
const MAX_WINDOW_DIMENSION = 16_384;
/** Delay before saving after the last move or resize. */
export const SAVE_DEBOUNCE_MS = 500;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Reads a state from untrusted JSON data; null when it is not a usable state. */
export function parseWindowState(data: unknown): WindowState | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as Record<string, unknown>;
  const { width, height, x, y, maximized } = record;
  if (!isFiniteNumber(width) || !isFiniteNumber(height)) return null;
  const clampSize = (value: number, min: number) => Math.min(MAX_WINDOW_DIMENSION, Math.max(min, Math.round(value)));
  const state = {
    width: clampSize(width, MIN_WINDOW_SIZE.width),
    height: clampSize(height, MIN_WINDOW_SIZE.height),
    maximized: maximized === true,
  };
  if (isFiniteNumber(x) && isFiniteNumber(y)) return { ...state, x: Math.round(x), y: Math.round(y) };
  return state;
}

function overlap(a: RectanglePort, b: RectanglePort): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function distanceSquared(state: RectanglePort, area: RectanglePort): number {
  const dx = Math.max(area.x - state.x, 0, state.x - (area.x + area.width));
  const dy = Math.max(area.y - state.y, 0, state.y - (area.y + area.height));
  return dx * dx + dy * dy;
}

/**
 * Fits a state onto the displays: shrinks it to the chosen work area and moves it so it
 * lies fully inside. The work area is the one the window overlaps most, else the nearest.
 * Without a position, or without displays, only the size is bounded.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly RectanglePort[]): WindowState {
  if (state.x === undefined || state.y === undefined || workAreas.length === 0) {
    const largest = workAreas.reduce<RectanglePort | undefined>(
      (best, area) => (best === undefined || area.width * area.height > best.width * best.height ? area : best),
      undefined,
    );
    if (largest === undefined) return state;
    return {
      width: Math.max(Math.min(state.width, largest.width), Math.min(MIN_WINDOW_SIZE.width, largest.width)),
      height: Math.max(Math.min(state.height, largest.height), Math.min(MIN_WINDOW_SIZE.height, largest.height)),
      maximized: state.maximized,
    };
  }
  const bounds = { x: state.x, y: state.y, width: state.width, height: state.height };
  const ranked = [...workAreas].sort(
    (a, b) => overlap(bounds, b) - overlap(bounds, a) || distanceSquared(bounds, a) - distanceSquared(bounds, b),
  );
  const area = ranked[0] as RectanglePort;
  if (isFullyInside(bounds, area)) return state;
  const width = Math.min(state.width, area.width);
  const height = Math.min(state.height, area.height);
  const x = Math.min(Math.max(state.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(state.y, area.y), area.y + area.height - height);
  return { x, y, width, height, maximized: state.maximized };
}

function isFullyInside(bounds: RectanglePort, area: RectanglePort): boolean {
  return (
    bounds.x >= area.x &&
    bounds.y >= area.y &&
    bounds.x + bounds.width <= area.x + area.width &&
    bounds.y + bounds.height <= area.y + area.height
  );
}

/** Loads the state from `userDataPath`, falling back to the defaults on any problem. */
export async function loadWindowState(userDataPath: string): Promise<WindowState> {
  try {
    const text = await readFile(path.join(userDataPath, WINDOW_STATE_FILE), 'utf8');
    return parseWindowState(JSON.parse(text)) ?? DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Saves the state atomically (creating the folder if needed); returns an error message instead of throwing. */
export async function saveWindowState(userDataPath: string, state: WindowState): Promise<string | null> {
  try {
    await mkdir(userDataPath, { recursive: true });
  } catch (error) {
    return `Could not create "${userDataPath}": ${error instanceof Error ? error.message : String(error)}`;
  }
  const outcome = await saveFile(path.join(userDataPath, WINDOW_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
  return outcome.ok ? null : outcome.message;
}

/** Reads the current geometry of a window as a state. */
export function captureWindowState(window: BrowserWindowPort): WindowState {
  const bounds = window.getNormalBounds();
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: window.isMaximized() };
}

/** Timer functions, injectable for tests. */
export interface TimerPort {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: TimerPort = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Saves the window's state after moves and resizes settle (debounced) and at once when it
 * is about to close. `save` receives each snapshot; errors are its business.
 */
export function trackWindowState(
  window: BrowserWindowPort,
  save: (state: WindowState) => void,
  timers: TimerPort = realTimers,
): void {
  let pending: unknown;
  const saveNow = () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = undefined;
    if (!window.isDestroyed()) save(captureWindowState(window));
  };
  const schedule = () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = timers.setTimeout(saveNow, SAVE_DEBOUNCE_MS);
  };
  for (const event of ['move', 'resize', 'maximize', 'unmaximize'] as const) window.on(event, schedule);
  window.on('close', saveNow);
}
